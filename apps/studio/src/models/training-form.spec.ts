import { predictorChoices } from './test-fixtures';
import {
  choosePredictors,
  emptyForm,
  guessPositiveValues,
  retrainForm,
  stepProblems,
  trainRequest,
  type TrainingForm,
} from './training-form';

const filled = (patch: Partial<TrainingForm> = {}): TrainingForm => ({
  ...emptyForm(),
  name: ' Coupon acceptance ',
  datasetId: 'd1',
  targetColumn: 'Y',
  positiveValues: ['1'],
  predictors: { coupon: true, age: false, duration: true },
  ...patch,
});

describe('the training form', () => {
  it('becomes the trainModel input: chosen predictors only, settings of the chosen algorithm only', () => {
    const form = filled({
      algorithm: 'LOGISTIC',
      settings: { LOGISTIC: { l2: 0.5, maxIter: undefined }, GBDT: { trees: 50 } },
    });
    expect(trainRequest(form)).toEqual({
      name: 'Coupon acceptance',
      datasetId: 'd1',
      targetColumn: 'Y',
      positiveValues: ['1'],
      predictors: ['coupon', 'duration'],
      algorithm: 'LOGISTIC',
      settings: { l2: 0.5 },
      seed: 1,
      testShare: 0.2,
    });
    // A retrain names the model instead; a time split names its column.
    expect(trainRequest(filled({ modelId: 'm1', timeColumn: 'visitedAt', description: 'x' }))).toMatchObject({
      modelId: 'm1',
      timeColumn: 'visitedAt',
    });
    expect(trainRequest(filled({ modelId: 'm1' }))).not.toHaveProperty('name');
  });

  it('says what is missing at each step', () => {
    expect(stepProblems('dataset', emptyForm())).toEqual([
      'Choose the dataset to learn from.',
      'Give the model a name, e.g. "Coupon acceptance".',
    ]);
    expect(stepProblems('dataset', filled({ name: '', modelId: 'm1' }))).toEqual([]);
    expect(stepProblems('target', filled({ targetColumn: '' }))).toEqual([
      'Choose the column that says whether the customer accepted.',
    ]);
    expect(stepProblems('target', filled({ positiveValues: ['0', '1'] }), ['0', '1'])).toEqual([
      'Leave at least one value as negative: a model cannot learn from one class.',
    ]);
    expect(stepProblems('predictors', filled({ predictors: { age: false } }))).toEqual([
      'Choose at least one predictor.',
    ]);
    expect(stepProblems('algorithm', filled({ testShare: 0.7 }))).toEqual([
      'The held-out share must be between 5% and 50%.',
    ]);
  });

  it('guesses the positive value from the usual spellings only', () => {
    expect(guessPositiveValues(['0', '1'])).toEqual(['1']);
    expect(guessPositiveValues(['No', 'Yes'])).toEqual(['Yes']);
    expect(guessPositiveValues(['red', 'blue'])).toEqual([]);
  });

  it('takes the suggested predictors, or exactly those a retrained version used', () => {
    expect(choosePredictors(predictorChoices.predictors, {})).toEqual({
      coupon: true,
      age: true,
      customerId: false,
      duration: false,
    });
    expect(choosePredictors(predictorChoices.predictors, { duration: true })).toEqual({
      coupon: false,
      age: false,
      customerId: false,
      duration: true,
    });
  });

  it('sets up a retrain like the latest version, keeping only known settings', () => {
    const form = retrainForm(
      { id: 'm1', name: 'Coupons' },
      {
        algorithm: 'GBDT',
        provenance: {
          datasetId: 'd1',
          target: { column: 'Y', positiveValues: ['1'] },
          predictors: ['coupon'],
          split: { kind: 'time', testShare: 0.3, column: 'visitedAt' },
          seed: 9,
          settings: { trees: 200, earlyStopping: true, somethingInternal: 'x' },
        },
      },
    );
    expect(form).toMatchObject({
      modelId: 'm1',
      datasetId: 'd1',
      targetColumn: 'Y',
      positiveValues: ['1'],
      predictors: { coupon: true },
      algorithm: 'GBDT',
      seed: 9,
      testShare: 0.3,
      timeColumn: 'visitedAt',
      settings: { GBDT: { trees: 200, earlyStopping: true } },
    });
  });
});
