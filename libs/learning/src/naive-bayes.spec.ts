import { predict } from './predict';
import { resolveSettings } from './settings';
import { prepareTraining, train } from './train';
import type { PredictorDef, TrainingRequest } from './types';

const predictors: PredictorDef[] = [
  { name: 'plan', input: 'customer.plan', type: 'string' },
  { name: 'age', input: 'customer.age', type: 'number' },
];

/** 100 rows: plan "gold" or "basic" (or missing), age 20–69; gold and older customers accept more. */
const rows = Array.from({ length: 100 }, (_, i) => {
  const row: Record<string, unknown> = {
    age: 20 + (i % 50),
    accepted: i % 3 === 0 || (i % 2 === 0 && i > 50),
  };
  if (i % 10 !== 0) row.plan = i % 4 === 0 ? 'gold' : 'basic';
  return row;
});
const request: TrainingRequest = {
  rows,
  target: { column: 'accepted', positiveValues: ['true'] },
  predictors,
  algorithm: 'naiveBayes',
  settings: { bins: 4, laplace: 1 },
  seed: 1,
};

test('naive Bayes reads as a scorecard: points are smoothed log-likelihood ratios, the mapping adds the prior log-odds', async () => {
  const { spec } = await train(request);
  if (spec.type !== 'scorecard') throw new Error('not a scorecard');
  const { split } = await prepareTraining(request, resolveSettings('naiveBayes', request.settings));
  const trainRows = Array.from(split.train, (r) => rows[r]!);
  const n1 = trainRows.filter((r) => r.accepted).length;
  const n0 = trainRows.length - n1;
  expect(spec.mapping).toEqual({ type: 'logistic', intercept: Math.log(n1 / n0), slope: 1 });
  expect(spec.baseScore).toBe(0);

  // Plan: bins basic, gold, and the "other" and missing bins: 4 bins, one pseudo-count each.
  const plan = spec.characteristics[0]!;
  expect(plan.input).toBe('customer.plan');
  expect(plan.bins.map((b) => [b.label, b.values])).toEqual([
    ['basic', ['basic']],
    ['gold', ['gold']],
  ]);
  const ratio = (match: (r: Record<string, unknown>) => boolean, bins: number) => {
    const p = trainRows.filter((r) => r.accepted && match(r)).length;
    const n = trainRows.filter((r) => !r.accepted && match(r)).length;
    return Math.log((p + 1) / (n1 + bins)) - Math.log((n + 1) / (n0 + bins));
  };
  expect(plan.bins[1]!.points).toBeCloseTo(
    ratio((r) => r.plan === 'gold', 4),
    12,
  );
  expect(plan.missingPoints).toBeCloseTo(
    ratio((r) => r.plan === undefined, 4),
    12,
  );
  expect(plan.otherPoints).toBeCloseTo(
    ratio(() => false, 4),
    12,
  );

  // Age: 4 quantile bins of the training rows, [min, max), plus the missing bin.
  const age = spec.characteristics[1]!;
  expect(age.bins).toHaveLength(4);
  const [first, second, third, last] = age.bins;
  expect(first!.label).toBe(`< ${first!.max}`);
  expect(second!.label).toBe(`${second!.min} to < ${second!.max}`);
  expect(last!.label).toBe(`≥ ${last!.min}`);
  expect([first!.max, second!.max, third!.max]).toEqual([second!.min, third!.min, last!.min]);
  const inBin = (bin: { min?: number; max?: number }) => (r: Record<string, unknown>) =>
    (r.age as number) >= (bin.min ?? -Infinity) && (r.age as number) < (bin.max ?? Infinity);
  age.bins.forEach((bin) => expect(bin.points).toBeCloseTo(ratio(inBin(bin), 5), 12));

  // The engine's propensity of every row is logistic(prior + the points of its bins).
  const scores = predict(spec, rows, predictors);
  rows.forEach((row, i) => {
    const planBin = plan.bins.find((b) => b.values!.includes(row.plan as string));
    const planPoints = row.plan === undefined ? plan.missingPoints : planBin!.points;
    const agePoints = age.bins.find((b) => inBin(b)(row))!.points;
    const z = spec.mapping!.intercept + planPoints + agePoints;
    expect(scores[i]).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
  });
});
