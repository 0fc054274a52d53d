import { checkpoint } from './cooperate';
import { featureScorer } from './feature-scoring';
import { auc } from './metrics';
import type { Feature } from './prepare';
import { Random } from './random';
import type { InlineModelSpec } from '@arbiter/engine';

/** Test rows used for permutation importance, and how often each predictor is shuffled. */
const SAMPLE_ROWS = 5_000;
const REPEATS = 2;

/**
 * Permutation importance on the test rows: how much the AUC drops when one predictor's values are
 * shuffled among the rows (seeded; mean of 2 shuffles of at most 5,000 rows; a drop below zero counts as none), normalised
 * to sum 1 and sorted from the most important.
 */
export async function permutationImportance(
  spec: InlineModelSpec,
  features: readonly Feature[],
  test: Uint32Array,
  labels: Uint8Array,
  seed: number,
  signal?: AbortSignal,
): Promise<{ predictor: string; importance: number }[]> {
  const random = new Random(seed);
  const sample =
    test.length > SAMPLE_ROWS
      ? Uint32Array.from(random.shuffle(Uint32Array.from(test)).subarray(0, SAMPLE_ROWS)).sort()
      : test;
  const sampleLabels = Uint8Array.from(sample, (r) => labels[r]!);
  const score = featureScorer(spec, features);
  const scores = new Float64Array(sample.length);
  const sampleAuc = () => {
    sample.forEach((r, i) => (scores[i] = score(r)));
    return auc(scores, sampleLabels);
  };
  const base = sampleAuc();
  const drops: number[] = [];
  for (const feature of features) {
    const column = feature.kind === 'number' ? feature.values : feature.codes;
    const original = Array.from(sample, (r) => column[r]!);
    let drop = 0;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const permutation = random.shuffle(Uint32Array.from({ length: sample.length }, (_, i) => i));
      sample.forEach((r, i) => (column[r] = original[permutation[i]!]!));
      drop += base - sampleAuc();
      await checkpoint(signal);
    }
    sample.forEach((r, i) => (column[r] = original[i]!));
    drops.push(Math.max(0, drop / REPEATS));
  }
  const total = drops.reduce((a, b) => a + b, 0);
  return features
    .map((f, i) => ({ predictor: f.name, importance: total > 0 ? drops[i]! / total : 0 }))
    .sort((a, b) => b.importance - a.importance);
}
