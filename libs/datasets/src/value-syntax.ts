/** How text values are recognised as numbers, booleans and dates; shared by detection, inference and typing. */

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_TEXT = /^[+-]?\d+$/;
const LEADING_ZERO = /^[+-]?0\d/;
// ISO 8601 calendar date, optionally with a time (`T` or, as RFC 3339 allows, a space) and offset.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

// Module-level references to the globals used per value: lookups through a sandboxed global (Jest's vm) are slow.
const toNumber = Number;
const isFinite = Number.isFinite;
const isSafeInteger = Number.isSafeInteger;

export const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes']);
export const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no']);

export type NumberText =
  { ok: true; value: number } | { ok: false; problem: 'syntax' | 'precision' | 'range' };

/** Reads decimal notation (sign, fraction, exponent). Integers beyond 2^53 would lose digits, so they are refused. */
export function readNumber(text: string): NumberText {
  const t = text.trim();
  if (!NUMBER_TEXT.test(t)) return { ok: false, problem: 'syntax' };
  const value = toNumber(t);
  if (!isFinite(value)) return { ok: false, problem: 'range' };
  if (INTEGER_TEXT.test(t) && !isSafeInteger(value)) return { ok: false, problem: 'precision' };
  return { ok: true, value };
}

/** "007" or "0123" are identifiers or codes: reading them as numbers would lose the zeros. */
export function hasLeadingZero(text: string): boolean {
  return LEADING_ZERO.test(text.trim());
}

/** true/false/yes/no in any letter case, and 1/0; undefined when the text is none of them. */
export function readBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t) || t === '1') return true;
  if (FALSE_WORDS.has(t) || t === '0') return false;
  return undefined;
}

export function isBooleanWord(text: string): boolean {
  const t = text.trim().toLowerCase();
  return TRUE_WORDS.has(t) || FALSE_WORDS.has(t);
}

/**
 * Checks an ISO 8601 date or date-time (real calendar day, hours 0–23) and returns it with a
 * space separator replaced by `T`; undefined when it is not one.
 */
export function readIsoDate(text: string): string | undefined {
  const t = text.trim();
  const m = ISO_DATE.exec(t);
  if (!m) return undefined;
  const year = toNumber(m[1]);
  const month = toNumber(m[2]);
  const day = toNumber(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (
    m[4] !== undefined &&
    (toNumber(m[4]) > 23 || toNumber(m[5]) > 59 || (m[6] !== undefined && toNumber(m[6]) > 59))
  ) {
    return undefined;
  }
  const offset = m[7];
  if (offset && offset !== 'Z' && (toNumber(offset.slice(1, 3)) > 23 || toNumber(offset.slice(-2)) > 59))
    return undefined;
  return t.length > 10 ? `${t.slice(0, 10)}T${t.slice(11)}` : t;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** What a raw text looks like, for header detection and type inference. */
export type TextKind = 'missing' | 'number' | 'boolean' | 'date' | 'text';

export function textKind(text: string): TextKind {
  const t = text.trim();
  if (t === '') return 'missing';
  if (readNumber(t).ok && !hasLeadingZero(t)) return 'number';
  if (isBooleanWord(t)) return 'boolean';
  if (readIsoDate(t) !== undefined) return 'date';
  return 'text';
}
