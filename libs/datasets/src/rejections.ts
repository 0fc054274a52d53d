import { escapeUnstorable } from './storable-text';

/** Why a row was rejected. The README lists each kind with what the user can do about it. */
export const REJECTION_KINDS = [
  'field-count',
  'quote',
  'unterminated-quote',
  'too-long',
  'invalid-json',
  'too-deep',
  'not-an-object',
  'unexpected-column',
  'encoding',
  'invalid-number',
  'invalid-boolean',
  'invalid-date',
  'invalid-list',
  'invalid-string',
  'not-allowed',
  'missing-required',
  'invalid-outcome',
  'invalid-propensity',
] as const;

export type RejectionKind = (typeof REJECTION_KINDS)[number];

export interface RejectedRow {
  /** Physical line in the file where the row starts (the header is line 1). */
  line: number;
  column?: string;
  kind: RejectionKind;
  /** A sentence for the user: what is wrong and, where it helps, what to do. */
  reason: string;
  /** The offending value, cut to 100 characters; never given for personal columns. */
  value?: string;
}

export const MAX_VALUE_SHOWN = 100;

export function shownValue(value: unknown): string {
  const text = escapeUnstorable(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
  return text.length > MAX_VALUE_SHOWN ? `${text.slice(0, MAX_VALUE_SHOWN)}…` : text;
}

/** Keeps the first rejections in full and counts all of them, so memory stays bounded on a bad file. */
export class RejectionLog {
  readonly rejected: RejectedRow[] = [];
  readonly byKind: Partial<Record<RejectionKind, number>> = {};
  total = 0;

  constructor(private readonly keep: number) {}

  add(row: RejectedRow): void {
    this.total++;
    this.byKind[row.kind] = (this.byKind[row.kind] ?? 0) + 1;
    if (this.rejected.length < this.keep) this.rejected.push(row);
  }
}
