import type { DecisionResult, Recommendation } from '../runtime/types';
import { DEFAULT_CONFIDENCE, normalEstimate, percentileInterval, type Estimate } from './confidence-interval';
import { ExactSum, sumExactly } from './exact-sum';
import { WeightedSums, type WeightedSumsJSON } from './off-policy-sums';
import { bootstrapWeights, checkBootstrapOptions, type BootstrapOptions } from './poisson-bootstrap';

const { isFinite } = Number;

/** One logged row as seen by an off-policy estimate. */
export interface OffPolicyRow {
  /** What happened after the logged action: 1/0 (accepted or not) or a reward. */
  outcome: number;
  /** Probability with which the logging policy chose the logged action. Without it the row counts for replay and the observed rate only. */
  propensity?: number | undefined;
  /**
   * Probability that the evaluated strategy chooses the logged action: 1 or 0 (a match or not)
   * for a deterministic strategy; see policyProbability.
   */
  targetProbability: number;
  /** Stable key of the row (customer id, line number); required when bootstrapping. */
  key?: string | undefined;
}

export interface OffPolicyOptions {
  /** Confidence level of the intervals; 0.95 by default. */
  confidence?: number;
  /** Keep Poisson bootstrap replicates for percentile intervals beside the normal ones. */
  bootstrap?: BootstrapOptions;
}

/** Off-policy estimates of the evaluated strategy's acceptance rate (mean outcome per decision). */
export interface OffPolicyEstimates {
  /** Confidence level of the intervals. */
  confidence: number;
  rows: number;
  rowsWithPropensity: number;
  /** Rows whose logged action the strategy could have chosen (target probability > 0). */
  matches: number;
  /** The logging policy's own observed rate: the mean logged outcome. */
  observed: Estimate;
  /** Mean outcome over matching rows (rejection sampling); unbiased only under uniform logging. */
  replay: Estimate;
  /** Inverse propensity scoring: mean of target/propensity × outcome. */
  ips: Estimate;
  /** Self-normalised IPS: Σ w·outcome / Σ w. */
  snips: Estimate;
  /** (Σw)² / Σw²: how many logged rows the weighted estimate is worth. */
  effectiveSampleSize: number | null;
  /** Mean importance weight; far from 1 signals wrong propensities or too few rows. */
  meanWeight: number | null;
}

/** Which decision of the strategy is evaluated against the logged action. */
export type PolicyView = 'top' | 'slate';

/** The recommendation with the lowest rank, if any. */
export function topRecommendation(result: DecisionResult): Recommendation | undefined {
  let top: Recommendation | undefined;
  for (const r of result.recommendations) if (top === undefined || r.rank < top.rank) top = r;
  return top;
}

/**
 * Probability that the strategy's decision shows the logged action.
 * - `top`: the rank-1 recommendation is the decision; 1 if it is the logged action, else 0.
 * - `slate`: the decision is the whole list of N recommendations, evaluated as "one of them,
 *   chosen uniformly, is shown": 1/N if the logged action is among them, else 0. All three
 *   estimators then estimate the same figure, the acceptance rate of a recommended action.
 *   (A plain 0/1 match would make IPS estimate the sum over the list but replay and SNIPS the
 *   mean, two different figures.)
 */
export function policyProbability(result: DecisionResult, loggedActionId: string, view: PolicyView): number {
  if (view === 'top') return topRecommendation(result)?.actionId === loggedActionId ? 1 : 0;
  const list = result.recommendations;
  if (list.length === 0) return 0;
  let hits = 0;
  for (const r of list) if (r.actionId === loggedActionId) hits++;
  return hits / list.length;
}

interface ReplicateSums {
  rows: number[];
  outcome: ExactSum[];
  target: ExactSum[];
  targetOutcome: ExactSum[];
  rowsWithPropensity: number[];
  weight: ExactSum[];
  weightOutcome: ExactSum[];
}

