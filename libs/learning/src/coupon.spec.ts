import { couponAvailable, couponRequest } from './test-support/coupon';
import { train } from './train';

jest.setTimeout(60_000);

// The coupon sample ships in ../shared/data next to the repository; without it there is nothing to check.
const withCoupon = couponAvailable() ? test : test.skip;

withCoupon('gradient-boosted trees reach a held-out AUC of at least 0.80 on the coupon data', async () => {
  const { spec, report } = await train(couponRequest('gbdt'));
  expect(spec.type).toBe('treeEnsemble');
  expect(report.auc.value).toBeGreaterThanOrEqual(0.8);
  expect(report.rows).toEqual({ train: 10147, test: 2537 });
  // 10,147 training rows: early stopping is on ('auto' above 10,000) and stops before 100 trees or at them.
  expect(report.iterations).toBeLessThanOrEqual(100);

  expect(report.roc.length).toBeLessThanOrEqual(101);
  expect(report.roc[0]).toEqual({ fpr: 0, tpr: 0 });
  expect(report.roc[report.roc.length - 1]).toEqual({ fpr: 1, tpr: 1 });
  expect(report.gains.map((g) => g.share)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  expect(report.gains[9]).toEqual({ share: 1, captured: 1, lift: 1 });
  expect(report.gains[0]!.lift).toBeGreaterThan(1.4);
  expect(report.calibration.reduce((n, b) => n + b.count, 0)).toBe(report.rows.test);
  const total = report.importance.reduce((s, i) => s + i.importance, 0);
  expect(total).toBeCloseTo(1, 12);
  // Which coupon is offered matters most.
  expect(report.importance[0]!.predictor).toBe('coupon');
  expect(
    report.segments
      .filter((s) => s.predictor === 'coupon')
      .map((s) => s.segment)
      .sort(),
  ).toEqual(['Bar', 'Carry out & Take away', 'Coffee House', 'Restaurant(20-50)', 'Restaurant(<20)']);
  expect(report.warnings).toEqual([
    {
      code: 'constant',
      predictor: 'toCoupon_GEQ5min',
      message: '"toCoupon_GEQ5min" is 1 in every training row, so it cannot tell rows apart; it was left out',
    },
  ]);
});
