import { CHUNK_ROWS, checkpoint } from './cooperate';
import { TrainingError } from './training-error';
import type { PredictorDef, ReportWarning, TrainingTarget } from './types';

/** More distinct values than this in a text predictor look like an id or free text: refused. */
export const MAX_DISTINCT_CATEGORIES = 1000;

export type Primitive = string | number | boolean;

/** A number predictor as read from the rows: NaN marks a missing value. */
export interface NumberColumn {
  kind: 'number';
  predictor: PredictorDef;
  values: Float64Array;
}

/** A text or true/false predictor as read: codes index `keys` (String(value)); -1 marks a missing value. */
export interface TextColumn {
  kind: 'text';
  predictor: PredictorDef;
  keys: string[];
  codes: Int32Array;
  /** Per key, the values as typed in the rows (e.g. 21 and "21"), so scorecard bins match them. */
  representatives: Primitive[][];
}

export type RawColumn = NumberColumn | TextColumn;

export interface NumberFeature {
  kind: 'number';
  name: string;
  input: string;
  values: Float64Array;
}

/**
 * A categorical predictor ready for training: codes 0…levels-1 are the kept categories (most frequent
 * in the training rows first), `other` = levels.length stands for every other value, `missing` = other + 1.
 */
export interface CategoryFeature {
  kind: 'category';
  name: string;
  input: string;
  levels: string[];
  representatives: Primitive[][];
  codes: Uint16Array;
  other: number;
  missing: number;
}

export type Feature = NumberFeature | CategoryFeature;

export interface Target {
  /** 1 for a positive row, 0 otherwise, by row index. */
  labels: Uint8Array;
  /** Indices of the rows with a target value, ascending. */
  labeled: Uint32Array;
}

/** Missing as the engine's models read it: absent, null or empty text. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A row's own value of a column; never one inherited from Object.prototype (a column named "constructor"). */
export function cell(row: Record<string, unknown>, column: string): unknown {
  return Object.hasOwn(row, column) ? row[column] : undefined;
}

/**
 * `cell` for one column over many rows: a plain property read, unless the name is also a property
 * of Object.prototype (then an own-property check).
 */
export function cellReader(column: string): (row: Record<string, unknown>) => unknown {
  return column in Object.prototype ? (row) => cell(row, column) : (row) => row[column];
}

const rowLabel = (index: number) => `row ${index + 1}`;

export function extractTarget(rows: ReadonlyArray<Record<string, unknown>>, target: TrainingTarget): Target {
  const { column } = target;
  if (!Array.isArray(target.positiveValues) || target.positiveValues.length === 0) {
    throw new TrainingError(
      'invalid_value',
      `choose which values of the target column "${column}" count as positive`,
      column,
    );
  }
  const positive = new Set(target.positiveValues.map(String));
  const labels = new Uint8Array(rows.length);
  const labeled: number[] = [];
  const read = cellReader(column);
  for (let i = 0; i < rows.length; i++) {
    const value = read(rows[i]!);
    if (isMissing(value)) continue;
    labeled.push(i);
    if (positive.has(String(value))) labels[i] = 1;
  }
  if (labeled.length === 0) {
    throw new TrainingError(
      'missing_column',
      `the dataset has no target column "${column}" (no row has a value in it)`,
      column,
    );
  }
  let positives = 0;
  for (const i of labeled) positives += labels[i]!;
  if (positives === 0 || positives === labeled.length) {
    const which = positives === 0 ? 'negative' : 'positive';
    throw new TrainingError(
      'single_class',
      `every row of the target column "${column}" is ${which} (positive values: ${[...positive].map((v) => JSON.stringify(v)).join(', ')}); a model needs rows of both outcomes`,
      column,
    );
  }
  return { labels, labeled: Uint32Array.from(labeled) };
}