type ReplicateSumsJSON = {
  [K in keyof ReplicateSums]: ReplicateSums[K] extends number[] ? number[] : number[][];
};

export interface OffPolicyJSON {
  kind: 'off-policy';
  version: 1;
  confidence: number;
  bootstrap?: BootstrapOptions;
  rows: number;
  rowsWithPropensity: number;
  matches: number;
  outcome: number[];
  outcomeSquared: number[];
  target: WeightedSumsJSON;
  weight: WeightedSumsJSON;
  replicates?: ReplicateSumsJSON;
}

/** Replicate estimates of one accumulator, for percentile intervals and paired differences. */
export interface ReplicateEstimates {
  observed: (number | null)[];
  replay: (number | null)[];
  ips: (number | null)[];
  snips: (number | null)[];
}

/**
 * Accumulates logged rows into the sufficient statistics of the off-policy estimates. Chunks
 * accumulated apart merge into exactly the estimates of one pass, whatever the merge order.
 */
export class OffPolicyAccumulator {
  readonly confidence: number;
  readonly bootstrap: BootstrapOptions | undefined;
  private rows = 0;
  private rowsWithPropensity = 0;
  private matches = 0;
  private outcome = new ExactSum();
  private outcomeSquared = new ExactSum();
  private target = new WeightedSums();
  private weight = new WeightedSums();
  private replicates: ReplicateSums | undefined;

  constructor(options: OffPolicyOptions = {}) {
    this.confidence = options.confidence ?? DEFAULT_CONFIDENCE;
    if (!(this.confidence > 0 && this.confidence < 1))
      throw new RangeError('confidence must be between 0 and 1');
    this.bootstrap = options.bootstrap;
    if (this.bootstrap) {
      checkBootstrapOptions(this.bootstrap);
      this.replicates = emptyReplicates(this.bootstrap.replicates);
    }
  }

  /** Adds a row; `weights` lets a paired accumulator share one draw of bootstrap weights. */
  add(row: OffPolicyRow, weights?: Uint8Array): this {
    checkRow(row);
    const r = row.outcome;
    const u = row.targetProbability;
    const hasPropensity = row.propensity !== undefined;
    const w = hasPropensity ? u / row.propensity! : 0;
    this.rows++;
    if (u > 0) this.matches++;
    this.outcome.add(r);
    this.outcomeSquared.add(r * r);
    this.target.add(u, r);
    if (hasPropensity) {
      this.rowsWithPropensity++;
      this.weight.add(w, r);
    }
    const reps = this.replicates;
    if (reps) {
      if (weights === undefined) {
        if (row.key === undefined) throw new Error('bootstrap needs a key on every row');
        weights = bootstrapWeights(row.key, this.bootstrap!);
      }
      for (let b = 0; b < weights.length; b++) {
        const k = weights[b]!;
        if (k === 0) continue;
        reps.rows[b]! += k;
        if (r !== 0) reps.outcome[b]!.add(k * r);
        if (u !== 0) {
          reps.target[b]!.add(k * u);
          if (r !== 0) reps.targetOutcome[b]!.add(k * u * r);
        }
        if (hasPropensity) {
          reps.rowsWithPropensity[b]! += k;
          if (w !== 0) {
            reps.weight[b]!.add(k * w);
            if (r !== 0) reps.weightOutcome[b]!.add(k * w * r);
          }
        }
      }
    }
    return this;
  }

  merge(other: OffPolicyAccumulator): this {
    if (other.confidence !== this.confidence || !sameBootstrap(this.bootstrap, other.bootstrap)) {
      throw new Error('cannot merge off-policy accumulators with different options');
    }
    this.rows += other.rows;
    this.rowsWithPropensity += other.rowsWithPropensity;
    this.matches += other.matches;
    this.outcome.merge(other.outcome);
    this.outcomeSquared.merge(other.outcomeSquared);
    this.target.merge(other.target);
    this.weight.merge(other.weight);
    const mine = this.replicates;
    const theirs = other.replicates;
    if (mine && theirs) {
      for (let b = 0; b < mine.rows.length; b++) {
        mine.rows[b]! += theirs.rows[b]!;
        mine.rowsWithPropensity[b]! += theirs.rowsWithPropensity[b]!;
        for (const name of SUM_NAMES) mine[name][b]!.merge(theirs[name][b]!);
      }
    }
    return this;
  }

