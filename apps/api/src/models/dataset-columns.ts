import type { ColumnReport, DataQualityReport } from '@arbiter/datasets';
import type { FieldDefinition } from '@arbiter/engine';
import type { PredictorType } from '@arbiter/learning';

/** Where a dataset column's value is in a stored row (`dataset_rows`). */
export type ColumnSource =
  | { kind: 'customer'; field: string }
  | { kind: 'outcome' }
  | { kind: 'action' }
  | { kind: 'propensity' }
  | { kind: 'customerId' };

/** A column of a dataset as training sees it. */
export interface TrainingColumn {
  /** The column's name in the file (the logged action's columns joined with " + " when there are several). */
  name: string;
  source: ColumnSource;
  type: FieldDefinition['type'];
  /** What a decision request carries for it: the engine reference a model reads (customer.age, action.id). */
  input: string | undefined;
  /** Held as a keyed hash (personal data): no value of it means anything to a model. */
  hashed: boolean;
  /** A customer field the declared schema has (or the candidate action's id): decisions carry it. */
  declared: boolean;
  distinct: number;
  /** Values, most frequent first. */
  values: string[];
  /** Whether `values` lists every value of the column (few distinct values, all counted exactly). */
  valuesComplete: boolean;
}

/** At most this many distinct values for a column to be offered as a target. */
export const MAX_TARGET_VALUES = 50;

const ACTION_JOINER = ' + ';

function sourceOf(column: ColumnReport): ColumnSource | undefined {
  if (column.roles.includes('customerId')) return { kind: 'customerId' };
  if (column.roles.includes('outcome')) return { kind: 'outcome' };
  if (column.roles.includes('loggedAction')) return { kind: 'action' };
  if (column.roles.includes('loggingPropensity')) return { kind: 'propensity' };
  if (column.field !== undefined) return { kind: 'customer', field: column.field };
  return undefined;
}

function inputOf(source: ColumnSource): string | undefined {
  if (source.kind === 'customer') return `customer.${source.field}`;
  if (source.kind === 'action') return 'action.id';
  return undefined;
}

/**
 * The columns of a READY dataset, from its report (per-column roles, types and statistics):
 * one per imported column, except that the logged action's columns (stored joined, as the
 * action id) are one column; none without a report. `declaredCustomer`: the declared customer schema; when it declares
 * nothing every field counts as declared (strategies are not checked against a schema then).
 */
export function trainingColumns(
  report: DataQualityReport | null,
  declaredCustomer: readonly FieldDefinition[],
): TrainingColumn[] {
  const declared = new Set(declaredCustomer.map((f) => f.name));
  const columns: TrainingColumn[] = [];
  const reported = report?.columns ?? [];
  const actionColumns = reported.filter((c) => sourceOf(c)?.kind === 'action');
  for (const column of reported) {
    const source = sourceOf(column);
    if (!source) continue;
    if (source.kind === 'action') {
      if (column !== actionColumns[0]) continue;
      const name = actionColumns.map((c) => c.name).join(ACTION_JOINER);
      columns.push({
        name,
        source,
        type: 'string',
        input: 'action.id',
        hashed: false,
        declared: true,
        distinct: column.distinct,
        values: [],
        valuesComplete: false,
      });
      continue;
    }
    const values = (column.topValues ?? []).map((v) => String(v.value));
    columns.push({
      name: column.name,
      source,
      type: column.type,
      input: inputOf(source),
      hashed: column.personal === 'hash',
      declared: source.kind === 'customer' && (declared.size === 0 || declared.has(source.field)),
      distinct: column.distinct,
      values,
      valuesComplete: !column.distinctCapped && values.length === column.distinct,
    });
  }
  return columns;
}

/** Columns that can be a target: the outcome (first) and low-cardinality fields in clear, with at least two values. */
export function targetColumns(columns: readonly TrainingColumn[]): TrainingColumn[] {
  const candidates = columns.filter(
    (c) =>
      (c.source.kind === 'outcome' || c.source.kind === 'customer') &&
      !c.hashed &&
      c.type !== 'list' &&
      c.distinct >= 2 &&
      c.distinct <= MAX_TARGET_VALUES,
  );
  return [
    ...candidates.filter((c) => c.source.kind === 'outcome'),
    ...candidates.filter((c) => c.source.kind !== 'outcome'),
  ];
}

/** The trainer's type of a predictor column. */
export function predictorType(column: TrainingColumn): PredictorType {
  if (column.type === 'number') return 'number';
  if (column.type === 'boolean') return 'boolean';
  return 'string';
}

/**
 * Why a column can never be a predictor of a model that decides (undefined: it can). `target`: the
 * column being predicted.
 */
export function unusableReason(column: TrainingColumn, target: string | undefined): string | undefined {
  if (column.name === target) return 'it is the target';
  switch (column.source.kind) {
    case 'customerId':
      return 'it is the customer id: an identifier, not a trait of the customer';
    case 'outcome':
      return 'it is the outcome of the logged action: known only after the decision';
    case 'propensity':
      return "it is the logging policy's propensity: a decision request does not carry it";
    default:
      break;
  }
  if (column.hashed)
    return 'it is held hashed (personal data): a pseudonym has no meaning a model could learn, and decisions carry the value in clear';
  if (column.type === 'list') return 'it is a list: a model reads numbers, texts and true/false';
  if (column.type === 'date') return 'it is a date: choose it as the time column for a split by time';
  return undefined;
}
