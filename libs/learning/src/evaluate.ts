import type { InlineModelSpec } from '@arbiter/engine';
import { checkpoint } from './cooperate';
import { permutationImportance } from './importance';
import { aucWithInterval, brier, calibration, gains, logLoss, rocCurve, auc } from './metrics';
import type { CategoryFeature, Feature } from './prepare';
import type { RowSplit } from './split';
import type { Algorithm, ModelReport, ReportWarning } from './types';

/** Segments listed per predictor, and predictors broken down. */
const SEGMENT_LEVELS = 10;
const SEGMENT_PREDICTORS = 3;

export interface EvaluationInput {
  algorithm: Algorithm;
  iterations: number;
  spec: InlineModelSpec;
  features: readonly Feature[];
  labels: Uint8Array;
  split: RowSplit;
  splitInfo: ModelReport['split'];
  /** The engine's propensities for the test rows, in the order of split.test. */
  testScores: Float64Array;
  warnings: ReportWarning[];
  seed: number;
  signal?: AbortSignal;
}

export async function evaluate(input: EvaluationInput): Promise<ModelReport> {
  const { split, labels, testScores: scores } = input;
  const testLabels = Uint8Array.from(split.test, (r) => labels[r]!);
  const count = (rows: Uint32Array) => rows.reduce((n, r) => n + labels[r]!, 0);
  const positives = { train: count(split.train), test: count(split.test) };
  const importance = await permutationImportance(
    input.spec,
    input.features,
    split.test,
    labels,
    input.seed,
    input.signal,
  );
  const step = async <T>(compute: () => T): Promise<T> => {
    await checkpoint(input.signal);
    return compute();
  };
  return {
    algorithm: input.algorithm,
    iterations: input.iterations,
    rows: { train: split.train.length, test: split.test.length },
    positives,
    split: input.splitInfo,
    auc: await step(() => aucWithInterval(scores, testLabels)),
    logLoss: logLoss(scores, testLabels),
    brier: brier(scores, testLabels),
    positiveRate: positives.test / split.test.length,
    roc: await step(() => rocCurve(scores, testLabels)),
    calibration: calibration(scores, testLabels),
    gains: await step(() => gains(scores, testLabels)),
    importance,
    segments: await step(() => segments(input, importance, testLabels)),
    warnings: input.warnings,
  };
}

/** Test AUC within the categories of the most important categorical predictors. */
function segments(
  input: EvaluationInput,
  importance: ModelReport['importance'],
  testLabels: Uint8Array,
): ModelReport['segments'] {
  const byName = new Map(input.features.map((f) => [f.name, f]));
  const chosen = importance
    .map((i) => byName.get(i.predictor)!)
    .filter((f): f is CategoryFeature => f.kind === 'category')
    .slice(0, SEGMENT_PREDICTORS);
  const test = input.split.test;
  return chosen.flatMap((feature) => {
    const positions = new Map<number, number[]>();
    test.forEach((r, i) => {
      const code = feature.codes[r]!;
      const list = positions.get(code) ?? [];
      list.push(i);
      positions.set(code, list);
    });
    const labelOf = (code: number) =>
      code < feature.other ? feature.levels[code]! : code === feature.other ? '(other)' : '(missing)';
    return [...positions.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
      .slice(0, SEGMENT_LEVELS)
      .map(([code, at]) => {
        const segmentScores = Float64Array.from(at, (i) => input.testScores[i]!);
        const segmentLabels = Uint8Array.from(at, (i) => testLabels[i]!);
        const value = auc(segmentScores, segmentLabels);
        return {
          predictor: feature.name,
          segment: labelOf(code),
          rows: at.length,
          auc: Number.isNaN(value) ? null : value,
        };
      });
  });
}
