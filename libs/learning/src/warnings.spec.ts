import { suggestPredictors } from './suggest-predictors';
import { SYNTHETIC_PREDICTORS, syntheticRequest, syntheticRows } from './test-support/synthetic';
import { train } from './train';
import type { PredictorDef } from './types';

jest.setTimeout(60_000);

const rows = syntheticRows(2000, 9);
const base = syntheticRequest({ rows, algorithm: 'naiveBayes', seed: 2 });

/** A call duration: long calls are the accepted ones, known only once the outcome is. */
const DURATION: PredictorDef = { name: 'duration', input: 'context.duration', type: 'number' };
const withDuration = rows.map((row, i) => ({
  ...row,
  duration: row.accepted === 'yes' ? 300 + (i % 50) : 20 + (i % 60),
}));

/** A column the tests set to "NL" in every row: a constant predictor. */
const COUNTRY: PredictorDef = { name: 'country', input: 'customer.country', type: 'string' };

test('a predictor that alone separates the outcomes is flagged as likely leakage, by name', async () => {
  const { report } = await train({
    ...base,
    rows: withDuration,
    predictors: [...SYNTHETIC_PREDICTORS, DURATION],
  });
  const leakage = report.warnings.filter((w) => w.code === 'leakage');
  expect(leakage).toEqual([
    {
      code: 'leakage',
      predictor: 'duration',
      message:
        '"duration" alone separates the outcomes almost perfectly (AUC 1.00 on the training rows): it is likely known only after the outcome, e.g. a call duration; leave it out unless it is known when the decision is made',
    },
  ]);
  expect(report.auc.value).toBeGreaterThan(0.99);
});

test('capped categories, missing targets and few positives are reported in words', async () => {
  const few = rows.map((row, i) => ({
    ...row,
    accepted: i % 50 === 0 ? 'yes' : i % 7 === 0 ? undefined : 'no',
  }));
  // 40 positives (every 50th row), 8 of them held out; 280 rows without a target (every 7th, not 50th).
  const { report } = await train({ ...base, rows: few, settings: { maxCategories: 20 } });
  const byCode = Object.fromEntries(report.warnings.map((w) => [w.code, w]));
  expect(byCode.few_positives!.message).toBe(
    'only 32 positive training rows: the model and its figures are uncertain; add rows or widen the target',
  );
  expect(byCode.missing_values!.message).toBe(
    '280 rows have no value in the target column "accepted" and were left out',
  );
  expect(byCode.categories_capped).toMatchObject({ predictor: 'city' });
  expect(byCode.categories_capped!.message).toMatch(
    /^"city" has \d+ distinct values; the 20 most frequent are kept and the other \d+ share one "other" category$/,
  );
  expect(report.rows.train + report.rows.test).toBe(2000 - 280);
});

test('a constant predictor is dropped with a warning and the others still train', async () => {
  const constant = rows.map((row) => ({ ...row, country: 'NL' }));
  const { report, spec } = await train({
    ...base,
    rows: constant,
    predictors: [...SYNTHETIC_PREDICTORS, COUNTRY],
  });
  expect(report.warnings).toContainEqual({
    code: 'constant',
    predictor: 'country',
    message: '"country" is "NL" in every training row, so it cannot tell rows apart; it was left out',
  });
  expect(JSON.stringify(spec)).not.toContain('customer.country');
  expect(report.importance.map((i) => i.predictor)).not.toContain('country');
});

test('suggested predictors leave out the target, ids, hashed and constant columns, and flag leakage', () => {
  const sample = withDuration.map((row, i) => ({
    ...row,
    customerId: `c${i}`,
    email: `h${i % 300}`,
    country: 'NL',
  }));
  const suggestions = suggestPredictors(
    sample,
    [
      { name: 'accepted', input: 'customer.accepted', type: 'string' },
      { name: 'customerId', input: 'customer.customerId', type: 'string' },
      { name: 'email', input: 'customer.email', type: 'string', privacy: 'hashed' },
      COUNTRY,
      { name: 'joined', input: 'customer.joined', type: 'date' },
      DURATION,
      { name: 'age', input: 'customer.age', type: 'number' },
      { name: 'segment', input: 'customer.segment', type: 'string' },
      { name: 'online', input: 'context.online', type: 'boolean' },
    ],
    { column: 'accepted' },
  );
  expect(suggestions).toEqual([
    { name: 'accepted', include: false, reason: 'the target' },
    { name: 'customerId', include: false, reason: 'an id' },
    { name: 'email', include: false, reason: 'a hashed personal column' },
    { name: 'country', include: false, reason: 'one value in every row' },
    { name: 'joined', include: false, reason: 'a date (use it for a time split)' },
    {
      name: 'duration',
      include: false,
      reason: 'likely leakage',
      warning: expect.stringContaining('"duration" alone separates the outcomes almost perfectly'),
    },
    { name: 'age', include: true },
    { name: 'segment', include: true },
    { name: 'online', include: true },
  ]);
});
