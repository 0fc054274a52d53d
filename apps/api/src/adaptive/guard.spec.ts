import { calibrationError, judge, rollingAuc, emptyGuard, observe } from './guard';

describe('adaptive guard figures', () => {
  it('computes AUC by ranks, sharing ties', () => {
    const p = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
    expect(rollingAuc(p, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])).toBe(1);
    expect(rollingAuc(p, [1, 1, 1, 1, 1, 0, 0, 0, 0, 0])).toBe(0);
    expect(rollingAuc(Array(10).fill(0.5), [0, 1, 0, 1, 0, 1, 0, 1, 0, 1])).toBe(0.5);
    // One positive ranked below one negative: 24 of 25 pairs right.
    expect(rollingAuc(p, [0, 0, 0, 0, 1, 0, 1, 1, 1, 1])).toBeCloseTo(24 / 25, 12);
    expect(rollingAuc(p, Array(10).fill(1))).toBeNull();
  });

  it('computes the expected calibration error over ten bins', () => {
    expect(calibrationError(Array(10).fill(0.05), Array(10).fill(0))).toBeCloseTo(0.05, 12);
    expect(calibrationError([...Array(10).fill(0.95)], [1, 1, 1, 1, 1, 1, 1, 1, 1, 0])).toBeCloseTo(0.05, 12);
  });

  it("keeps an alert's start while it lasts and clears it when healthy", () => {
    const guard = emptyGuard();
    for (let i = 0; i < 20; i++) observe(guard, 0.9, i % 2 === 0);
    judge(guard, { aucFloor: null, calibrationFloor: 0.1 }, new Date('2026-01-01T00:00:00Z'));
    expect(guard.alert).toMatchObject({ kind: 'calibration', since: '2026-01-01T00:00:00.000Z' });
    judge(guard, { aucFloor: null, calibrationFloor: 0.1 }, new Date('2026-01-02T00:00:00Z'));
    expect(guard.alert!.since).toBe('2026-01-01T00:00:00.000Z');
    judge(guard, { aucFloor: null, calibrationFloor: 0.5 }, new Date('2026-01-03T00:00:00Z'));
    expect(guard.alert).toBeNull();
  });
});
