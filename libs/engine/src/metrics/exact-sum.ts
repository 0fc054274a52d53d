/**
 * A sum of numbers kept without rounding error, as non-overlapping partials (Shewchuk's algorithm,
 * as in Python's math.fsum). Its value is the exact sum rounded once, so it does not depend on the
 * order in which rows were added or chunks merged: simulation chunks computed by different
 * workers combine into exactly the figures of a single pass.
 */
// Read once: global look-ups inside the hot loop are slow where code runs in a vm context (Jest).
const { abs } = Math;
const { isFinite } = Number;

export class ExactSum {
  private readonly partials: number[] = [];

  add(value: number): this {
    if (!isFinite(value)) throw new RangeError(`ExactSum accepts only finite numbers, got ${value}`);
    if (value === 0) return this;
    const p = this.partials;
    const count = p.length;
    let x = value;
    let kept = 0;
    for (let j = 0; j < count; j++) {
      let y = p[j]!;
      if (abs(x) < abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[kept++] = lo;
      x = hi;
    }
    if (!isFinite(x)) throw new RangeError('ExactSum overflowed');
    if (x !== 0) p[kept++] = x;
    if (kept !== count) p.length = kept;
    return this;
  }

  merge(other: ExactSum): this {
    for (const p of other.partials) this.add(p);
    return this;
  }

  /** The exact sum, correctly rounded (half to even) to the nearest number. */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Rounding the top two partials may round the wrong way when the partials below push the
    // exact sum past the halfway point; this correction is what makes the result order-free.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi === 0 ? 0 : hi;
  }

  toJSON(): number[] {
    return [...this.partials];
  }

  /** Reads partials written by toJSON (already exact and non-overlapping, so kept as they are). */
  static fromJSON(json: readonly number[]): ExactSum {
    const sum = new ExactSum();
    for (const p of json) {
      if (!isFinite(p)) throw new RangeError(`ExactSum partials must be finite numbers, got ${p}`);
      if (p !== 0) sum.partials.push(p);
    }
    return sum;
  }
}

/** The exactly rounded sum of a few terms of a formula; NaN when a term is not finite. */
export function sumExactly(...terms: number[]): number {
  const sum = new ExactSum();
  for (const t of terms) {
    if (!isFinite(t)) return NaN;
    sum.add(t);
  }
  return sum.value();
}
