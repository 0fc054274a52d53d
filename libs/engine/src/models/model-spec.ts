import { z } from 'zod';
import { joinField, problem, type ValidationProblem } from '../validation/problem';
import { adaptiveModel, adaptiveParamsSchema } from './adaptive-model';
import { decisionTableModel, decisionTableParamsSchema } from './decision-table-model';
import { expressionModel, expressionParamsSchema } from './expression-model';
import { logisticModel, logisticParamsSchema } from './logistic-model';
import type {
  ExplainFunction,
  ModelCheckContext,
  ModelCompileOptions,
  ModelKind,
  ScoreFunction,
  StagedScore,
} from './model-kind';
import { scorecardModel, scorecardParamsSchema } from './scorecard-model';
import { treeEnsembleModel, treeEnsembleParamsSchema } from './tree-ensemble-model';

/** A model from the model registry (e.g. one trained from outcomes), referenced by id and optionally version. */
export const registryModelSchema = z.object({
  type: z.literal('registry'),
  modelId: z.string().min(1),
  version: z.number().int().min(1).optional(),
});
export type RegistryModelSpec = z.infer<typeof registryModelSchema>;

/** The key of a registry reference in `env.models`: `modelId@version`, or `modelId` without a version. */
export function registryKey(spec: { modelId: string; version?: number }): string {
  return spec.version === undefined ? spec.modelId : `${spec.modelId}@${spec.version}`;
}

/** Models a document spells out in full; a model spec is one of these or a registry reference. */
const INLINE_MODEL_SCHEMAS = [
  logisticParamsSchema,
  scorecardParamsSchema,
  decisionTableParamsSchema,
  expressionParamsSchema,
  treeEnsembleParamsSchema,
  adaptiveParamsSchema,
] as const;
export const inlineModelSchema = z.discriminatedUnion('type', INLINE_MODEL_SCHEMAS);
export const modelSpecSchema = z.discriminatedUnion('type', [...INLINE_MODEL_SCHEMAS, registryModelSchema]);
export type InlineModelSpec = z.infer<typeof inlineModelSchema>;
export type ModelSpec = z.infer<typeof modelSpecSchema>;
/** A model as a document may hold it (defaults not yet applied). */
export type ModelSpecInput = z.input<typeof modelSpecSchema>;

const KINDS: { [K in InlineModelSpec['type']]: ModelKind<Extract<InlineModelSpec, { type: K }>> } = {
  logistic: logisticModel,
  scorecard: scorecardModel,
  decisionTable: decisionTableModel,
  expression: expressionModel,
  treeEnsemble: treeEnsembleModel,
  adaptive: adaptiveModel,
};

function kindOf(spec: InlineModelSpec): ModelKind<InlineModelSpec> {
  return KINDS[spec.type] as ModelKind<InlineModelSpec>;
}

function registryEntry(
  spec: RegistryModelSpec,
  models: Readonly<Record<string, ModelSpec>> | undefined,
): unknown {
  const key = registryKey(spec);
  return models && Object.hasOwn(models, key) ? models[key] : undefined;
}

/** "model "churn"" or "model "churn" version 3", as problems name a reference. */
function describeReference(spec: RegistryModelSpec): string {
  return `model "${spec.modelId}"${spec.version === undefined ? '' : ` version ${spec.version}`}`;
}

/**
 * Follows a registry reference to the model it names, with the defaults of its schema applied (a
 * registry entry is stored JSON, like a node's config); undefined if the registry lacks it or the
 * entry is not a valid inline model.
 */
export function resolveModel(
  spec: ModelSpec,
  models: Readonly<Record<string, ModelSpec>> | undefined,
): InlineModelSpec | undefined {
  if (spec.type !== 'registry') return spec;
  const parsed = inlineModelSchema.safeParse(registryEntry(spec, models));
  return parsed.success ? parsed.data : undefined;
}

export function checkModel(spec: ModelSpec, ctx: ModelCheckContext, field: string): ValidationProblem[] {
  if (spec.type === 'registry') {
    const at = joinField(field, 'modelId');
    const found = registryEntry(spec, ctx.env.models);
    if (found === undefined) {
      return [
        problem(
          'unknown_model',
          `${describeReference(spec)} does not exist in the model registry; choose a registered model`,
          {
            nodeId: ctx.nodeId,
            field: at,
          },
        ),
      ];
    }
    // The registry model is checked like an inline one; its problems are reported on the reference.
    const parsed = inlineModelSchema.safeParse(found);
    const inner = parsed.success
      ? (kindOf(parsed.data).check?.(parsed.data, ctx, '') ?? [])
      : parsed.error.issues.map((issue) =>
          problem(
            'invalid_config',
            `${issue.message}${issue.path.length ? ` (at ${issue.path.join('.')})` : ''}`,
          ),
        );
    return inner.map((p) => ({
      ...p,
      nodeId: ctx.nodeId,
      field: at,
      message: `registry ${describeReference(spec)}: ${p.message}${p.field ? ` (at ${p.field})` : ''}`,
    }));
  }
  return kindOf(spec).check?.(spec, ctx, field) ?? [];
}

export function compileModel(spec: InlineModelSpec, options?: ModelCompileOptions): ScoreFunction {
  return kindOf(spec).compile(spec, options);
}

/** The score in two stages (customer part once per decision), if the model's kind splits it. */
export function compileStagedModel(
  spec: InlineModelSpec,
  options?: ModelCompileOptions,
): StagedScore | undefined {
  return kindOf(spec).compileStaged?.(spec, options);
}

/** Per-input contributions for explanations, if the model's kind explains itself. */
export function explainModel(spec: InlineModelSpec): ExplainFunction | undefined {
  return kindOf(spec).explain?.(spec);
}

/** Whether a model's score depends on the candidate (action or fields) or only on the customer and context. */
export function modelIsPerCandidate(spec: InlineModelSpec): boolean {
  const reads = kindOf(spec).reads(spec);
  return reads.includes('action') || reads.includes('fields');
}

export function summarizeModel(spec: ModelSpec): string {
  if (spec.type === 'registry')
    return `model ${spec.modelId}${spec.version === undefined ? '' : ` v${spec.version}`}`;
  return kindOf(spec).summarize(spec);
}
