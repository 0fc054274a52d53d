import type { DecisionResult } from '../runtime/types';
import { normalEstimate, percentileInterval, type Estimate } from './confidence-interval';
import { sumExactly } from './exact-sum';
import {
  OffPolicyAccumulator,
  policyProbability,
  type OffPolicyEstimates,
  type OffPolicyJSON,
  type OffPolicyOptions,
  type PolicyView,
} from './off-policy';
import { CrossSums, type CrossSumsJSON, type WeightedSums } from './off-policy-sums';
import { bootstrapWeights } from './poisson-bootstrap';

/** One logged row evaluated under two strategies (e.g. the published baseline and a draft). */
export interface PairedOffPolicyRow {
  outcome: number;
  propensity?: number;
  /** Probability that the baseline strategy chooses the logged action. */
  baseline: number;
  /** Probability that the draft strategy chooses the logged action. */
  draft: number;
  key?: string;
}

/** The draft's estimated uplift over the baseline (draft − baseline), with paired intervals. */
export interface OffPolicyUplift {
  baseline: OffPolicyEstimates;
  draft: OffPolicyEstimates;
  replay: Estimate;
  ips: Estimate;
  snips: Estimate;
  /** True when the interval uses the per-row pairing; false for the conservative independent approximation. */
  paired: boolean;
}

export interface PairedOffPolicyJSON {
  kind: 'paired-off-policy';
  version: 1;
  baseline: OffPolicyJSON;
  draft: OffPolicyJSON;
  targetCross: CrossSumsJSON;
  weightCross: CrossSumsJSON;
}

/**
 * Off-policy estimates of two strategies on the same logged rows, and of their difference. Both
 * estimates share their rows, so their errors are correlated: the variance of the difference is
 * computed from the per-row difference (cross sums), which is much narrower than treating the two
 * estimates as independent when the strategies mostly agree.
 */
export class PairedOffPolicyAccumulator {
  private baseline: OffPolicyAccumulator;
  private draft: OffPolicyAccumulator;
  private targetCross = new CrossSums();
  private weightCross = new CrossSums();

  constructor(private readonly options: OffPolicyOptions = {}) {
    this.baseline = new OffPolicyAccumulator(options);
    this.draft = new OffPolicyAccumulator(options);
  }

  add(row: PairedOffPolicyRow): this {
    const { outcome, propensity, key } = row;
    let weights: Uint8Array | undefined;
    if (this.options.bootstrap) {
      if (key === undefined) throw new Error('bootstrap needs a key on every row');
      weights = bootstrapWeights(key, this.options.bootstrap);
    }
    const common = {
      outcome,
      ...(propensity !== undefined ? { propensity } : {}),
      ...(key !== undefined ? { key } : {}),
    };
    this.baseline.add({ ...common, targetProbability: row.baseline }, weights);
    this.draft.add({ ...common, targetProbability: row.draft }, weights);
    this.targetCross.add(row.baseline, row.draft, outcome);
    if (propensity !== undefined)
      this.weightCross.add(row.baseline / propensity, row.draft / propensity, outcome);
    return this;
  }

  merge(other: PairedOffPolicyAccumulator): this {
    this.baseline.merge(other.baseline);
    this.draft.merge(other.draft);
    this.targetCross.merge(other.targetCross);
    this.weightCross.merge(other.weightCross);
    return this;
  }

