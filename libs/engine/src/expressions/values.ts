/**
 * Value rules shared by compiled expressions. "Missing" is `undefined`: it is what an absent field
 * reads as, and what any operation on unusable input produces, so a bad input never throws.
 */

/** Finite numbers as they are, numeric strings (as they come from CSV) converted; else missing. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // Number('') and Number('  ') are 0; an empty cell is missing, not zero.
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function finite(n: number): number | undefined {
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `==`: numbers, strings and booleans compare with `===` (so numbers by value, `0 == -0`), with no
 * conversion between types (`"42" == 42` is false); missing and null are equal to each other, so
 * `customer.segment == null` tests for an absent value; objects and arrays are never equal.
 */
export function equals(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null || b === undefined || b === null) {
    return (a === undefined || a === null) && (b === undefined || b === null);
  }
  if (typeof a === 'object' || typeof a === 'function') return false;
  return a === b;
}

export function truthy(value: unknown): boolean {
  return Boolean(value);
}

/**
 * Rounds half away from zero, as spreadsheets do (round(2.5) = 3, round(-2.5) = -3), at `digits`
 * decimals (negative digits round to tens, hundreds, ...). The toPrecision step removes binary
 * noise so that round(1.005, 2) is 1.01.
 */
export function roundTo(x: number, digits: number): number | undefined {
  if (!Number.isInteger(digits) || digits < -15 || digits > 15) return undefined;
  const scale = 10 ** Math.abs(digits);
  const magnitude = Math.abs(x);
  const scaled = digits >= 0 ? magnitude * scale : magnitude / scale;
  if (!Number.isFinite(scaled) || scaled >= 2 ** 52) return x;
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  const result = digits >= 0 ? rounded / scale : rounded * scale;
  return result === 0 ? 0 : Math.sign(x) * result;
}
