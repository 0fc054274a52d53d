import fc from 'fast-check';
import type { Interval } from './confidence-interval';
import type { OffPolicyOptions } from './off-policy';
import { decision, expectMergedLikeOnePass } from './metrics.test-helpers';
import { PairedOffPolicyAccumulator, pairedOffPolicyRow, type PairedOffPolicyRow } from './paired-off-policy';
import { deterministic, logRows, makeWorld, tabulate, trueValue, uniform } from './off-policy.test-helpers';

const contains = (interval: Interval | null, value: number) =>
  interval !== null && interval.low <= value && value <= interval.high;
const width = (interval: Interval | null) => (interval ? interval.high - interval.low : NaN);

describe('PairedOffPolicyAccumulator', () => {
  // The draft changes the choice in one context out of four; elsewhere both strategies agree.
  const baselineChoice = (actions: number) => deterministic((x) => (3 * x + 1) % actions, actions);
  const draftChoice = (actions: number) =>
    deterministic((x) => (x === 0 ? 4 : (3 * x + 1) % actions), actions);

  /** Both strategies' values on `rows` decisions logged by a uniform policy in world `worldSeed`. */
  function pairedEstimates(worldSeed: number, rows: number, logSeed: number, options?: OffPolicyOptions) {
    const world = makeWorld(worldSeed);
    const baseline = tabulate(world, baselineChoice(world.actions));
    const draft = tabulate(world, draftChoice(world.actions));
    const acc = new PairedOffPolicyAccumulator(options);
    for (const r of logRows(world, uniform(world.actions), rows, logSeed)) {
      acc.add({
        outcome: r.outcome,
        propensity: r.propensity,
        baseline: baseline[r.context]![r.action]!,
        draft: draft[r.context]![r.action]!,
        key: r.key,
      });
    }
    const truth =
      trueValue(world, draftChoice(world.actions)) - trueValue(world, baselineChoice(world.actions));
    return { uplift: acc.estimates(), truth };
  }

  const run = (seed: number) => pairedEstimates(seed, 2000, seed * 31);

  it('covers the true uplift in ≥ 90 % of seeds', () => {
    const hits = { replay: 0, ips: 0, snips: 0 };
    const seeds = Array.from({ length: 100 }, (_, i) => i + 1);
    for (const seed of seeds) {
      const { uplift, truth } = run(seed);
      for (const name of ['replay', 'ips', 'snips'] as const)
        if (contains(uplift[name].interval, truth)) hits[name]++;
    }
    expect(hits.replay / seeds.length).toBeGreaterThanOrEqual(0.9);
    expect(hits.ips / seeds.length).toBeGreaterThanOrEqual(0.9);
    expect(hits.snips / seeds.length).toBeGreaterThanOrEqual(0.9);
  });

  it('is the difference of the two estimates, with a narrower interval than independent estimates would give', () => {
    const { uplift } = run(5);
    expect(uplift.paired).toBe(true);
    for (const name of ['replay', 'ips', 'snips'] as const) {
      expect(uplift[name].value).toBeCloseTo(uplift.draft[name].value! - uplift.baseline[name].value!, 12);
      const independent = Math.hypot(uplift.draft[name].standardError!, uplift.baseline[name].standardError!);
      expect(uplift[name].standardError!).toBeLessThan(0.8 * independent);
    }
  });

  it('gives a zero uplift with a zero-width interval for identical strategies', () => {
    const acc = new PairedOffPolicyAccumulator();
    [1, 0, 1, 1, 0].forEach((outcome, i) =>
      acc.add({ outcome, propensity: 0.5, baseline: i % 2, draft: i % 2 }),
    );
    const uplift = acc.estimates();
    for (const name of ['replay', 'ips', 'snips'] as const) {
      expect(uplift[name].value).toBe(0);
      expect(uplift[name].standardError).toBe(0);
    }
  });

  it('builds rows from two decisions', () => {
    const row = pairedOffPolicyRow(
      { actionId: 'B', outcome: 1, propensity: 0.25 },
      decision([['A'], ['B']]),
      decision([['B']]),
      'top',
      'c1',
    );
    expect(row).toEqual({ outcome: 1, propensity: 0.25, baseline: 0, draft: 1, key: 'c1' });
    expect(
      pairedOffPolicyRow({ actionId: 'B', outcome: 0 }, decision([['A'], ['B']]), decision([]), 'slate')
        .baseline,
    ).toBe(0.5);
  });

  it('merges chunks into exactly the one-pass estimates, through JSON', () => {
    const row: fc.Arbitrary<PairedOffPolicyRow> = fc.record(
      {
        outcome: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 100, noNaN: true })),
        propensity: fc.double({ min: 1e-3, max: 1, noNaN: true }),
        baseline: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        draft: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        key: fc.string({ maxLength: 3 }),
      },
      { requiredKeys: ['outcome', 'baseline', 'draft', 'key'] },
    );
    const options = { bootstrap: { replicates: 12, seed: 9 } };
    expectMergedLikeOnePass(
      row,
      () => new PairedOffPolicyAccumulator(options),
      (json) => PairedOffPolicyAccumulator.fromJSON(json),
      { maxRows: 60, maxCuts: 5, numRuns: 100 },
    );
  });

  it('gives paired bootstrap intervals of the uplift when asked', () => {
    const { uplift } = pairedEstimates(2, 3000, 3, { bootstrap: { replicates: 200, seed: 1 } });
    const ratio = width(uplift.ips.bootstrapInterval!) / width(uplift.ips.interval);
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.25);
  });
});
