import type { Estimate } from './confidence-interval';
import { OffPolicyAccumulator, type OffPolicyEstimates, type OffPolicyOptions } from './off-policy';
import { SimulationAccumulator, type SimulationRow } from './simulation-accumulator';

/** One impression of the Open Bandit Dataset (ZOZOTOWN): the item shown, the click and its logging propensity. */
export interface OpenBanditRow {
  /** Row index in the file; the key of the row for the bootstrap. */
  index: number;
  itemId: number;
  click: number;
  /** propensity_score: probability that the logging policy showed this item in this position. */
  propensity: number;
  /** user-item_affinity_<k> for every item k. */
  affinity: readonly number[];
}

/** Off-policy figures on an Open Bandit campaign, to validate the estimators on real logs. */
export interface OpenBanditFigures {
  rows: number;
  clicks: number;
  /** The logging policy's observed click rate. */
  observed: Estimate;
  /**
   * The logging policy evaluated as the target: it shows the logged item with probability
   * propensity_score, so every importance weight is 1 and IPS and SNIPS must equal the
   * observed rate, interval included.
   */
  loggingPolicy: OffPolicyEstimates;
  /** A deterministic strategy: the item with the highest user-item affinity (ties: lowest item id). */
  affinityPolicy: OffPolicyEstimates;
}

/** The item of highest affinity, the lowest id among ties. */
export function highestAffinityItem(affinity: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < affinity.length; k++) if (affinity[k]! > affinity[best]!) best = k;
  return best;
}

/** The row as a simulation sees it: the highest-affinity item as the only recommendation, the logged impression. */
export function openBanditSimulationRow(row: OpenBanditRow): SimulationRow {
  const actionId = String(highestAffinityItem(row.affinity));
  return {
    customerId: String(row.index),
    result: { recommendations: [{ rank: 1, actionId, name: actionId, fields: {} }] },
    logged: { actionId: String(row.itemId), outcome: row.click, propensity: row.propensity },
  };
}

/**
 * Evaluates the logging policy and the highest-affinity strategy on Open Bandit rows. The
 * strategy goes through the same SimulationAccumulator as an engine simulation, one
 * recommendation per row; each impression is one row (the position is not modelled).
 */
export function evaluateOpenBandit(
  rows: readonly OpenBanditRow[],
  options: OffPolicyOptions = {},
): OpenBanditFigures {
  const logging = new OffPolicyAccumulator(options);
  const simulation = new SimulationAccumulator({ offPolicy: options });
  let clicks = 0;
  for (const row of rows) {
    clicks += row.click;
    logging.add({
      outcome: row.click,
      propensity: row.propensity,
      targetProbability: row.propensity,
      key: String(row.index),
    });
    simulation.add(openBanditSimulationRow(row));
  }
  const loggingPolicy = logging.estimates();
  const affinityPolicy = simulation.summary().offPolicy?.top ?? new OffPolicyAccumulator(options).estimates();
  return { rows: rows.length, clicks, observed: loggingPolicy.observed, loggingPolicy, affinityPolicy };
}
