import { featureScorer } from './feature-scoring';
import { predict } from './predict';
import { resolveSettings } from './settings';
import { SYNTHETIC_PREDICTORS, syntheticRequest, syntheticRows } from './test-support/synthetic';
import { prepareTraining, train } from './train';
import { TRAINER_VERSION } from './trainer-version';
import { TrainingError } from './training-error';
import type { Algorithm, TrainingProgress } from './types';

jest.setTimeout(60_000);

const ALGORITHMS: Algorithm[] = ['logistic', 'gbdt', 'naiveBayes'];
const rows = syntheticRows(3000, 11);

const request = (algorithm: Algorithm, seed = 5) => syntheticRequest({ rows, algorithm, seed });

describe.each(ALGORITHMS)('%s', (algorithm) => {
  test('same data, settings and seed give the identical model', async () => {
    const a = await train(request(algorithm));
    const b = await train(request(algorithm));
    expect(JSON.stringify(b.spec)).toBe(JSON.stringify(a.spec));
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
    expect(a.spec.type).toBe(
      { logistic: 'logistic', gbdt: 'treeEnsemble', naiveBayes: 'scorecard' }[algorithm],
    );
  });

  test("the engine's scores equal the trainer's own predictions to 1e-9 on the test rows", async () => {
    const { spec, report } = await train(request(algorithm));
    const settings = resolveSettings(algorithm, undefined);
    const prepared = await prepareTraining(request(algorithm), settings);
    const internal = featureScorer(spec, prepared.features);
    const engine = predict(
      spec,
      Array.from(prepared.split.test, (r) => rows[r]!),
      SYNTHETIC_PREDICTORS,
    );
    expect(engine.length).toBe(report.rows.test);
    let largest = 0;
    prepared.split.test.forEach((r, i) => (largest = Math.max(largest, Math.abs(engine[i]! - internal(r)))));
    expect(largest).toBeLessThan(1e-9);
    // The rows cover missing numbers, numbers as text, booleans, missing and capped categories.
    const test = Array.from(prepared.split.test, (r) => rows[r]!);
    expect(test.some((row) => row.balance === undefined)).toBe(true);
    expect(test.some((row) => typeof row.age === 'string')).toBe(true);
    expect(test.some((row) => row.segment === '')).toBe(true);
  });

  test('the model separates the outcomes of held-out rows', async () => {
    const { report } = await train(request(algorithm));
    expect(report.auc.value).toBeGreaterThan(0.7);
    expect(report.auc.low).toBeLessThan(report.auc.value);
    expect(report.auc.high).toBeGreaterThan(report.auc.value);
  });
});

test('a different seed gives a different split', async () => {
  const settings = resolveSettings('logistic', undefined);
  const a = await prepareTraining(request('logistic', 1), settings);
  const b = await prepareTraining(request('logistic', 2), settings);
  expect(a.split.test.length).toBe(b.split.test.length);
  expect(Array.from(a.split.test)).not.toEqual(Array.from(b.split.test));
  const [specA, specB] = await Promise.all([train(request('gbdt', 1)), train(request('gbdt', 2))]);
  expect(JSON.stringify(specA.spec)).not.toBe(JSON.stringify(specB.spec));
});

test('the split is stratified: both sides keep the positive rate', async () => {
  const { report } = await train(request('naiveBayes'));
  expect(report.rows.train + report.rows.test).toBe(rows.length);
  expect(report.rows.test).toBe(600);
  const trainRate = report.positives.train / report.rows.train;
  expect(Math.abs(report.positiveRate - trainRate)).toBeLessThan(0.002);
});

test('progress goes through preparing, training and evaluating, counting iterations', async () => {
  const seen: TrainingProgress[] = [];
  const { report } = await train(
    { ...request('gbdt'), settings: { trees: 12 } },
    { onProgress: (p) => seen.push(p) },
  );
  expect(seen[0]!.phase).toBe('preparing');
  expect(seen[seen.length - 1]!.phase).toBe('evaluating');
  const training = seen.filter((p) => p.phase === 'training');
  expect(training.map((p) => p.iteration)).toEqual([0, ...Array.from({ length: 12 }, (_, i) => i + 1)]);
  expect(training.every((p) => p.iterations === 12 && p.rows === report.rows.train)).toBe(true);
});

test('an aborted signal cancels training with a cancelled TrainingError', async () => {
  const controller = new AbortController();
  const promise = train(request('gbdt'), {
    signal: controller.signal,
    onProgress: (p) => p.phase === 'training' && p.iteration === 3 && controller.abort(),
  });
  await expect(promise).rejects.toMatchObject({ name: 'TrainingError', code: 'cancelled' });
  await expect(promise).rejects.toBeInstanceOf(TrainingError);
});

test('training yields to the event loop, so timers keep firing while it runs', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const seenAt: number[] = [];
  await train(request('gbdt'), { onProgress: (p) => p.phase === 'training' && seenAt.push(ticks) });
  clearInterval(timer);
  // Timers fire between trees, not only once the training is over.
  expect(seenAt[seenAt.length - 1]!).toBeGreaterThan(seenAt[1]!);
});

test('the returned settings carry the defaults', async () => {
  const { settings } = await train({ ...request('gbdt'), settings: { trees: 5, maxDepth: 3 } });
  expect(settings).toEqual({
    trees: 5,
    learningRate: 0.1,
    maxLeafNodes: 31,
    maxDepth: 3,
    minSamplesLeaf: 20,
    l2: 0,
    maxBins: 255,
    validationShare: 0.1,
    iterNoChange: 10,
    maxCategories: 100,
    earlyStopping: 'auto',
  });
});

test('the trainer version recorded in provenance is the package version', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('../package.json') as { name: string; version: string };
  expect(TRAINER_VERSION).toBe(`${pkg.name} ${pkg.version}`);
});
