import fc from 'fast-check';
import type { Interval } from './confidence-interval';
import { normalQuantile } from './confidence-interval';
import { decision, expectMergedLikeOnePass } from './metrics.test-helpers';
import {
  OffPolicyAccumulator,
  policyProbability,
  type OffPolicyOptions,
  type OffPolicyRow,
} from './off-policy';
import {
  deterministic,
  logRows,
  makeWorld,
  trueValue,
  uniform,
  type LoggedRow,
  type Policy,
} from './off-policy.test-helpers';

const contains = (interval: Interval | null, value: number) =>
  interval !== null && interval.low <= value && value <= interval.high;

function evaluate(rows: readonly LoggedRow[], target: Policy, options: OffPolicyOptions = {}) {
  const acc = new OffPolicyAccumulator(options);
  const table = new Map<number, number[]>();
  for (const r of rows) {
    if (!table.has(r.context)) table.set(r.context, target(r.context));
    acc.add({
      outcome: r.outcome,
      propensity: r.propensity,
      targetProbability: table.get(r.context)![r.action]!,
      key: r.key,
    });
  }
  return acc.estimates();
}

describe('off-policy estimates', () => {
  it('uses z = 1.96 for 95 %', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 8);
  });

  it('computes replay, IPS and SNIPS and their normal intervals as defined', () => {
    const rows: OffPolicyRow[] = [
      { outcome: 1, propensity: 0.5, targetProbability: 1 },
      { outcome: 0, propensity: 0.25, targetProbability: 1 },
      { outcome: 1, propensity: 0.25, targetProbability: 0 },
      { outcome: 1, propensity: 0.2, targetProbability: 1 },
      { outcome: 0, propensity: 0.5, targetProbability: 0 },
    ];
    const acc = new OffPolicyAccumulator();
    rows.forEach((r) => acc.add(r));
    const e = acc.estimates();
    const z = normalQuantile(0.975);
    const n = rows.length;
    const w = rows.map((r) => r.targetProbability / r.propensity!);
    const terms = rows.map((r, i) => w[i]! * r.outcome);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const sampleVariance = (xs: number[]) =>
      xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);

    expect(e).toMatchObject({ rows: 5, rowsWithPropensity: 5, matches: 3 });
    expect(e.observed.value).toBeCloseTo(0.6, 15);
    expect(e.observed.standardError).toBeCloseTo(
      Math.sqrt(sampleVariance(rows.map((r) => r.outcome)) / n),
      14,
    );

    expect(e.replay.value).toBeCloseTo(2 / 3, 15);
    // Delta method for Σm·r / Σm over n rows: n/(n−1) · Σ m(r − v)² / M².
    expect(e.replay.standardError).toBeCloseTo(Math.sqrt((n / (n - 1)) * ((1 / 9 + 4 / 9 + 1 / 9) / 9)), 14);

    expect(e.ips.value).toBeCloseTo(mean(terms), 14);
    expect(e.ips.standardError).toBeCloseTo(Math.sqrt(sampleVariance(terms) / n), 14);
    expect(e.ips.interval!.low).toBeCloseTo(mean(terms) - z * Math.sqrt(sampleVariance(terms) / n), 12);

    const sw = w.reduce((s, x) => s + x, 0);
    const snips = terms.reduce((s, x) => s + x, 0) / sw;
    expect(e.snips.value).toBeCloseTo(snips, 14);
    const influence = rows.map((r, i) => w[i]! * (r.outcome - snips));
    expect(e.snips.standardError).toBeCloseTo(
      Math.sqrt(((n / (n - 1)) * influence.reduce((s, x) => s + x * x, 0)) / sw ** 2),
      14,
    );
    expect(e.effectiveSampleSize).toBeCloseTo(sw ** 2 / w.reduce((s, x) => s + x * x, 0), 12);
  });

  it('leaves estimates undefined rather than inventing them', () => {
    const empty = new OffPolicyAccumulator().estimates();
    expect(empty.ips).toEqual({ value: null, standardError: null, interval: null });
    const noMatch = new OffPolicyAccumulator()
      .add({ outcome: 1, propensity: 0.5, targetProbability: 0 })
      .add({ outcome: 0, propensity: 0.5, targetProbability: 0 })
      .estimates();
    expect(noMatch.replay.value).toBeNull();
    expect(noMatch.snips.value).toBeNull();
    expect(noMatch.ips.value).toBe(0);
    const noPropensity = new OffPolicyAccumulator()
      .add({ outcome: 1, targetProbability: 1 })
      .add({ outcome: 0, targetProbability: 1 })
      .estimates();
    expect(noPropensity).toMatchObject({ rows: 2, rowsWithPropensity: 0 });
    expect(noPropensity.replay.value).toBe(0.5);
    expect(noPropensity.ips.value).toBeNull();
    expect(() => new OffPolicyAccumulator().add({ outcome: 1, propensity: 0, targetProbability: 1 })).toThrow(
      RangeError,
    );
    expect(() =>
      new OffPolicyAccumulator({ bootstrap: { replicates: 10, seed: 1 } }).add({
        outcome: 1,
        targetProbability: 1,
      }),
    ).toThrow(/key/);
  });

  it('matches the rank-1 recommendation, or any of the list with probability 1/N', () => {
    const result = decision([['A'], ['B'], ['C'], ['D']]);
    expect(policyProbability(result, 'A', 'top')).toBe(1);
    expect(policyProbability(result, 'B', 'top')).toBe(0);
    expect(policyProbability(result, 'C', 'slate')).toBe(0.25);
    expect(policyProbability(result, 'E', 'slate')).toBe(0);
    expect(policyProbability(decision([]), 'A', 'slate')).toBe(0);
  });

  describe('in a simulated world with a known true value', () => {
    const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);
    const coverage = (
      logging: (actions: number) => Policy,
      target: (actions: number) => Policy,
      rows: number,
    ) => {
      const hits = { replay: 0, ips: 0, snips: 0 };
      for (const seed of SEEDS) {
        const world = makeWorld(seed);
        const policy = target(world.actions);
        const truth = trueValue(world, policy);
        const e = evaluate(logRows(world, logging(world.actions), rows, seed * 7919), policy);
        if (contains(e.replay.interval, truth)) hits.replay++;
        if (contains(e.ips.interval, truth)) hits.ips++;
        if (contains(e.snips.interval, truth)) hits.snips++;
      }
      return {
        replay: hits.replay / SEEDS.length,
        ips: hits.ips / SEEDS.length,
        snips: hits.snips / SEEDS.length,
      };
    };
    const topAction = (actions: number) => deterministic((x) => (3 * x + 1) % actions, actions);
    // Two recommended actions, one shown uniformly: the 'slate' view.
    const slate =
      (actions: number): Policy =>
      (x) =>
        Array.from({ length: actions }, (_, a) => (a === x % actions || a === (x + 2) % actions ? 0.5 : 0));
    // A logging policy that prefers low action ids, differently per context.
    const skewed =
      (actions: number): Policy =>
      (x) => {
        const raw = Array.from({ length: actions }, (_, a) => Math.exp(-0.4 * ((a + x) % actions)));
        const total = raw.reduce((s, v) => s + v, 0);
        return raw.map((v) => v / total);
      };

    it('covers the true value of a deterministic strategy in ≥ 90 % of seeds (uniform logging)', () => {
      const c = coverage(uniform, topAction, 2000);
      expect(c.replay).toBeGreaterThanOrEqual(0.9);
      expect(c.ips).toBeGreaterThanOrEqual(0.9);
      expect(c.snips).toBeGreaterThanOrEqual(0.9);
    });

    it('covers the true value of a slate in ≥ 90 % of seeds (uniform logging)', () => {
      const c = coverage(uniform, slate, 2000);
      expect(c.replay).toBeGreaterThanOrEqual(0.9);
      expect(c.ips).toBeGreaterThanOrEqual(0.9);
      expect(c.snips).toBeGreaterThanOrEqual(0.9);
    });

    it('covers the true value with IPS and SNIPS when the logging policy is not uniform', () => {
      const c = coverage(skewed, topAction, 2000);
      expect(c.ips).toBeGreaterThanOrEqual(0.9);
      expect(c.snips).toBeGreaterThanOrEqual(0.9);
    });

    it('estimates the logging policy itself at its observed rate', () => {
      const world = makeWorld(3);
      const logging = skewed(world.actions);
      const e = evaluate(logRows(world, logging, 2000, 5), logging);
      expect(e.meanWeight).toBe(1);
      expect(e.ips.value).toBe(e.observed.value);
      expect(e.snips.value).toBe(e.observed.value);
      expect(e.ips.interval).toEqual(e.observed.interval);
    });

    it('gives a seeded bootstrap interval close to the normal one', () => {
      const world = makeWorld(11);
      const rows = logRows(world, uniform(world.actions), 3000, 12);
      const policy = topAction(world.actions);
      const options = { bootstrap: { replicates: 200, seed: 42 } };
      const e = evaluate(rows, policy, options);
      for (const name of ['replay', 'ips', 'snips'] as const) {
        const normal = e[name].interval!;
        const boot = e[name].bootstrapInterval!;
        expect(contains(boot, e[name].value!)).toBe(true);
        expect((boot.high - boot.low) / (normal.high - normal.low)).toBeGreaterThan(0.75);
        expect((boot.high - boot.low) / (normal.high - normal.low)).toBeLessThan(1.25);
      }
      expect(evaluate(rows, policy, options)).toEqual(e);
      expect(
        evaluate(rows, policy, { bootstrap: { replicates: 200, seed: 43 } }).ips.bootstrapInterval,
      ).not.toEqual(e.ips.bootstrapInterval);
    });
  });

  it('merges chunks into exactly the one-pass estimates, in any order and through JSON', () => {
    const row: fc.Arbitrary<OffPolicyRow> = fc.record(
      {
        outcome: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: -10, max: 1000, noNaN: true })),
        propensity: fc.double({ min: 1e-4, max: 1, noNaN: true }),
        targetProbability: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        key: fc.string({ maxLength: 4 }),
      },
      { requiredKeys: ['outcome', 'targetProbability', 'key'] },
    );
    const options: OffPolicyOptions = { confidence: 0.9, bootstrap: { replicates: 16, seed: 3 } };
    expectMergedLikeOnePass(
      row,
      () => new OffPolicyAccumulator(options),
      (json) => OffPolicyAccumulator.fromJSON(json),
      { maxRows: 80, maxCuts: 6, numRuns: 150 },
    );
  });
});