  estimates(): OffPolicyEstimates {
    const level = this.confidence;
    const n = this.rows;
    const m = this.rowsWithPropensity;

    const observedValue = n === 0 ? null : this.outcome.value() / n;
    const observedVariance =
      n < 2 || observedValue === null
        ? null
        : sampleVarianceOfMean(n, this.outcome.value(), this.outcomeSquared.value());

    const replayValue = this.target.ratio();
    const replayVariance = n < 2 || replayValue === null ? null : ratioVariance(n, this.target, replayValue);

    const ipsValue = m === 0 ? null : this.weight.xr.value() / m;
    const ipsVariance =
      m < 2 ? null : sampleVarianceOfMean(m, this.weight.xr.value(), this.weight.x2r2.value());

    const snipsValue = this.weight.ratio();
    const snipsVariance = m < 2 || snipsValue === null ? null : ratioVariance(m, this.weight, snipsValue);

    const estimates: OffPolicyEstimates = {
      confidence: level,
      rows: n,
      rowsWithPropensity: m,
      matches: this.matches,
      observed: normalEstimate(observedValue, observedVariance, level),
      replay: normalEstimate(replayValue, replayVariance, level),
      ips: normalEstimate(ipsValue, ipsVariance, level),
      snips: normalEstimate(snipsValue, snipsVariance, level),
      effectiveSampleSize:
        this.weight.x2.value() === 0 ? null : this.weight.x.value() ** 2 / this.weight.x2.value(),
      meanWeight: m === 0 ? null : this.weight.x.value() / m,
    };
    const replicates = this.replicateEstimates();
    if (replicates) {
      estimates.observed.bootstrapInterval = percentileInterval(replicates.observed, level);
      estimates.replay.bootstrapInterval = percentileInterval(replicates.replay, level);
      estimates.ips.bootstrapInterval = percentileInterval(replicates.ips, level);
      estimates.snips.bootstrapInterval = percentileInterval(replicates.snips, level);
    }
    return estimates;
  }

  /** Per-replicate estimates, or undefined without bootstrap. */
  replicateEstimates(): ReplicateEstimates | undefined {
    const reps = this.replicates;
    if (!reps) return undefined;
    const ratio = (num: number, den: number) => (den === 0 ? null : num / den);
    return {
      observed: reps.rows.map((k, b) => ratio(reps.outcome[b]!.value(), k)),
      replay: reps.target.map((t, b) => ratio(reps.targetOutcome[b]!.value(), t.value())),
      ips: reps.rowsWithPropensity.map((k, b) => ratio(reps.weightOutcome[b]!.value(), k)),
      snips: reps.weight.map((w, b) => ratio(reps.weightOutcome[b]!.value(), w.value())),
    };
  }

  /** Sufficient statistics for a paired comparison; read-only views. */
  sums(): { rows: number; rowsWithPropensity: number; target: WeightedSums; weight: WeightedSums } {
    return {
      rows: this.rows,
      rowsWithPropensity: this.rowsWithPropensity,
      target: this.target,
      weight: this.weight,
    };
  }

