import { aucWithInterval, brier, calibration, gains, logLoss, rocCurve } from './metrics';

const f64 = (xs: number[]) => Float64Array.from(xs);
const u8 = (xs: number[]) => Uint8Array.from(xs);

test('AUC counts ties as one half (scikit-learn roc_auc_score example)', () => {
  expect(aucWithInterval(f64([0.1, 0.4, 0.35, 0.8]), u8([0, 0, 1, 1])).value).toBe(0.75);
  expect(aucWithInterval(f64([0.5, 0.5, 0.5, 0.5]), u8([0, 1, 0, 1])).value).toBe(0.5);
});

test("DeLong's interval: narrow with many rows, inside [0, 1], around the AUC", () => {
  const scores: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 2000; i++) {
    scores.push((i % 100) / 100);
    labels.push(i % 100 >= 40 && i % 7 !== 0 ? 1 : 0);
  }
  const auc = aucWithInterval(f64(scores), u8(labels));
  expect(auc.low).toBeLessThan(auc.value);
  expect(auc.high).toBeGreaterThan(auc.value);
  expect(auc.high - auc.low).toBeLessThan(0.05);
  const perfect = aucWithInterval(f64([0.1, 0.2, 0.8, 0.9]), u8([0, 0, 1, 1]));
  expect(perfect).toEqual({ value: 1, low: 1, high: 1 });
});

test('log loss and Brier score', () => {
  expect(logLoss(f64([0.9, 0.2]), u8([1, 0]))).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 12);
  expect(brier(f64([0.9, 0.2]), u8([1, 0]))).toBeCloseTo((0.01 + 0.04) / 2, 12);
});

test('the ROC curve runs from (0,0) to (1,1) with at most 101 points', () => {
  const n = 5000;
  const scores = f64(Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n));
  const labels = u8(Array.from({ length: n }, (_, i) => (((i * 7919) % n) / n > 0.3 && i % 3 !== 0 ? 1 : 0)));
  const roc = rocCurve(scores, labels);
  expect(roc.length).toBe(101);
  expect(roc[0]).toEqual({ fpr: 0, tpr: 0 });
  expect(roc[100]).toEqual({ fpr: 1, tpr: 1 });
  for (let k = 1; k < roc.length; k++) {
    expect(roc[k]!.fpr).toBeGreaterThanOrEqual(roc[k - 1]!.fpr);
    expect(roc[k]!.tpr).toBeGreaterThanOrEqual(roc[k - 1]!.tpr);
  }
  expect(rocCurve(f64([0.2, 0.8]), u8([0, 1]))).toEqual([
    { fpr: 0, tpr: 0 },
    { fpr: 0, tpr: 1 },
    { fpr: 1, tpr: 1 },
  ]);
});

test('calibration bins predicted propensities by tenths and leaves out empty bins', () => {
  const curve = calibration(f64([0.05, 0.15, 0.12, 0.95, 1]), u8([0, 0, 1, 1, 1]));
  expect(curve).toEqual([
    { predicted: 0.05, observed: 0, count: 1 },
    { predicted: expect.closeTo(0.135, 12), observed: 0.5, count: 2 },
    { predicted: 0.975, observed: 1, count: 2 },
  ]);
});

test('gains: the share of positives captured in the top deciles, and the lift over random', () => {
  // 10 rows, the 2 positives ranked first and fourth.
  const scores = f64([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0]);
  const labels = u8([1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  const result = gains(scores, labels);
  expect(result[0]).toEqual({ share: 0.1, captured: 0.5, lift: 5 });
  expect(result[3]).toEqual({ share: 0.4, captured: 1, lift: 2.5 });
  expect(result[9]).toEqual({ share: 1, captured: 1, lift: 1 });
});
