import { SYNTHETIC_PREDICTORS, syntheticRequest, syntheticRows } from './test-support/synthetic';
import { train } from './train';
import type { PredictorDef, TrainingRequest } from './types';

const rows = syntheticRows(400, 3);
const base = syntheticRequest({ rows, algorithm: 'logistic', seed: 1 });

/** Rows with one cell replaced. */
function withCell(index: number, column: string, value: unknown) {
  return rows.map((row, i) => (i === index ? { ...row, [column]: value } : row));
}

/** The base request with one predictor more. */
function withPredictor(predictor: PredictorDef): TrainingRequest {
  return { ...base, predictors: [...SYNTHETIC_PREDICTORS, predictor] };
}

async function failure(request: TrainingRequest) {
  try {
    await train(request);
  } catch (error) {
    return error as { name: string; code: string; column?: string; setting?: string; message: string };
  }
  throw new Error('training succeeded');
}

test('a target with one class is refused, naming the column', async () => {
  const error = await failure({ ...base, target: { column: 'accepted', positiveValues: ['maybe'] } });
  expect(error).toMatchObject({ name: 'TrainingError', code: 'single_class', column: 'accepted' });
  expect(error.message).toBe(
    'every row of the target column "accepted" is negative (positive values: "maybe"); a model needs rows of both outcomes',
  );
});

test('a target column the dataset lacks is a missing column', async () => {
  const error = await failure({ ...base, target: { column: 'outcome', positiveValues: ['1'] } });
  expect(error).toMatchObject({ code: 'missing_column', column: 'outcome' });
  expect(error.message).toContain('"outcome"');
});

test('a predictor column the dataset lacks is a missing column', async () => {
  const error = await failure(withPredictor({ name: 'tenure', input: 'customer.tenure', type: 'number' }));
  expect(error).toMatchObject({ code: 'missing_column', column: 'tenure' });
  expect(error.message).toMatch(/^the dataset has no column "tenure"/);
});

test.each([
  [NaN, 'NaN'],
  [Infinity, 'Infinity'],
  [-Infinity, '-Infinity'],
  ['Infinity', '"Infinity"'],
  ['12abc', '"12abc"'],
  [true, 'the value true'],
])('%p in a number column is an invalid value naming the column and the row', async (value, shown) => {
  const error = await failure({ ...base, rows: withCell(16, 'balance', value) });
  expect(error).toMatchObject({ code: 'invalid_value', column: 'balance' });
  expect(error.message).toBe(
    `column "balance" has ${shown} in row 17; a number predictor needs finite numbers (or no value)`,
  );
});

test('a list in a category column is an invalid value', async () => {
  const error = await failure({ ...base, rows: withCell(2, 'segment', ['gold']) });
  expect(error).toMatchObject({ code: 'invalid_value', column: 'segment' });
  expect(error.message).toContain('row 3');
});

test('more than 1,000 categories are refused as too many', async () => {
  const many = rows.concat(
    Array.from({ length: 1100 }, (_, i) => ({ ...rows[i % rows.length]!, city: `street ${i}` })),
  );
  const error = await failure({ ...base, rows: many });
  expect(error).toMatchObject({ code: 'too_many_categories', column: 'city' });
  expect(error.message).toContain('more than 1000 distinct values');
});

test('no usable predictor: every chosen predictor is constant', async () => {
  const constant = rows.map((row) => ({ ...row, contacts: 2 }));
  const error = await failure({
    ...base,
    rows: constant,
    predictors: [{ name: 'contacts', input: 'customer.contacts', type: 'number' }],
  });
  expect(error).toMatchObject({ code: 'no_predictor' });
  expect(error.message).toContain('"contacts"');
  await expect(train({ ...base, predictors: [] })).rejects.toMatchObject({ code: 'no_predictor' });
});

test('too few rows of one outcome to train and test on', async () => {
  const few = rows.map((row, i) => ({ ...row, accepted: i < 3 ? 'yes' : 'no' }));
  const error = await failure({ ...base, rows: few });
  expect(error).toMatchObject({ code: 'too_few_rows', column: 'accepted' });
  expect(error.message).toContain('3 positive');
});

test('the target itself is not a predictor', async () => {
  const error = await failure(
    withPredictor({ name: 'accepted', input: 'customer.accepted', type: 'string' }),
  );
  expect(error).toMatchObject({ code: 'invalid_value', column: 'accepted' });
});

test('a predictor input that is not an engine reference is refused', async () => {
  const error = await failure({
    ...base,
    predictors: [{ name: 'age', input: 'age', type: 'number' }],
  });
  expect(error).toMatchObject({ code: 'invalid_value', column: 'age' });
  expect(error.message).toContain('customer.<field>');
});

test.each([
  [
    { maxDepth: 3 },
    'maxDepth',
    'setting "maxDepth" does not apply to logistic regression; its settings are l2, maxIter, maxCategories',
  ],
  [
    { l2: -1 },
    'l2',
    'setting "l2" (the L2 penalty strength (1 / C)) must be between 0.000001 and 1000000, not -1',
  ],
  [
    { maxIter: 2.5 },
    'maxIter',
    'setting "maxIter" (the most solver iterations) must be a whole number, not 2.5',
  ],
])('settings %p are refused by name', async (settings, setting, message) => {
  const error = await failure({ ...base, settings });
  expect(error).toMatchObject({ code: 'invalid_setting', setting, message });
});

test('an unknown earlyStopping value is refused', async () => {
  const error = await failure({ ...base, algorithm: 'gbdt', settings: { earlyStopping: 'yes' as never } });
  expect(error).toMatchObject({ code: 'invalid_setting', setting: 'earlyStopping' });
});

test('a time split needs a date in every row of its column', async () => {
  const dated = rows.map((row, i) => ({
    ...row,
    day: i === 9 ? 'soon' : `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
  }));
  const error = await failure({
    ...base,
    rows: dated,
    split: { kind: 'time', column: 'day', testShare: 0.2 },
  });
  expect(error).toMatchObject({ code: 'invalid_value', column: 'day' });
  expect(error.message).toBe('the time column "day" has "soon" in row 10, which is not a date');
  const missing = await failure({ ...base, split: { kind: 'time', column: 'day', testShare: 0.2 } });
  expect(missing).toMatchObject({ code: 'missing_column', column: 'day' });
});

test('a time split tests on the latest rows', async () => {
  const dated = rows.map((row, i) => ({
    ...row,
    day: new Date(Date.UTC(2024, 0, 1) + i * 3600_000).toISOString(),
  }));
  const { report } = await train({
    ...base,
    rows: dated,
    split: { kind: 'time', column: 'day', testShare: 0.25 },
  });
  expect(report.split).toEqual({ kind: 'time', testShare: 0.25, seed: 1, column: 'day' });
  expect(report.rows).toEqual({ train: 300, test: 100 });
});

test('a test share outside 0.05–0.5 is refused', async () => {
  const error = await failure({ ...base, split: { kind: 'stratified', testShare: 0.9 } });
  expect(error).toMatchObject({ code: 'invalid_setting', setting: 'testShare' });
});

test('a request without a target column is refused', async () => {
  const error = await failure({ ...base, target: { column: '', positiveValues: ['yes'] } });
  expect(error).toMatchObject({
    code: 'missing_column',
    message: 'choose the target column: the outcome the model predicts',
  });
});