/** Reads each predictor into a typed column; refuses absent columns, NaN/Infinity and non-numbers in number columns. */
export async function extractColumns(
  rows: ReadonlyArray<Record<string, unknown>>,
  predictors: readonly PredictorDef[],
  signal?: AbortSignal,
): Promise<RawColumn[]> {
  const columns: RawColumn[] = [];
  for (const predictor of predictors) {
    columns.push(
      predictor.type === 'number'
        ? await extractNumbers(rows, predictor, signal)
        : await extractTexts(rows, predictor, signal),
    );
  }
  return columns;
}

function absent(predictor: PredictorDef): TrainingError {
  return new TrainingError(
    'missing_column',
    `the dataset has no column "${predictor.name}" (no row has a value in it); leave the predictor out or choose another dataset`,
    predictor.name,
  );
}

async function extractNumbers(
  rows: ReadonlyArray<Record<string, unknown>>,
  predictor: PredictorDef,
  signal: AbortSignal | undefined,
): Promise<NumberColumn> {
  const { name } = predictor;
  const values = new Float64Array(rows.length);
  const read = cellReader(name);
  let present = 0;
  for (let i = 0; i < rows.length; i++) {
    if (i % CHUNK_ROWS === CHUNK_ROWS - 1) await checkpoint(signal);
    const value = read(rows[i]!);
    const x = readNumber(value);
    if (x === undefined) {
      throw new TrainingError(
        'invalid_value',
        `column "${name}" has ${describe(value)} in ${rowLabel(i)}; a number predictor needs finite numbers (or no value)`,
        name,
      );
    }
    values[i] = x;
    if (!Number.isNaN(x)) present++;
  }
  if (present === 0 && !rows.some((row) => Object.hasOwn(row, name))) throw absent(predictor);
  return { kind: 'number', predictor, values };
}

/** NaN for a missing value, the number for a finite number or numeric text, undefined for anything else. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === undefined || value === null) return NaN;
  if (typeof value === 'string') {
    if (value.trim() === '') return NaN;
    const x = Number(value);
    return Number.isFinite(x) ? x : undefined;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return `the value ${value}`;
  if (Array.isArray(value)) return 'a list';
  return `a value of type ${typeof value === 'object' ? 'object' : typeof value}`;
}

async function extractTexts(
  rows: ReadonlyArray<Record<string, unknown>>,
  predictor: PredictorDef,
  signal: AbortSignal | undefined,
): Promise<TextColumn> {
  const { name } = predictor;
  const codes = new Int32Array(rows.length);
  const index = new Map<string, number>();
  const keys: string[] = [];
  const representatives: Primitive[][] = [];
  const read = cellReader(name);
  let present = false;
  for (let i = 0; i < rows.length; i++) {
    if (i % CHUNK_ROWS === CHUNK_ROWS - 1) await checkpoint(signal);
    const row = rows[i]!;
    const value = read(row);
    if (isMissing(value)) {
      codes[i] = -1;
      present ||= Object.hasOwn(row, name);
      continue;
    }
    present = true;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TrainingError(
        'invalid_value',
        `column "${name}" has ${describe(value)} in ${rowLabel(i)}; a predictor needs a number, a text or true/false`,
        name,
      );
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TrainingError(
        'invalid_value',
        `column "${name}" has ${value} in ${rowLabel(i)}; a predictor needs finite numbers`,
        name,
      );
    }
    const key = String(value);
    let code = index.get(key);
    if (code === undefined) {
      code = keys.length;
      if (code >= MAX_DISTINCT_CATEGORIES) {
        throw new TrainingError(
          'too_many_categories',
          `column "${name}" has more than ${MAX_DISTINCT_CATEGORIES} distinct values, like an id or free text; leave it out or group its values into fewer categories`,
          name,
        );
      }
      index.set(key, code);
      keys.push(key);
      representatives.push([value]);
    } else {
      const reps = representatives[code]!;
      if (!reps.some((r) => typeof r === typeof value)) reps.push(value);
    }
    codes[i] = code;
  }
  if (!present) throw absent(predictor);
  return { kind: 'text', predictor, keys, codes, representatives };
}

/**
 * Turns the raw columns into features from the training rows: categories beyond `maxCategories`
 * (the least frequent) go to "other"; constant predictors are dropped. Both are reported as warnings.
 */
