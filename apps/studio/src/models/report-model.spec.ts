import {
  asModelReport,
  asProvenance,
  comparisonLines,
  formatInterval,
  formatMetric,
  trainingFailure,
  trainingProgressView,
} from './report-model';
import { job, report } from './test-fixtures';

describe('model report numbers and words', () => {
  it('reads AUC, log loss and Brier with three decimals and the interval with two', () => {
    expect(formatMetric(0.81234)).toBe('0.812');
    expect(formatMetric(null)).toBe('—');
    expect(formatInterval(0.7912, 0.8334)).toBe('95% CI 0.79–0.83');
  });

  it('accepts a stored report and refuses what is not one', () => {
    expect(asModelReport(report())?.auc.value).toBe(0.8123);
    expect(asModelReport({})).toBeUndefined();
    expect(asModelReport(null)).toBeUndefined();
    // Malformed points are dropped rather than drawn.
    const partial = asModelReport({
      ...report(),
      roc: [{ fpr: 0, tpr: 0 }, { fpr: 'x' }],
      importance: 'none',
    });
    expect(partial?.roc).toEqual([{ fpr: 0, tpr: 0 }]);
    expect(partial?.importance).toEqual([]);
  });

  it('reads the provenance, predictors given by name or as objects', () => {
    const p = asProvenance({
      datasetId: 'd1',
      target: { column: 'Y', positiveValues: ['1'] },
      predictors: ['age', { name: 'coupon', input: 'customer.coupon' }],
      rows: 'many',
    });
    expect(p.predictors).toEqual(['age', 'coupon']);
    expect(p.target).toEqual({ column: 'Y', positiveValues: ['1'] });
    expect(p.rows).toBeUndefined();
    expect(asProvenance('nonsense')).toEqual({});
  });

  it('says which way each metric moved: higher AUC and lower loss are better', () => {
    const lines = comparisonLines([
      { metric: 'auc', a: 0.7634, b: 0.8123, delta: 0.0489 },
      { metric: 'logLoss', a: 0.48, b: 0.52, delta: 0.04 },
      { metric: 'brier', a: 0.16, b: 0.16, delta: 0 },
      { metric: 'trainRows', a: 10000, b: 12000, delta: 2000 },
      { metric: 'positiveRate', a: 0.57, b: 0.582, delta: 0.012 },
      { metric: 'somethingNew', a: 1, b: 2, delta: null },
    ]);
    expect(lines.map((l) => [l.label, l.a, l.b, l.change, l.tone])).toEqual([
      ['AUC', '0.763', '0.812', '+0.049', 'better'],
      ['Log loss', '0.480', '0.520', '+0.040', 'worse'],
      ['Brier score', '0.160', '0.160', '0.000', 'same'],
      ['Training rows', '10,000', '12,000', '+2,000', 'same'],
      ['Share of positives', '57.0%', '58.2%', '+1.2 pts', 'same'],
      ['somethingNew', '1.000', '2.000', '+1.000', 'same'],
    ]);
  });

  it('turns a training job into progress in words', () => {
    expect(trainingProgressView(job())).toEqual({
      percent: 40,
      phase: 'Fitting the model',
      rows: '10,000 rows',
      iterations: 'iteration 40 of 100',
      eta: 'about 12 s left',
    });
    const queued = trainingProgressView(
      job({ status: 'QUEUED', phase: null, iterations: 0, iteration: 0, etaSeconds: null }),
    );
    expect(queued).toMatchObject({
      percent: undefined,
      phase: 'Waiting for a worker',
      iterations: '',
      eta: '',
    });
    expect(trainingProgressView(job({ phase: 'evaluating' })).phase).toBe('Evaluating on the held-out rows');
  });

  it('states a failure as one sentence', () => {
    expect(trainingFailure('TrainingError: column "age" has NaN in row 3\n    at train (x.ts:1)')).toBe(
      'Column "age" has NaN in row 3.',
    );
    expect(trainingFailure(null)).toMatch(/without saying why/);
  });
});