  estimates(): OffPolicyUplift {
    const baseline = this.baseline.estimates();
    const draft = this.draft.estimates();
    const level = this.baseline.confidence;
    const b = this.baseline.sums();
    const d = this.draft.sums();
    const n = b.rows;
    const m = b.rowsWithPropensity;

    const replay = pairedRatioDifference(n, b.target, d.target, this.targetCross, level);
    const snips = pairedRatioDifference(m, b.weight, d.weight, this.weightCross, level);

    const ipsValue = m === 0 ? null : (d.weight.xr.value() - b.weight.xr.value()) / m;
    let ipsVariance: number | null = null;
    if (m >= 2) {
      // Per-row term (w_draft − w_baseline)·r: Σ of its square from the two squares and the cross sum.
      const sum = sumExactly(d.weight.xr.value(), -b.weight.xr.value());
      const squares = sumExactly(
        d.weight.x2r2.value(),
        b.weight.x2r2.value(),
        -2 * this.weightCross.abr2.value(),
      );
      ipsVariance = sumExactly(squares, -(sum * sum) / m) / (m - 1) / m;
    }
    const ips = normalEstimate(ipsValue, ipsVariance, level);

    const rb = this.baseline.replicateEstimates();
    const rd = this.draft.replicateEstimates();
    if (rb && rd) {
      const diff = (x: (number | null)[], y: (number | null)[]) =>
        y.map((v, i) => (v === null || x[i] === null ? null : v - x[i]!));
      replay.bootstrapInterval = percentileInterval(diff(rb.replay, rd.replay), level);
      ips.bootstrapInterval = percentileInterval(diff(rb.ips, rd.ips), level);
      snips.bootstrapInterval = percentileInterval(diff(rb.snips, rd.snips), level);
    }
    return { baseline, draft, replay, ips, snips, paired: true };
  }

  toJSON(): PairedOffPolicyJSON {
    return {
      kind: 'paired-off-policy',
      version: 1,
      baseline: this.baseline.toJSON(),
      draft: this.draft.toJSON(),
      targetCross: this.targetCross.toJSON(),
      weightCross: this.weightCross.toJSON(),
    };
  }

  static fromJSON(json: PairedOffPolicyJSON): PairedOffPolicyAccumulator {
    if (json.kind !== 'paired-off-policy' || json.version !== 1)
      throw new Error('not a paired off-policy accumulator (version 1)');
    const baseline = OffPolicyAccumulator.fromJSON(json.baseline);
    const acc = new PairedOffPolicyAccumulator({
      confidence: baseline.confidence,
      ...(baseline.bootstrap ? { bootstrap: baseline.bootstrap } : {}),
    });
    acc.baseline = baseline;
    acc.draft = OffPolicyAccumulator.fromJSON(json.draft);
    acc.targetCross = CrossSums.fromJSON(json.targetCross);
    acc.weightCross = CrossSums.fromJSON(json.weightCross);
    return acc;
  }
}

/**
 * vD − vB for two ratio estimators on the same n rows, with the delta-method variance of the
 * difference: n/(n−1) · Σ (xD(r − vD)/ΣxD − xB(r − vB)/ΣxB)².
 */
function pairedRatioDifference(
  n: number,
  b: WeightedSums,
  d: WeightedSums,
  cross: CrossSums,
  level: number,
): Estimate {
  const vB = b.ratio();
  const vD = d.ratio();
  if (vB === null || vD === null) return normalEstimate(null, null, level);
  const value = vD - vB;
  if (n < 2) return normalEstimate(value, null, level);
  const sB = b.x.value();
  const sD = d.x.value();
  const spread = sumExactly(
    d.spreadAround(vD) / (sD * sD),
    b.spreadAround(vB) / (sB * sB),
    (-2 * cross.spreadAround(vB, vD)) / (sB * sD),
  );
  return normalEstimate(value, (n / (n - 1)) * spread, level);
}

/** The paired row for one logged decision decided by both strategies. */
export function pairedOffPolicyRow(
  logged: { actionId: string; outcome: number; propensity?: number },
  baseline: DecisionResult,
  draft: DecisionResult,
  view: PolicyView,
  key?: string,
): PairedOffPolicyRow {
  return {
    outcome: logged.outcome,
    ...(logged.propensity !== undefined ? { propensity: logged.propensity } : {}),
    baseline: policyProbability(baseline, logged.actionId, view),
    draft: policyProbability(draft, logged.actionId, view),
    ...(key !== undefined ? { key } : {}),
  };
}
