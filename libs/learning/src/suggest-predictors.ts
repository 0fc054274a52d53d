import { LEAKAGE_AUC, leakageMessage, singlePredictorAuc } from './leakage';
import {
  cell,
  encodeCategories,
  isMissing,
  MAX_DISTINCT_CATEGORIES,
  readNumber,
  type Feature,
  type Primitive,
} from './prepare';

/** A dataset field the analyst could train on. */
export interface FieldChoice {
  name: string;
  input: string;
  /** The field's type as declared (number, string, boolean, date, list…). */
  type: string;
  /** 'hashed' (a pseudonymised personal column) and 'id' are never suggested. */
  privacy?: 'hashed' | 'id' | (string & {});
}

export interface PredictorSuggestion {
  name: string;
  include: boolean;
  /** Why it is left out, in words. */
  reason?: string;
  warning?: string;
}

const ID_NAME = /^(id|uuid|guid)$|[_\- ](id|uuid|key)$|[a-z](Id|ID|Uuid|Key)$/;
const POSITIVE_WORDS = new Set(['1', 'true', 'yes', 'y', 'accepted', 'accept', 'positive', 'converted']);

/**
 * The default predictors for a target: every field except the target itself, ids and hashed
 * personal columns, dates and lists, empty or constant columns, columns with more than 1,000
 * categories or a value per row, and — flagged with a warning — a field that alone separates the
 * outcomes almost perfectly (likely leakage). Without positiveValues, a two-valued target's positive
 * value is guessed (1, true, yes…, else the rarer value).
 */
export function suggestPredictors(
  rows: ReadonlyArray<Record<string, unknown>>,
  fields: readonly FieldChoice[],
  target: { column: string; positiveValues?: string[] },
): PredictorSuggestion[] {
  const labels = targetLabels(rows, target);
  return fields.map((field) => {
    const leave = (reason: string, warning?: string): PredictorSuggestion => ({
      name: field.name,
      include: false,
      reason,
      ...(warning ? { warning } : {}),
    });
    if (field.name === target.column) return leave('the target');
    if (field.privacy === 'hashed') return leave('a hashed personal column');
    if (field.privacy === 'id' || ID_NAME.test(field.name)) return leave('an id');
    if (field.type !== 'number' && field.type !== 'string' && field.type !== 'boolean') {
      return leave(
        field.type === 'date' ? 'a date (use it for a time split)' : `a ${field.type}, not a predictor type`,
      );
    }
    const feature = readFeature(rows, field);
    if (typeof feature === 'string') return leave(feature);
    if (labels) {
      const auc = singlePredictorAuc(feature, labels.rows, labels.labels);
      if (auc >= LEAKAGE_AUC) return leave('likely leakage', leakageMessage(field.name, auc));
    }
    return { name: field.name, include: true };
  });
}

function targetLabels(
  rows: ReadonlyArray<Record<string, unknown>>,
  target: { column: string; positiveValues?: string[] },
): { rows: Uint32Array; labels: Uint8Array } | undefined {
  const counts = new Map<string, number>();
  const labeled: number[] = [];
  rows.forEach((row, i) => {
    const value = cell(row, target.column);
    if (isMissing(value)) return;
    labeled.push(i);
    const key = String(value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  let positive = target.positiveValues?.length ? new Set(target.positiveValues.map(String)) : undefined;
  if (!positive && counts.size === 2) {
    const [a, b] = [...counts.entries()];
    const word = [a![0], b![0]].find((v) => POSITIVE_WORDS.has(v.toLowerCase()));
    positive = new Set([word ?? (a![1] <= b![1] ? a![0] : b![0])]);
  }
  if (!positive) return undefined;
  const labels = new Uint8Array(rows.length);
  for (const i of labeled) labels[i] = positive.has(String(cell(rows[i]!, target.column))) ? 1 : 0;
  const positives = labeled.reduce((n, i) => n + labels[i]!, 0);
  if (positives === 0 || positives === labeled.length) return undefined;
  return { rows: Uint32Array.from(labeled), labels };
}

/** The field as a feature over the sample, or why it cannot be one. */
function readFeature(rows: ReadonlyArray<Record<string, unknown>>, field: FieldChoice): Feature | string {
  const all = Uint32Array.from(rows.keys());
  if (field.type === 'number') {
    const values = new Float64Array(rows.length);
    const distinct = new Set<number>();
    for (let i = 0; i < rows.length; i++) {
      const x = readNumber(cell(rows[i]!, field.name));
      if (x === undefined) return 'has values that are not numbers';
      values[i] = x;
      if (!Number.isNaN(x)) distinct.add(x);
    }
    if (distinct.size === 0) return 'no values';
    if (distinct.size === 1) return 'one value in every row';
    return { kind: 'number', name: field.name, input: field.input, values };
  }
  const index = new Map<string, number>();
  const keys: string[] = [];
  const representatives: Primitive[][] = [];
  const codes = new Int32Array(rows.length);
  let present = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = cell(rows[i]!, field.name);
    if (isMissing(value) || (typeof value === 'object' && value !== null)) {
      codes[i] = -1;
      continue;
    }
    present++;
    const key = String(value);
    let code = index.get(key);
    if (code === undefined) {
      if (keys.length >= MAX_DISTINCT_CATEGORIES)
        return `more than ${MAX_DISTINCT_CATEGORIES} distinct values`;
      code = keys.length;
      index.set(key, code);
      keys.push(key);
      representatives.push([value as Primitive]);
    }
    codes[i] = code;
  }
  if (present === 0) return 'no values';
  if (keys.length === 1) return 'one value in every row';
  if (keys.length === present && present > 50) return 'a different value in every row, like an id';
  return encodeCategories(
    {
      kind: 'text',
      predictor: { name: field.name, input: field.input, type: 'string' },
      keys,
      codes,
      representatives,
    },
    all,
    100,
  );
}
