/** Held-out metrics of propensities against 0/1 outcomes. */
import { orderByScore } from './score-order';

export interface AucWithInterval {
  value: number;
  low: number;
  high: number;
}

/** Midranks (1-based, ties share their mean rank) of values already in ascending order. */
function midranks(sortedValues: ArrayLike<number>): Float64Array {
  const n = sortedValues.length;
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && sortedValues[j + 1] === sortedValues[i]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[k] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * AUC (Mann–Whitney, ties count one half) with DeLong's 95% confidence interval, computed from
 * midranks (Sun & Xu's fast algorithm). NaN when one outcome is absent.
 */
export function aucWithInterval(scores: Float64Array, labels: Uint8Array): AucWithInterval {
  const order = orderByScore(scores);
  const sorted = Float64Array.from(order, (i) => scores[i]!);
  const all = midranks(sorted);
  const positives: number[] = [];
  const negatives: number[] = [];
  order.forEach((i, k) => (labels[i] ? positives : negatives).push(k));
  const m = positives.length;
  const q = negatives.length;
  if (m === 0 || q === 0) return { value: NaN, low: NaN, high: NaN };
  const positiveRanks = midranks(Float64Array.from(positives, (k) => sorted[k]!));
  const negativeRanks = midranks(Float64Array.from(negatives, (k) => sorted[k]!));
  let rankSum = 0;
  const v10 = new Float64Array(m);
  positives.forEach((k, i) => {
    rankSum += all[k]!;
    v10[i] = (all[k]! - positiveRanks[i]!) / q;
  });
  const v01 = new Float64Array(q);
  negatives.forEach((k, j) => (v01[j] = 1 - (all[k]! - negativeRanks[j]!) / m));
  const value = (rankSum - (m * (m + 1)) / 2) / (m * q);
  const se = Math.sqrt(variance(v10) / m + variance(v01) / q);
  return { value, low: Math.max(0, value - 1.959964 * se), high: Math.min(1, value + 1.959964 * se) };
}

export function auc(scores: Float64Array, labels: Uint8Array): number {
  return aucWithInterval(scores, labels).value;
}

function variance(values: Float64Array): number {
  if (values.length < 2) return 0;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sum = 0;
  for (const v of values) sum += (v - mean) * (v - mean);
  return sum / (values.length - 1);
}

export function logLoss(scores: Float64Array, labels: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = Math.min(Math.max(scores[i]!, 1e-15), 1 - 1e-15);
    sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return sum / scores.length;
}

export function brier(scores: Float64Array, labels: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += (scores[i]! - labels[i]!) ** 2;
  return sum / scores.length;
}

/** Row positions by descending score (ties keep row order). */
function descending(scores: Float64Array): Uint32Array {
  return Uint32Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[b]! - scores[a]! || a - b,
  );
}

/** The ROC curve at every distinct threshold, thinned to at most `maxPoints` evenly spaced points. */
export function rocCurve(
  scores: Float64Array,
  labels: Uint8Array,
  maxPoints = 101,
): { fpr: number; tpr: number }[] {
  const order = descending(scores);
  let positives = 0;
  for (const y of labels) positives += y;
  const negatives = labels.length - positives;
  const points = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i])
      points.push({ fpr: fp / negatives, tpr: tp / positives });
  }
  if (points.length <= maxPoints) return points;
  const thinned: { fpr: number; tpr: number }[] = [];
  for (let k = 0; k < maxPoints; k++)
    thinned.push(points[Math.round((k * (points.length - 1)) / (maxPoints - 1))]!);
  return thinned;
}

/** Reliability curve over equal-width bins of predicted propensity; empty bins are left out. */
export function calibration(
  scores: Float64Array,
  labels: Uint8Array,
  bins = 10,
): { predicted: number; observed: number; count: number }[] {
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const b = Math.min(Math.floor(scores[i]! * bins), bins - 1);
    predicted[b]! += scores[i]!;
    observed[b]! += labels[i]!;
    count[b]!++;
  }
  const curve: { predicted: number; observed: number; count: number }[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b])
      curve.push({
        predicted: predicted[b]! / count[b]!,
        observed: observed[b]! / count[b]!,
        count: count[b]!,
      });
  }
  return curve;
}

/** Cumulative gains and lift at each decile of rows ranked by score. */
export function gains(
  scores: Float64Array,
  labels: Uint8Array,
): { share: number; captured: number; lift: number }[] {
  const order = descending(scores);
  let positives = 0;
  for (const y of labels) positives += y;
  const result: { share: number; captured: number; lift: number }[] = [];
  let taken = 0;
  let captured = 0;
  for (let decile = 1; decile <= 10; decile++) {
    const share = decile / 10;
    const upTo = Math.round(share * order.length);
    while (taken < upTo) captured += labels[order[taken++]!]!;
    const capturedShare = positives ? captured / positives : 0;
    result.push({ share, captured: capturedShare, lift: capturedShare / share });
  }
  return result;
}
