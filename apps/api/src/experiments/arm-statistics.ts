/**
 * The statistics of an experiment: a rate per arm with its Wilson interval, and the always-valid
 * comparison of a challenger with the champion by the mixture sequential probability ratio test
 * (mSPRT; Johari, Pekelis, Walsh, "Always Valid Inference", 2017), with a normal mixture over the
 * difference of two proportions. Pure functions, no I/O.
 */

/** What one arm has seen so far: decisions that took it, and how many of them had a positive outcome. */
export interface ArmTally {
  decisions: number;
  positives: number;
}

export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** Wilson score interval for a proportion (95% by default); [0, 1] when there is no data. */
export function wilsonInterval({ decisions: n, positives: x }: ArmTally, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface SequentialOptions {
  /** Chance of calling a difference where there is none, over every look there will ever be. */
  alpha: number;
  /**
   * Standard deviation of the normal mixture over the true difference of rates: the size of
   * difference the test is most sensitive to. Larger detects large differences sooner, small ones later.
   */
  mixtureSd: number;
  /**
   * Looks before every arm has this many decisions are skipped: the test's normal approximation
   * (a plug-in variance) is not yet good, and a few lucky conversions would count as evidence.
   */
  minDecisions: number;
  /**
   * And until every arm expects this many positives and as many negatives at the arms' common rate:
   * the usual condition for a normal approximation of a proportion (rare outcomes need more decisions).
   */
  minExpected: number;
}

export const DEFAULT_SEQUENTIAL: SequentialOptions = {
  alpha: 0.05,
  mixtureSd: 0.05,
  minDecisions: 100,
  minExpected: 10,
};

/** Whether the test may look at these tallies (see minDecisions and minExpected). */
export function readyToLook({ champion, challenger }: Look, options: SequentialOptions): boolean {
  const fewest = Math.min(champion.decisions, challenger.decisions);
  if (fewest < options.minDecisions) return false;
  const common = (champion.positives + challenger.positives) / (champion.decisions + challenger.decisions);
  return fewest * Math.min(common, 1 - common) >= options.minExpected;
}

/**
 * Variance of the observed difference of rates. Each rate is shrunk half a positive towards ½ for
 * this only, so an arm with no positives (yet) still has some uncertainty.
 */
function differenceVariance(a: ArmTally, b: ArmTally): number {
  const va = ((a.positives + 0.5) / (a.decisions + 1)) * (1 - (a.positives + 0.5) / (a.decisions + 1));
  const vb = ((b.positives + 0.5) / (b.decisions + 1)) * (1 - (b.positives + 0.5) / (b.decisions + 1));
  return va / a.decisions + vb / b.decisions;
}

const rate = (t: ArmTally) => (t.decisions > 0 ? t.positives / t.decisions : 0);

/**
 * Log of the mixture likelihood ratio for "the challenger's rate minus the champion's is θ0"
 * (θ0 = 0: no difference) at one look: for an observed difference d with variance σ² and a
 * N(θ0, τ²) mixture, Λ = √(σ²/(σ²+τ²)) · exp(τ²(d−θ0)² / (2σ²(σ²+τ²))).
 */
export function logMixtureRatio(
  champion: ArmTally,
  challenger: ArmTally,
  mixtureSd: number,
  theta0 = 0,
): number {
  if (champion.decisions <= 0 || challenger.decisions <= 0) return 0;
  const s2 = differenceVariance(champion, challenger);
  const t2 = mixtureSd * mixtureSd;
  const d = rate(challenger) - rate(champion) - theta0;
  return 0.5 * Math.log(s2 / (s2 + t2)) + (t2 * d * d) / (2 * s2 * (s2 + t2));
}

/** One look at the experiment: the cumulative tallies of the two arms at that moment. */
export interface Look {
  champion: ArmTally;
  challenger: ArmTally;
}

export interface Comparison {
  /** Challenger's rate minus champion's. */
  difference: number;
  /** Always-valid interval of the difference at level alpha (null until the test may look). */
  interval: Interval | null;
  /** Always-valid p-value: the smallest 1/Λ over every look so far, at most 1. */
  pValue: number;
  /** The test has rejected "no difference": the p-value is at most alpha. */
  decided: boolean;
  /** Which arm the strongest evidence favours: the sign of the difference at the look with the smallest p-value. */
  direction: -1 | 0 | 1;
}

/**
 * Compares a challenger with the champion over a series of looks in time order (the last is now).
 * The p-value stays valid however often anyone looks and whenever they stop, so a verdict read at
 * any moment holds at the stated level. `alpha` may be divided among several challengers
 * (Bonferroni) by the caller.
 */
export function compareSequentially(
  looks: readonly Look[],
  options: SequentialOptions = DEFAULT_SEQUENTIAL,
): Comparison {
  let pValue = 1;
  let direction: Comparison['direction'] = 0;
  // The running intersection of a confidence sequence is one too, and agrees with the running p-value.
  let interval: Interval | null = null;
  let current: Interval | null = null;
  for (const look of looks) {
    if (!readyToLook(look, options)) continue;
    const p = Math.exp(-logMixtureRatio(look.champion, look.challenger, options.mixtureSd));
    if (p < pValue) {
      pValue = p;
      direction = Math.sign(rate(look.challenger) - rate(look.champion)) as Comparison['direction'];
    }
    current = alwaysValidInterval(look, options);
    interval = interval
      ? { low: Math.max(interval.low, current.low), high: Math.min(interval.high, current.high) }
      : current;
  }
  const now = looks[looks.length - 1];
  const difference = now ? rate(now.challenger) - rate(now.champion) : 0;
  // Empty only when some look missed the true difference (chance at most alpha): show the latest look's.
  if (interval && interval.low > interval.high) interval = current;
  return { difference, interval, pValue, decided: pValue <= options.alpha, direction };
}

/** The differences θ0 the mSPRT does not reject at this look: {θ0 : Λ(θ0) < 1/alpha}, a confidence sequence. */
function alwaysValidInterval(
  { champion, challenger }: Look,
  { alpha, mixtureSd }: SequentialOptions,
): Interval {
  const s2 = differenceVariance(champion, challenger);
  const t2 = mixtureSd * mixtureSd;
  const half = Math.sqrt(
    ((2 * s2 * (s2 + t2)) / t2) * (Math.log(1 / alpha) + 0.5 * Math.log((s2 + t2) / s2)),
  );
  const d = rate(challenger) - rate(champion);
  return { low: Math.max(-1, d - half), high: Math.min(1, d + half) };
}