  toJSON(): OffPolicyJSON {
    const reps = this.replicates;
    return {
      kind: 'off-policy',
      version: 1,
      confidence: this.confidence,
      ...(this.bootstrap ? { bootstrap: { ...this.bootstrap } } : {}),
      rows: this.rows,
      rowsWithPropensity: this.rowsWithPropensity,
      matches: this.matches,
      outcome: this.outcome.toJSON(),
      outcomeSquared: this.outcomeSquared.toJSON(),
      target: this.target.toJSON(),
      weight: this.weight.toJSON(),
      ...(reps
        ? {
            replicates: {
              rows: [...reps.rows],
              rowsWithPropensity: [...reps.rowsWithPropensity],
              outcome: reps.outcome.map((s) => s.toJSON()),
              target: reps.target.map((s) => s.toJSON()),
              targetOutcome: reps.targetOutcome.map((s) => s.toJSON()),
              weight: reps.weight.map((s) => s.toJSON()),
              weightOutcome: reps.weightOutcome.map((s) => s.toJSON()),
            },
          }
        : {}),
    };
  }

  static fromJSON(json: OffPolicyJSON): OffPolicyAccumulator {
    if (json.kind !== 'off-policy' || json.version !== 1)
      throw new Error('not an off-policy accumulator (version 1)');
    const acc = new OffPolicyAccumulator({
      confidence: json.confidence,
      ...(json.bootstrap ? { bootstrap: json.bootstrap } : {}),
    });
    acc.rows = json.rows;
    acc.rowsWithPropensity = json.rowsWithPropensity;
    acc.matches = json.matches;
    acc.outcome = ExactSum.fromJSON(json.outcome);
    acc.outcomeSquared = ExactSum.fromJSON(json.outcomeSquared);
    acc.target = WeightedSums.fromJSON(json.target);
    acc.weight = WeightedSums.fromJSON(json.weight);
    if (json.replicates) {
      const r = json.replicates;
      acc.replicates = {
        rows: [...r.rows],
        rowsWithPropensity: [...r.rowsWithPropensity],
        outcome: r.outcome.map(ExactSum.fromJSON),
        target: r.target.map(ExactSum.fromJSON),
        targetOutcome: r.targetOutcome.map(ExactSum.fromJSON),
        weight: r.weight.map(ExactSum.fromJSON),
        weightOutcome: r.weightOutcome.map(ExactSum.fromJSON),
      };
    }
    return acc;
  }
}

const SUM_NAMES = ['outcome', 'target', 'targetOutcome', 'weight', 'weightOutcome'] as const;

function emptyReplicates(count: number): ReplicateSums {
  const sums = () => Array.from({ length: count }, () => new ExactSum());
  return {
    rows: new Array<number>(count).fill(0),
    rowsWithPropensity: new Array<number>(count).fill(0),
    outcome: sums(),
    target: sums(),
    targetOutcome: sums(),
    weight: sums(),
    weightOutcome: sums(),
  };
}

function sameBootstrap(a: BootstrapOptions | undefined, b: BootstrapOptions | undefined): boolean {
  return (
    a === b || (a !== undefined && b !== undefined && a.replicates === b.replicates && a.seed === b.seed)
  );
}

function checkRow(row: OffPolicyRow): void {
  if (!isFinite(row.outcome)) throw new RangeError(`outcome must be a finite number, got ${row.outcome}`);
  if (!(row.targetProbability >= 0 && row.targetProbability <= 1))
    throw new RangeError(`target probability must be in [0, 1], got ${row.targetProbability}`);
  if (row.propensity !== undefined && !(row.propensity > 0 && row.propensity <= 1)) {
    throw new RangeError(`logging propensity must be in (0, 1], got ${row.propensity}`);
  }
}

/** Variance of a sample mean from Σx and Σx² (unbiased sample variance / n). */
export function sampleVarianceOfMean(n: number, sum: number, sumOfSquares: number): number {
  const spread = sumExactly(sumOfSquares, -(sum * sum) / n);
  return spread / (n - 1) / n;
}

/**
 * Delta-method variance of the ratio Σxr / Σx over n rows: n/(n−1) · Σx²(r − v)² / (Σx)².
 * For replay (x = 0/1) this is the variance of the mean outcome over the matching rows.
 */
export function ratioVariance(n: number, sums: WeightedSums, v: number): number {
  const x = sums.x.value();
  return (n / (n - 1)) * (sums.spreadAround(v) / (x * x));
}
