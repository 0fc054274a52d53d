/**
 * A sum of numbers kept without rounding error, as non-overlapping partials (Shewchuk's algorithm,
 * as in Python's math.fsum). Its value is the exact sum rounded once, so it does not depend on the
 * order in which rows were added or chunks merged: simulation chunks computed by different
 * workers combine into exactly the figures of a single pass.
 */
export class ExactSum {
  private readonly partials: number[];

  constructor(partials: readonly number[] = []) {
    this.partials = [];
    for (const p of partials) this.add(p);
  }

  add(value: number): this {
    if (!Number.isFinite(value)) throw new RangeError(`ExactSum accepts only finite numbers, got ${value}`);
    if (value === 0) return this;
    const p = this.partials;
    let x = value;
    let kept = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[kept++] = lo;
      x = hi;
    }
    if (!Number.isFinite(x)) throw new RangeError('ExactSum overflowed');
    p.length = kept;
    if (x !== 0) p.push(x);
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

  clone(): ExactSum {
    return new ExactSum(this.partials);
  }

  toJSON(): number[] {
    return [...this.partials];
  }

  static fromJSON(json: readonly number[]): ExactSum {
    return new ExactSum(json);
  }
}
