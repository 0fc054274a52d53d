// Public API of the decision engine. Pure TypeScript: runs unchanged in the API, workers and the browser.
export * from './catalog/action';
export * from './catalog/action-definition';
export * from './catalog/action-fields';
export * from './catalog/fields';
export { actionPropertyDefinition } from './catalog/field-types';
export * from './conditions/types';
export { checkCondition, MAX_CONDITION_DEPTH, type ConditionScope } from './conditions/check-condition';
export { FIELD_AGES } from './conditions/field-ages';
export {
  compileCondition,
  ConditionEvaluationError,
  type CompiledCondition,
  type ConditionOutcome,
} from './conditions/compile-condition';
export { describeCondition, formatValue, humanize, type Labels } from './conditions/describe-condition';
export { OPERATORS, DECORATORS } from './conditions/operators';
export * from './document/strategy-document';
export { canonicalJson } from './document/canonical-json';
export { contentHash, withoutLayout } from './document/content-hash';
export { migrateDocument } from './document/migrate-document';
export { fieldsRead, type FieldsRead } from './document/fields-read';
export { sha256Hex } from './document/sha256';
export * from './models/model-spec';
export {
  checkExpression,
  expressionReads,
  formatExpression,
  parseExpression,
  type ExpressionError,
  type ExpressionScope,
} from './expressions';
export type { Contribution, ExplainFunction, ScoreFunction } from './models/model-kind';
export {
  MAX_TREES,
  MAX_TREE_NODES,
  type TreeEnsembleParams,
  type TreeLeaf,
  type TreeNode,
  type TreeSplit,
} from './models/tree-ensemble-model';
export {
  adaptiveInputReader,
  adaptiveScore,
  compileAdaptive,
  explorationUniform,
  seededNormal,
  type AdaptiveExploration,
  type AdaptiveFacts,
  type AdaptiveParams,
  type AdaptiveParamsInput,
  type AdaptiveScore,
  type WeightPosterior,
} from './models/adaptive-model';
export { describeCell } from './models/decision-table-model';
export * from './nodes/node-spec';
export {
  NODE_SPECS,
  NODE_TYPES,
  nodeSpec,
  type NodeType,
  type NodeConfig,
  type NodeConfigInput,
} from './nodes/registry';
export { actionsSelected } from './nodes/actions/actions-node';
export { bucketOf } from './nodes/split/bucket';
export * from './runtime/types';
export {
  compileStrategy,
  compileCached,
  type CompiledStrategy,
  type CompileOptions,
} from './runtime/compile-strategy';
export { STORABLE_YEARS, validateDecisionInput, type InputProblem } from './runtime/validate-decision-input';
export * from './validation/problem';
export { validateStrategy, type ValidationResult } from './validation/validate-strategy';
export * from './diff/diff-strategies';
export * from './metrics';
export { csvCell, csvLine, neutraliseFormula, restoreFormulaText, type CsvCell } from './export/csv-cell';
export {
  importJsonRulesEngineRules,
  MAX_IMPORTED_RULES,
  RulesFileError,
  type RulesImport,
  type RulesImportNote,
} from './import/json-rules-engine';
