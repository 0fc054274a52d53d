import type { InlineModelSpec } from '@arbiter/engine';
import { checkpoint } from './cooperate';
import { evaluate } from './evaluate';
import { fitGbdt } from './gbdt';
import { leakageWarnings } from './leakage';
import { fitLogistic, logisticSpec } from './logistic';
import { buildDesign } from './logistic-design';
import { fitNaiveBayes } from './naive-bayes';
import { isModelInput, predictRows } from './predict';
import { buildFeatures, extractColumns, extractTarget, type Feature, type Target } from './prepare';
import { deriveSeed } from './random';
import {
  resolveSettings,
  type GbdtSettings,
  type LogisticSettings,
  type NaiveBayesSettings,
  type Settings,
} from './settings';
import { checkEnoughRows, stratifiedSplit, timeSplit, type RowSplit } from './split';
import { TrainingError, cancelled } from './training-error';
import type {
  ReportWarning,
  SplitRequest,
  TrainingOptions,
  TrainingProgress,
  TrainingRequest,
  TrainingResult,
} from './types';

/** Fewer positive (or negative) training rows than this earn a warning. */
const FEW_POSITIVES = 50;
const DEFAULT_SPLIT: SplitRequest = { kind: 'stratified', testShare: 0.2 };

/**
 * Trains one model: reads and checks the rows, splits them (seeded), fits the algorithm on the
 * training rows and evaluates the engine's scores on the test rows. Yields to the event loop between
 * iterations and row chunks, so it can run next to decisions in one process; `signal` cancels it.
 */
export async function train(
  request: TrainingRequest,
  options: TrainingOptions = {},
): Promise<TrainingResult> {
  const { signal } = options;
  if (signal?.aborted) throw cancelled();
  const settings = resolveSettings(request.algorithm, request.settings);
  const splitRequest = checkRequest(request);
  const iterations = plannedIterations(request.algorithm, settings);
  const report = (phase: TrainingProgress['phase'], iteration: number, rows: number) =>
    options.onProgress?.({ phase, iteration, iterations, rows });
  report('preparing', 0, 0);

  const { target, split, features, warnings } = await prepareTraining(request, settings, signal);
  const { rows } = request;
  const { labels } = target;
  report('training', 0, split.train.length);
  await checkpoint(signal);

  const hooks = {
    signal,
    onIteration: (iteration: number) => report('training', iteration, split.train.length),
  };
  const { spec, fitted } = await fit(request, settings, features, split.train, labels, hooks);

  report('evaluating', fitted, split.train.length);
  await checkpoint(signal);
  const testScores = await predictRows(spec, rows, split.test, request.predictors, signal);
  const modelReport = await evaluate({
    algorithm: request.algorithm,
    iterations: fitted,
    spec,
    features,
    labels,
    split,
    splitInfo: {
      kind: splitRequest.kind,
      testShare: splitRequest.testShare,
      seed: request.seed,
      ...(splitRequest.kind === 'time' ? { column: splitRequest.column } : {}),
    },
    testScores,
    warnings,
    seed: deriveSeed(request.seed, 'importance'),
    signal,
  });
  return { spec, report: modelReport, settings };
}

export interface PreparedTraining {
  target: Target;
  split: RowSplit;
  features: Feature[];
  warnings: ReportWarning[];
}

/** Everything before fitting: target, typed columns, split, features and their warnings. */
export async function prepareTraining(
  request: TrainingRequest,
  settings: Settings,
  signal?: AbortSignal,
): Promise<PreparedTraining> {
  const splitRequest = checkRequest(request);
  const { rows, target: targetRequest } = request;
  const target = extractTarget(rows, targetRequest);
  checkEnoughRows(target, targetRequest.column);
  const columns = await extractColumns(rows, request.predictors, signal);
  const split = splitRows(request, splitRequest, target);
  const { labels } = target;
  await checkpoint(signal);
  const built = await buildFeatures(columns, split.train, settings.maxCategories, signal);
  const features = built.features;
  if (features.length === 0) {
    throw new TrainingError(
      'no_predictor',
      `no usable predictor: ${request.predictors.map((p) => `"${p.name}"`).join(', ')} ${request.predictors.length === 1 ? 'has' : 'have'} one value in every training row; choose predictors that vary`,
    );
  }
  const warnings = [
    ...rowWarnings(rows.length - target.labeled.length, targetRequest.column, split, labels),
    ...(await leakageWarnings(features, split.train, labels, deriveSeed(request.seed, 'leakage'), signal)),
    ...built.warnings,
  ];
  return { target, split, features, warnings };
}

