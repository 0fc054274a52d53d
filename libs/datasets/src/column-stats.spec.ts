import { ColumnStats, EXACT_DISTINCT_LIMIT } from './column-stats';

describe('ColumnStats', () => {
  it('counts missing and distinct values exactly, with min, max and top values', () => {
    const stats = new ColumnStats('number', true);
    for (const v of [3, 1, 3, 3, 7, 1]) stats.add(v);
    stats.addMissing();
    expect(stats.summary()).toEqual({
      missing: 1,
      present: 6,
      distinct: 3,
      distinctCapped: false,
      min: 1,
      max: 7,
      topValues: [
        { value: 3, count: 3 },
        { value: 1, count: 2 },
      ],
      // Few whole numbers: one bar a value.
      histogram: [1, 2, 3, 4, 5, 6, 7].map((v) => ({
        from: v,
        to: v + 1,
        count: v === 1 ? 2 : v === 3 ? 3 : v === 7 ? 1 : 0,
      })),
    });
  });

  it('draws the spread of a number column in 12 bars between min and max', () => {
    const stats = new ColumnStats('number', true);
    // Incomes: most between 20,000 and 40,000, a long tail up to 240,000.
    for (let i = 0; i < 1000; i++) stats.add(20_000 + (i % 100) * 200);
    stats.add(240_000);
    const { histogram, histogramApproximate } = stats.summary();
    expect(histogram).toHaveLength(12);
    expect(histogram![0]).toMatchObject({ from: 20_000, count: 920 });
    expect(histogram![0]!.to).toBeCloseTo(38_333.33, 1);
    expect(histogram![1]!.count).toBe(80);
    expect(histogram![11]).toMatchObject({ to: 240_000, count: 1 });
    expect(histogram!.reduce((n, b) => n + b.count, 0)).toBe(1001);
    expect(histogramApproximate).toBeUndefined();
  });

  it('scales the histogram up from a uniform sample past the distinct limit, and says so', () => {
    const stats = new ColumnStats('number', true);
    const n = 50_000;
    // Three quarters of the values in the lower half of the range.
    for (let i = 0; i < n; i++) stats.add(i % 4 === 3 ? 50_000 + (i % 50_000) / 2 + 0.5 : (i % 50_000) / 2);
    const { histogram, histogramApproximate } = stats.summary();
    expect(histogramApproximate).toBe(true);
    const lower = histogram!.slice(0, 6).reduce((sum, b) => sum + b.count, 0);
    expect(Math.abs(lower / n - 0.75)).toBeLessThan(0.03);
  });

  it('gives the earliest and latest date', () => {
    const stats = new ColumnStats('date', true);
    for (const v of ['2024-03-01T10:00:00+02:00', '2024-03-01T09:00:00Z', '2023-12-31']) stats.add(v);
    expect(stats.summary()).toMatchObject({ min: '2023-12-31', max: '2024-03-01T09:00:00Z' });
  });

  it('estimates distinct counts beyond the exact limit and says so', () => {
    const stats = new ColumnStats('string', true);
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      stats.add(`customer-${i}`);
      if (i % 3 === 0) stats.add('frequent');
    }
    const summary = stats.summary();
    expect(summary.distinctCapped).toBe(true);
    expect(summary.distinct).toBeGreaterThan(EXACT_DISTINCT_LIMIT);
    expect(Math.abs(summary.distinct - n) / n).toBeLessThan(0.03);
    expect(summary.topValues?.[0]?.value).toBe('frequent');
    expect(summary.topValuesApproximate).toBe(true);
  });

  it('never shows values of a personal column', () => {
    const stats = new ColumnStats('number', false);
    for (const v of [1, 1, 2]) stats.add(v);
    expect(stats.summary()).toEqual({ missing: 0, present: 3, distinct: 2, distinctCapped: false });
  });

  it('counts long values by hash, without showing them', () => {
    const stats = new ColumnStats('string', true);
    const long = 'x'.repeat(500);
    stats.add(long);
    stats.add(long);
    stats.add(`${long}y`);
    expect(stats.summary()).toMatchObject({ distinct: 2 });
    expect(stats.summary().topValues).toBeUndefined();
    expect(stats.distinctValues(50)).toBeUndefined();
  });
});
