import { ExactSum, sumExactly } from './exact-sum';

export type WeightedSumsJSON = [number[], number[], number[], number[], number[]];

/**
 * Sufficient statistics of a self-normalised (ratio) estimator Σxr / Σx and of the mean of x·r:
 * Σx, Σx², Σxr, Σx²r, Σx²r². With them the estimate and its delta-method variance can be
 * computed from merged chunks exactly as from one pass.
 */
export class WeightedSums {
  constructor(
    readonly x = new ExactSum(),
    readonly x2 = new ExactSum(),
    readonly xr = new ExactSum(),
    readonly x2r = new ExactSum(),
    readonly x2r2 = new ExactSum(),
  ) {}

  add(x: number, r: number): void {
    if (x === 0) return;
    const x2 = x * x;
    this.x.add(x);
    this.x2.add(x2);
    this.xr.add(x * r);
    this.x2r.add(x2 * r);
    this.x2r2.add(x2 * r * r);
  }

  merge(other: WeightedSums): void {
    this.x.merge(other.x);
    this.x2.merge(other.x2);
    this.xr.merge(other.xr);
    this.x2r.merge(other.x2r);
    this.x2r2.merge(other.x2r2);
  }

  /** Σxr / Σx, or null without weight. */
  ratio(): number | null {
    const x = this.x.value();
    return x === 0 ? null : this.xr.value() / x;
  }

  /** Σ x²(r − v)², the spread of the ratio estimator's per-row terms around v. */
  spreadAround(v: number): number {
    return sumExactly(this.x2r2.value(), -2 * v * this.x2r.value(), v * v * this.x2.value());
  }

  toJSON(): WeightedSumsJSON {
    return [this.x.toJSON(), this.x2.toJSON(), this.xr.toJSON(), this.x2r.toJSON(), this.x2r2.toJSON()];
  }

  static fromJSON(json: WeightedSumsJSON): WeightedSums {
    return new WeightedSums(
      ...(json.map(ExactSum.fromJSON) as [ExactSum, ExactSum, ExactSum, ExactSum, ExactSum]),
    );
  }
}

export type CrossSumsJSON = [number[], number[], number[]];

/** Σ xA·xB, Σ xA·xB·r, Σ xA·xB·r²: what a paired difference of two ratio estimators adds. */
export class CrossSums {
  constructor(
    readonly ab = new ExactSum(),
    readonly abr = new ExactSum(),
    readonly abr2 = new ExactSum(),
  ) {}

  add(a: number, b: number, r: number): void {
    const ab = a * b;
    if (ab === 0) return;
    this.ab.add(ab);
    this.abr.add(ab * r);
    this.abr2.add(ab * r * r);
  }

  merge(other: CrossSums): void {
    this.ab.merge(other.ab);
    this.abr.merge(other.abr);
    this.abr2.merge(other.abr2);
  }

  /** Σ xA·xB·(r − vA)(r − vB). */
  spreadAround(vA: number, vB: number): number {
    return sumExactly(this.abr2.value(), -(vA + vB) * this.abr.value(), vA * vB * this.ab.value());
  }

  toJSON(): CrossSumsJSON {
    return [this.ab.toJSON(), this.abr.toJSON(), this.abr2.toJSON()];
  }

  static fromJSON(json: CrossSumsJSON): CrossSums {
    return new CrossSums(...(json.map(ExactSum.fromJSON) as [ExactSum, ExactSum, ExactSum]));
  }
}