async function fit(
  request: TrainingRequest,
  settings: Settings,
  features: Feature[],
  train: Uint32Array,
  labels: Uint8Array,
  hooks: { signal?: AbortSignal; onIteration(iteration: number): void },
): Promise<{ spec: InlineModelSpec; fitted: number }> {
  switch (request.algorithm) {
    case 'logistic': {
      const design = buildDesign(features, train);
      const result = await fitLogistic(design, train, labels, settings as LogisticSettings, hooks);
      return { spec: logisticSpec(design, result.beta), fitted: result.iterations };
    }
    case 'gbdt': {
      const result = await fitGbdt(features, train, labels, settings as GbdtSettings, request.seed, hooks);
      return { spec: result.spec, fitted: result.trees };
    }
    case 'naiveBayes': {
      const spec = fitNaiveBayes(features, train, labels, settings as NaiveBayesSettings);
      hooks.onIteration(1);
      return { spec, fitted: 1 };
    }
  }
}

function plannedIterations(algorithm: TrainingRequest['algorithm'], settings: Settings): number {
  if (algorithm === 'logistic') return (settings as LogisticSettings).maxIter;
  if (algorithm === 'gbdt') return (settings as GbdtSettings).trees;
  return 1;
}

/** Checks the parts of the request that need no data; returns the split with its default. */
export function checkRequest(request: TrainingRequest): SplitRequest {
  if (!Number.isInteger(request.seed) || request.seed < 0 || request.seed > 0xffffffff) {
    throw new TrainingError(
      'invalid_setting',
      `the seed must be a whole number from 0 to 4294967295, not ${JSON.stringify(request.seed)}`,
      undefined,
      'seed',
    );
  }
  if (!Array.isArray(request.rows) || request.rows.length === 0) {
    throw new TrainingError('too_few_rows', 'the dataset has no rows to train on');
  }
  if (typeof request.target?.column !== 'string' || request.target.column === '') {
    throw new TrainingError('missing_column', 'choose the target column: the outcome the model predicts');
  }
  if (!Array.isArray(request.predictors) || request.predictors.length === 0) {
    throw new TrainingError('no_predictor', 'choose at least one predictor');
  }
  const names = new Set<string>();
  const inputs = new Set<string>();
  for (const predictor of request.predictors) {
    const { name, input, type } = predictor;
    if (name === request.target.column) {
      throw new TrainingError(
        'invalid_value',
        `"${name}" is the target column; it cannot also be a predictor`,
        name,
      );
    }
    if (names.has(name) || inputs.has(input)) {
      throw new TrainingError(
        'invalid_value',
        `predictor "${name}" is listed twice (same column or same input "${input}")`,
        name,
      );
    }
    if (!isModelInput(input)) {
      throw new TrainingError(
        'invalid_value',
        `predictor "${name}" reads "${input}", which is not a model input; write customer.<field> or context.<field>`,
        name,
      );
    }
    if (type !== 'number' && type !== 'string' && type !== 'boolean') {
      throw new TrainingError(
        'invalid_value',
        `predictor "${name}" has type ${JSON.stringify(type)}; a predictor is a number, a string or a boolean`,
        name,
      );
    }
    names.add(name);
    inputs.add(input);
  }
  const split = request.split ?? DEFAULT_SPLIT;
  if (split.kind !== 'stratified' && split.kind !== 'time') {
    throw new TrainingError(
      'invalid_setting',
      `split "${String((split as { kind: unknown }).kind)}" is unknown; use stratified or time`,
      undefined,
      'split',
    );
  }
  if (typeof split.testShare !== 'number' || !(split.testShare >= 0.05 && split.testShare <= 0.5)) {
    throw new TrainingError(
      'invalid_setting',
      `the test share must be between 0.05 and 0.5, not ${JSON.stringify(split.testShare)}`,
      undefined,
      'testShare',
    );
  }
  return split;
}

function splitRows(request: TrainingRequest, split: SplitRequest, target: Target): RowSplit {
  return split.kind === 'time'
    ? timeSplit(request.rows, target, split.column, split.testShare)
    : stratifiedSplit(target.labeled, target.labels, split.testShare, deriveSeed(request.seed, 'split'));
}

function rowWarnings(
  unlabeled: number,
  column: string,
  split: RowSplit,
  labels: Uint8Array,
): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  const positives = split.train.reduce((n, r) => n + labels[r]!, 0);
  const negatives = split.train.length - positives;
  if (positives < FEW_POSITIVES || negatives < FEW_POSITIVES) {
    const [few, kind] = positives < negatives ? [positives, 'positive'] : [negatives, 'negative'];
    warnings.push({
      code: 'few_positives',
      message: `only ${few} ${kind} training rows: the model and its figures are uncertain; add rows or widen the target`,
    });
  }
  if (unlabeled > 0) {
    warnings.push({
      code: 'missing_values',
      message: `${unlabeled} row${unlabeled === 1 ? ' has' : 's have'} no value in the target column "${column}" and ${unlabeled === 1 ? 'was' : 'were'} left out`,
    });
  }
  return warnings;
}
