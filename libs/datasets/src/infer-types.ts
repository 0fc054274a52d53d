import type { FieldDefinition } from '@arbiter/engine';
import { fieldNamesFor } from './field-name';
import { missingTest } from './parse-value';
import { hasLeadingZero, isBooleanWord, readIsoDate, readNumber } from './value-syntax';

/** An inferred column: the customer field it suggests, which the user can correct before importing. */
export interface InferredColumn {
  column: string;
  field: FieldDefinition;
  /** Values seen in the sample (missing ones excluded). */
  sampled: number;
}

export interface InferOptions {
  missingValues?: readonly string[];
}

/** Strings with at most this many distinct values (each seen twice on average) get an `allowedValues` suggestion. */
export const MAX_SUGGESTED_VALUES = 50;

type Kind = 'number' | 'boolean' | 'date' | 'list';

class ColumnEvidence {
  sampled = 0;
  /** Kinds every value seen so far fits. */
  private fits = new Set<Kind>(['number', 'boolean', 'date', 'list']);
  private distinct: Set<string> | undefined = new Set();

  add(raw: unknown): void {
    this.sampled++;
    for (const kind of this.fits) if (!fitsKind(raw, kind)) this.fits.delete(kind);
    if (this.distinct && typeof raw === 'string') {
      this.distinct.add(raw);
      if (this.distinct.size > MAX_SUGGESTED_VALUES) this.distinct = undefined;
    }
  }

  field(name: string, column: string): FieldDefinition {
    // Order matters where a value fits two kinds: a list of one number "[1]" is a list, 0/1 is a number.
    const type: FieldDefinition['type'] =
      this.sampled === 0
        ? 'string'
        : ((['list', 'boolean', 'number', 'date'] as const).find((k) => this.fits.has(k)) ?? 'string');
    const field: FieldDefinition = { name, type };
    if (name !== column && column !== '') field.label = column;
    if (
      type === 'string' &&
      this.distinct &&
      this.distinct.size > 0 &&
      this.distinct.size * 2 <= this.sampled
    ) {
      field.allowedValues = [...this.distinct].sort();
    }
    return field;
  }
}

/**
 * Rules: number = decimal notation (sign, fraction, exponent) but not codes with leading zeros ("007")
 * or integers too long to hold exactly; a column of only 0 and 1 is a number (flags and outcomes
 * are counted and averaged; declare it boolean to get true/false); boolean = true/false/yes/no in
 * any case (or JSON booleans); date = ISO 8601 date or date-time; list = JSON arrays; else string.
 */
function fitsKind(raw: unknown, kind: Kind): boolean {
  if (typeof raw === 'string') {
    switch (kind) {
      case 'number':
        return readNumber(raw).ok && !hasLeadingZero(raw);
      case 'boolean':
        return isBooleanWord(raw);
      case 'date':
        return readIsoDate(raw) !== undefined;
      case 'list': {
        const t = raw.trim();
        if (!t.startsWith('[')) return false;
        try {
          return isPrimitiveArray(JSON.parse(t));
        } catch {
          return false;
        }
      }
    }
  }
  if (kind === 'number') return typeof raw === 'number' && Number.isFinite(raw);
  if (kind === 'boolean') return typeof raw === 'boolean';
  if (kind === 'list') return isPrimitiveArray(raw);
  return false;
}

function isPrimitiveArray(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')
  );
}

/**
 * Infers a field definition per column from sample rows (values in column order: texts from CSV,
 * JSON values from JSON lines). Field names are identifiers derived from the column names.
 */
export function inferColumns(
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
  options: InferOptions = {},
): InferredColumn[] {
  const isMissing = missingTest(options.missingValues);
  const evidence = columns.map(() => new ColumnEvidence());
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const raw = row[i];
      if (!isMissing(raw)) evidence[i]!.add(raw);
    }
  }
  const names = fieldNamesFor(columns);
  return columns.map((column, i) => ({
    column,
    field: evidence[i]!.field(names[i]!, column),
    sampled: evidence[i]!.sampled,
  }));
}

/** The inferred definitions alone, as the customer schema expects them. */
export function inferFields(
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
  options: InferOptions = {},
): FieldDefinition[] {
  return inferColumns(columns, rows, options).map((c) => c.field);
}
