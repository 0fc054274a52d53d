import type {
  ActionDefinition,
  ComparisonCondition,
  DataSchema,
  DecisionInput,
  FactName,
  StrategyDocument,
  StrategyEdge,
  StrategyEnvironment,
} from '../src';

/** A customer to decide for, and what the strategy is expected to recommend first. */
export interface ExampleInput {
  name: string;
  input: DecisionInput;
  /** The expected first recommendation; `null` means the strategy must recommend nothing. */
  expectedTopAction?: string | null;
}

/** A complete, runnable strategy: the document plus the catalog and schema it is written against. */
export interface ExampleStrategy {
  id: string;
  title: string;
  description: string;
  document: StrategyDocument;
  actions: ActionDefinition[];
  schema: DataSchema;
  sampleInputs: ExampleInput[];
}

/** What validateStrategy / compileStrategy need besides the document. */
export function exampleEnvironment(example: ExampleStrategy): StrategyEnvironment {
  return { actions: example.actions, schema: example.schema };
}

/** Canvas distance between two columns and two lanes of a left-to-right layout. */
export const COLUMN_WIDTH = 260;
export const LANE_HEIGHT = 140;
/** Columns per row: a longer flow wraps onto the next row, so the studio shows it whole and readable. */
export const COLUMNS_PER_ROW = 3;
/** A row holds a split's lanes above and below the middle one. */
const ROW_HEIGHT = 3 * LANE_HEIGHT + 60;

/**
 * Canvas position of a node in column `column` (0 = first) and lane `lane` (0 = middle, negative =
 * up). Columns run left to right and wrap every COLUMNS_PER_ROW onto the next row.
 */
export function at(column: number, lane = 0): { x: number; y: number } {
  const row = Math.floor(column / COLUMNS_PER_ROW);
  return { x: (column % COLUMNS_PER_ROW) * COLUMN_WIDTH, y: row * ROW_HEIGHT + lane * LANE_HEIGHT };
}

/** One comparison in json-rules-engine's format on a top-level field: `compare('customer', 'age', 'greaterThanInclusive', 18)`. */
export function compare(
  fact: FactName,
  field: string,
  operator: string,
  value: unknown,
): ComparisonCondition {
  return { fact, path: `$.${field}`, operator, value };
}

/** The edges of a straight stretch of the flow: each node into the next, `flow('a', 'b', 'c')`. */
export function flow(...nodeIds: string[]): StrategyEdge[] {
  return nodeIds.slice(1).map((target, i) => ({ source: nodeIds[i]!, target }));
}
