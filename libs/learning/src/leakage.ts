import { checkpoint } from './cooperate';
import type { Feature } from './prepare';
import { edgeBin, quantileEdges, sortedPresent } from './quantiles';
import { Random } from './random';
import type { ReportWarning } from './types';

/** A predictor that alone reaches this AUC on the training rows is most likely known only after the outcome. */
export const LEAKAGE_AUC = 0.95;
const NUMBER_BINS = 20;

/**
 * How well one predictor alone separates the outcomes: the AUC of its bins' positive rate (20
 * quantile bins for a number, one per category, missing values a bin of their own).
 */
export function singlePredictorAuc(feature: Feature, rows: Uint32Array, labels: Uint8Array): number {
  let codeOf: (r: number) => number;
  let bins: number;
  if (feature.kind === 'category') {
    bins = feature.missing + 1;
    const codes = feature.codes;
    codeOf = (r) => codes[r]!;
  } else {
    const edges = quantileEdges(sortedPresent(feature.values, rows), NUMBER_BINS);
    bins = edges.length + 2;
    const values = feature.values;
    codeOf = (r) => (Number.isNaN(values[r]!) ? edges.length + 1 : edgeBin(edges, values[r]!));
  }
  const pos = new Float64Array(bins);
  const neg = new Float64Array(bins);
  for (const r of rows) (labels[r] ? pos : neg)[codeOf(r)]!++;
  return binnedAuc(pos, neg);
}

/** AUC when every row of a bin gets the bin's positive rate as its score (equal rates tie). */
function binnedAuc(pos: Float64Array, neg: Float64Array): number {
  const groups = new Map<number, { pos: number; neg: number }>();
  for (let b = 0; b < pos.length; b++) {
    const n = pos[b]! + neg[b]!;
    if (n === 0) continue;
    const rate = pos[b]! / n;
    const group = groups.get(rate) ?? { pos: 0, neg: 0 };
    group.pos += pos[b]!;
    group.neg += neg[b]!;
    groups.set(rate, group);
  }
  const ordered = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  let totalPos = 0;
  let totalNeg = 0;
  for (const g of ordered) {
    totalPos += g.pos;
    totalNeg += g.neg;
  }
  if (totalPos === 0 || totalNeg === 0) return 0.5;
  let below = 0;
  let sum = 0;
  for (const g of ordered) {
    sum += g.pos * (below + 0.5 * g.neg);
    below += g.neg;
  }
  return sum / (totalPos * totalNeg);
}

export function leakageMessage(name: string, auc: number): string {
  return `"${name}" alone separates the outcomes almost perfectly (AUC ${auc.toFixed(2)} on the training rows): it is likely known only after the outcome, e.g. a call duration; leave it out unless it is known when the decision is made`;
}

/** Training rows the leakage check looks at, at most (a seeded sample). */
const LEAKAGE_SAMPLE = 100_000;

export async function leakageWarnings(
  features: readonly Feature[],
  train: Uint32Array,
  labels: Uint8Array,
  seed: number,
  signal?: AbortSignal,
): Promise<ReportWarning[]> {
  const rows =
    train.length > LEAKAGE_SAMPLE
      ? Uint32Array.from(new Random(seed).shuffle(Uint32Array.from(train)).subarray(0, LEAKAGE_SAMPLE)).sort()
      : train;
  const warnings: ReportWarning[] = [];
  for (const feature of features) {
    await checkpoint(signal);
    const auc = singlePredictorAuc(feature, rows, labels);
    if (auc >= LEAKAGE_AUC) {
      warnings.push({ code: 'leakage', predictor: feature.name, message: leakageMessage(feature.name, auc) });
    }
  }
  return warnings;
}
