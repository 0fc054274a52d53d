import type { InlineModelSpec } from '@arbiter/engine';
import type { Feature } from './prepare';
import { edgeBin, quantileEdges, sortedPresent } from './quantiles';
import type { NaiveBayesSettings } from './settings';

export type ScorecardSpec = Extract<InlineModelSpec, { type: 'scorecard' }>;
type Characteristic = ScorecardSpec['characteristics'][number];

/**
 * Naive Bayes on binned predictors, written as a scorecard: each bin's points are the log-likelihood
 * ratio log P(bin | positive) − log P(bin | negative) with Laplace smoothing, and the mapping adds the
 * prior log-odds, so propensity = logistic(prior log-odds + Σ points). Numbers fall in quantile bins
 * of the training rows, categories are bins of their own ("other" and missing included).
 */
export function fitNaiveBayes(
  features: readonly Feature[],
  train: Uint32Array,
  labels: Uint8Array,
  settings: NaiveBayesSettings,
): ScorecardSpec {
  let positives = 0;
  for (const r of train) positives += labels[r]!;
  const negatives = train.length - positives;
  const alpha = settings.laplace;
  const characteristics = features.map((feature): Characteristic => {
    // Bin codes per training row: 0…k−1 the value bins, k the missing bin (numbers) / other, missing (categories).
    const { bins, codeOf, edges } = binning(feature, train, settings.bins);
    const n1 = new Float64Array(bins);
    const n0 = new Float64Array(bins);
    for (const r of train) (labels[r] ? n1 : n0)[codeOf(r)]!++;
    const points = Array.from(
      { length: bins },
      (_, b) =>
        Math.log((n1[b]! + alpha) / (positives + alpha * bins)) -
        Math.log((n0[b]! + alpha) / (negatives + alpha * bins)),
    );
    if (feature.kind === 'category') {
      return {
        input: feature.input,
        bins: feature.levels.map((level, code) => ({
          label: level,
          values: feature.representatives[code]!,
          points: points[code]!,
        })),
        missingPoints: points[feature.missing]!,
        otherPoints: points[feature.other]!,
      };
    }
    const missingPoints = points[bins - 1]!;
    return {
      input: feature.input,
      bins: rangeBins(edges!).map((range, b) => ({ ...range, points: points[b]! })),
      missingPoints,
      // A value that is not a number counts as missing.
      otherPoints: missingPoints,
    };
  });
  return {
    type: 'scorecard',
    baseScore: 0,
    characteristics,
    mapping: { type: 'logistic', intercept: Math.log(positives / negatives), slope: 1 },
  };
}

interface Binning {
  bins: number;
  codeOf(r: number): number;
  /** A number predictor's bin edges. */
  edges?: number[];
}

function binning(feature: Feature, train: Uint32Array, bins: number): Binning {
  if (feature.kind === 'category') {
    const codes = feature.codes;
    return { bins: feature.missing + 1, codeOf: (r) => codes[r]! };
  }
  const edges = quantileEdges(sortedPresent(feature.values, train), bins);
  const values = feature.values;
  const missing = edges.length + 1;
  return {
    bins: missing + 1,
    edges,
    codeOf: (r) => (Number.isNaN(values[r]!) ? missing : edgeBin(edges, values[r]!)),
  };
}

function rangeBins(edges: number[]): { label: string; min?: number; max?: number }[] {
  if (edges.length === 0) return [{ label: 'any number', min: -Number.MAX_VALUE }];
  const ranges: { label: string; min?: number; max?: number }[] = [
    { label: `< ${edges[0]}`, max: edges[0]! },
  ];
  for (let i = 1; i < edges.length; i++) {
    ranges.push({ label: `${edges[i - 1]} to < ${edges[i]}`, min: edges[i - 1]!, max: edges[i]! });
  }
  ranges.push({ label: `≥ ${edges[edges.length - 1]}`, min: edges[edges.length - 1]! });
  return ranges;
}