export async function buildFeatures(
  columns: readonly RawColumn[],
  train: Uint32Array,
  maxCategories: number,
  signal?: AbortSignal,
): Promise<{ features: Feature[]; warnings: ReportWarning[] }> {
  const features: Feature[] = [];
  const warnings: ReportWarning[] = [];
  for (const column of columns) {
    await checkpoint(signal);
    const { name, input } = column.predictor;
    const constant = constantValue(column, train);
    if (constant !== undefined) {
      warnings.push({
        code: 'constant',
        predictor: name,
        message:
          constant === null
            ? `"${name}" has no value in any training row; it was left out`
            : `"${name}" is ${constant} in every training row, so it cannot tell rows apart; it was left out`,
      });
      continue;
    }
    const missingShare = missingCount(column, train) / train.length;
    if (missingShare >= 0.5) {
      warnings.push({
        code: 'missing_values',
        predictor: name,
        message: `"${name}" has no value in ${Math.round(missingShare * 100)}% of the training rows; the model learns little from it`,
      });
    }
    if (column.kind === 'number') {
      features.push({ kind: 'number', name, input, values: column.values });
      continue;
    }
    const feature = encodeCategories(column, train, maxCategories);
    const capped = column.keys.length - feature.levels.length;
    if (capped > 0) {
      warnings.push({
        code: 'categories_capped',
        predictor: name,
        message: `"${name}" has ${column.keys.length} distinct values; the ${feature.levels.length} most frequent are kept and the other ${capped} share one "other" category`,
      });
    }
    features.push(feature);
  }
  return { features, warnings };
}

function missingCount(column: RawColumn, rows: Uint32Array): number {
  let missing = 0;
  if (column.kind === 'number') {
    for (const r of rows) if (Number.isNaN(column.values[r]!)) missing++;
  } else {
    for (const r of rows) if (column.codes[r]! < 0) missing++;
  }
  return missing;
}

/** The single value a column holds in every training row (null: always missing), else undefined. */
function constantValue(column: RawColumn, rows: Uint32Array): string | null | undefined {
  if (column.kind === 'number') {
    const first = column.values[rows[0]!]!;
    for (const r of rows) {
      const x = column.values[r]!;
      if (x !== first && !(Number.isNaN(x) && Number.isNaN(first))) return undefined;
    }
    return Number.isNaN(first) ? null : String(first);
  }
  const first = column.codes[rows[0]!]!;
  for (const r of rows) if (column.codes[r] !== first) return undefined;
  return first < 0 ? null : JSON.stringify(column.keys[first]);
}

/** Keeps the `maxCategories` most frequent categories of the training rows (ties: first seen). */
export function encodeCategories(
  column: TextColumn,
  train: Uint32Array,
  maxCategories: number,
): CategoryFeature {
  const counts = new Float64Array(column.keys.length);
  for (const r of train) {
    const code = column.codes[r]!;
    if (code >= 0) counts[code]!++;
  }
  const order = [...column.keys.keys()]
    .filter((k) => counts[k]! > 0)
    .sort((a, b) => counts[b]! - counts[a]! || a - b)
    .slice(0, maxCategories);
  const other = order.length;
  const missing = other + 1;
  const levelOf = new Int32Array(column.keys.length).fill(other);
  order.forEach((k, level) => (levelOf[k] = level));
  const codes = new Uint16Array(column.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = column.codes[i]!;
    codes[i] = code < 0 ? missing : levelOf[code]!;
  }
  return {
    kind: 'category',
    name: column.predictor.name,
    input: column.predictor.input,
    levels: order.map((k) => column.keys[k]!),
    representatives: order.map((k) => column.representatives[k]!),
    codes,
    other,
    missing,
  };
}
