import { predict } from './predict';
import { SYNTHETIC_PREDICTORS, syntheticRequest, syntheticRows } from './test-support/synthetic';
import { train } from './train';
import type { PredictorDef } from './types';

const rows = syntheticRows(2000, 6);

async function fit(l2 = 1) {
  const { spec } = await train(syntheticRequest({ rows, algorithm: 'logistic', settings: { l2 }, seed: 4 }));
  if (spec.type !== 'logistic') throw new Error('not a logistic model');
  return spec;
}

test('terms follow the predictors, numbers as weight × value centred on the training mean', async () => {
  const spec = await fit();
  expect(spec.terms.map((t) => t.input)).toEqual(SYNTHETIC_PREDICTORS.map((p) => p.input));
  const age = spec.terms[0]!;
  if ('categories' in age) throw new Error('age is a number');
  expect(age.center).toBeGreaterThan(40);
  expect(age.center).toBeLessThan(55);
  expect(age.weight).toBeGreaterThan(0);
  const segment = spec.terms[2]!;
  if (!('categories' in segment)) throw new Error('segment is a category');
  expect(Object.keys(segment.categories).sort()).toEqual(['bronze', 'gold', 'silver', 'student']);
  expect(segment.categories.gold!).toBeGreaterThan(segment.categories.student!);
  const online = spec.terms[4]!;
  if (!('categories' in online)) throw new Error('online is a category');
  expect(Object.keys(online.categories).sort()).toEqual(['false', 'true']);
});

test('a missing number scores like its training mean when training rows had no missing value', async () => {
  const spec = await fit();
  const age = spec.terms[0]!;
  if ('categories' in age) throw new Error('age is a number');
  const predictors: PredictorDef[] = [SYNTHETIC_PREDICTORS[0]!];
  const ageOnly = { ...spec, terms: [age] };
  const [missing, atMean] = predict(ageOnly, [{}, { age: age.center }], predictors);
  expect(missing).toBeCloseTo(atMean!, 12);
});

test('a missing balance gets its own learned weight; an unseen category gets "otherwise"', async () => {
  const spec = await fit();
  const balance = spec.terms[1]!;
  if ('categories' in balance) throw new Error('balance is a number');
  // Rows without a balance accept more often (see the synthetic data): the indicator's weight shows it.
  const balancePredictor: PredictorDef[] = [SYNTHETIC_PREDICTORS[1]!];
  const [missing, atMean] = predict(
    { ...spec, terms: [balance] },
    [{}, { balance: balance.center }],
    balancePredictor,
  );
  expect(missing!).toBeGreaterThan(atMean!);
  const segment = spec.terms[2]!;
  if (!('categories' in segment)) throw new Error('segment is a category');
  const segmentPredictor: PredictorDef[] = [SYNTHETIC_PREDICTORS[2]!];
  const [unseen, blank] = predict(
    { ...spec, intercept: 0, terms: [segment] },
    [{ segment: 'platinum' }, { segment: '' }],
    segmentPredictor,
  );
  expect(unseen).toBeCloseTo(1 / (1 + Math.exp(-(segment.otherwise ?? 0))), 12);
  expect(blank).toBeCloseTo(1 / (1 + Math.exp(-(segment.ifMissing ?? 0))), 12);
  expect(segment.ifMissing).not.toBe(0);
});

test('a stronger L2 penalty shrinks the weights', async () => {
  const loose = await fit(0.01);
  const tight = await fit(500);
  const size = (spec: typeof loose) =>
    spec.terms.reduce(
      (sum, t) => sum + ('categories' in t ? Object.values(t.categories).reduce((s, w) => s + w * w, 0) : 0),
      0,
    );
  expect(size(tight)).toBeLessThan(size(loose) / 10);
});
