/** A two-sided confidence interval. */
export interface Interval {
  low: number;
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

/** A point estimate with its uncertainty; `null` where the data cannot support it. */
export interface Estimate {
  value: number | null;
  /** Standard error from the normal approximation (delta method for ratios). */
  standardError: number | null;
  /** Normal-approximation interval: value ± z × standardError. */
  interval: Interval | null;
  /** Percentile interval of the Poisson bootstrap, when the accumulator kept replicates. */
  bootstrapInterval?: Interval | null;
}

export const DEFAULT_CONFIDENCE = 0.95;

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('normalQuantile needs 0 < p < 1');
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
    -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
    );
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
}

/** value ± z × standardError; null when either is unknown. */
export function normalEstimate(value: number | null, variance: number | null, level: number): Estimate {
  if (value === null || !Number.isFinite(value)) return { value: null, standardError: null, interval: null };
  if (variance === null || !Number.isFinite(variance)) return { value, standardError: null, interval: null };
  // Rounding can leave a tiny negative variance when every row contributes the same term.
  const standardError = Math.sqrt(Math.max(0, variance));
  const z = normalQuantile(0.5 + level / 2);
  return {
    value,
    standardError,
    interval: { low: value - z * standardError, high: value + z * standardError, level },
  };
}

/** The percentile interval of bootstrap replicate estimates (undefined replicates are left out). */
export function percentileInterval(replicates: readonly (number | null)[], level: number): Interval | null {
  const values = replicates
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (values.length < 2) return null;
  const alpha = (1 - level) / 2;
  return { low: quantile(values, alpha), high: quantile(values, 1 - alpha), level };
}

/** Linear interpolation between order statistics (the usual "type 7" sample quantile). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const lo = sorted[i]!;
  const hi = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return lo + (h - i) * (hi - lo);
}
