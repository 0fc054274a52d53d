import { compileStrategy } from '../runtime/compile-strategy';
import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import { compareSimulations } from './compare-simulations';
import { decision } from './metrics.test-helpers';
import { PairedOffPolicyAccumulator, pairedOffPolicyRow } from './paired-off-policy';
import { SimulationAccumulator, type SimulationRow } from './simulation-accumulator';

const customers = Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}`);

describe('compareSimulations', () => {
  // Baseline: A (p 0.5, value 10) first for everyone. Draft: 7 customers changed, 5 to B and 2 to nothing.
  const changedToB = new Set(['c03', 'c04', 'c10', 'c11', 'c17']);
  const changedToNothing = new Set(['c05', 'c19']);
  const simulate = (draft: boolean, capacity = 100) => {
    const acc = new SimulationAccumulator({ customers: capacity });
    for (const id of customers) {
      const segment = id < 'c10' ? 'young' : 'old';
      let result = decision([['A', 0.5, 10]]);
      if (draft && changedToB.has(id)) result = decision([['B', 0.2, 100]]);
      if (draft && changedToNothing.has(id)) result = decision([]);
      acc.add({ customerId: id, segment, result });
    }
    return acc.summary();
  };

  it('counts exactly the customers whose top action changed, with examples', () => {
    const comparison = compareSimulations(simulate(false), simulate(true), { examples: 3 });
    expect(comparison.topActions).toEqual({
      compared: 20,
      changed: 7,
      share: 7 / 20,
      complete: true,
      examples: [
        { customerId: 'c03', before: 'A', after: 'B' },
        { customerId: 'c04', before: 'A', after: 'B' },
        { customerId: 'c05', before: 'A', after: null },
      ],
    });
  });

  it('gives the per-action, per-segment and no-recommendation changes', () => {
    const comparison = compareSimulations(simulate(false), simulate(true));
    expect(comparison.rows).toEqual({ baseline: 20, draft: 20, change: 0 });
    expect(comparison.rowsWithoutRecommendation).toEqual({ baseline: 0, draft: 2, change: 2 });
    const [a, b] = comparison.actions;
    expect(a).toMatchObject({
      actionId: 'A',
      top: { baseline: 20, draft: 13, change: -7 },
      topShare: { baseline: 1, draft: 13 / 18, change: 13 / 18 - 1 },
      expectedAcceptancesTop: { baseline: 10, draft: 6.5, change: -3.5 },
      expectedValueTop: { baseline: 100, draft: 65, change: -35 },
    });
    expect(b).toMatchObject({
      actionId: 'B',
      top: { baseline: 0, draft: 5, change: 5 },
      topShare: { baseline: 0, draft: 5 / 18, change: 5 / 18 },
      expectedValue: { baseline: 0, draft: 100, change: 100 },
    });
    const young = comparison.segments!.find((s) => s.segment === 'young')!;
    expect(young.actions.find((x) => x.actionId === 'A')!.top.change).toBe(-3); // c03, c04 to B, c05 to nothing
    expect(young.rowsWithoutRecommendation.change).toBe(1);
  });

  it('compares a deterministic sample of customers when there are more than kept', () => {
    const comparison = compareSimulations(simulate(false, 8), simulate(true, 8));
    expect(comparison.topActions!.complete).toBe(false);
    expect(comparison.topActions!.compared).toBe(8);
    const kept = new Set(simulate(true, 8).topActions!.customers.map(([id]) => id));
    const expected = [...kept].filter((id) => changedToB.has(id) || changedToNothing.has(id)).length;
    expect(comparison.topActions!.changed).toBe(expected);
  });

  it('counts the customers two real strategies treat differently, and the funnel change', () => {
    const strategy = (minAge: number) =>
      compileStrategy(
        linearStrategy([
          ['actions', {}],
          [
            'filter',
            {
              condition: {
                all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: minAge }],
              },
            },
          ],
          ['score', { field: 'priority', model: { type: 'expression', expression: 'action.value' } }],
          ['rank', { limit: 1 }],
          ['output', {}],
        ]),
        { actions: CATALOG },
      );
    const baseline = strategy(18);
    const draft = strategy(21);
    const inputs = Array.from({ length: 50 }, (_, i) => ({
      customer: { id: `u${i}`, age: 14 + (i % 20) },
      context: { now: '2026-03-01T10:00:00Z' },
    }));
    const run = (s: typeof baseline) => {
      const acc = new SimulationAccumulator({ customers: 1000 });
      for (const input of inputs)
        acc.add({ customerId: input.customer.id, result: s.decide(input, { trace: 'counts' }) });
      return acc.summary();
    };
    const differ = inputs.filter(
      (input) =>
        baseline.decide(input).recommendations[0]?.actionId !==
        draft.decide(input).recommendations[0]?.actionId,
    ).length;
    const comparison = compareSimulations(run(baseline), run(draft));
    expect(differ).toBeGreaterThan(0);
    expect(comparison.topActions!.changed).toBe(differ);
    expect(comparison.rowsWithoutRecommendation.change).toBe(differ);
    expect(comparison.nodes.find((n) => n.nodeId === 'n2')!.out.change).toBe(-5 * differ);
  });

  it('estimates the uplift, paired when both strategies were evaluated on the same rows', () => {
    // Logged: a uniformly random choice between A and B; A is accepted more often.
    const rows: { id: string; logged: { actionId: string; outcome: number; propensity: number } }[] =
      customers.map((id, i) => ({
        id,
        logged: {
          actionId: i % 2 === 0 ? 'A' : 'B',
          outcome: i % 4 === 0 || i % 7 === 1 ? 1 : 0,
          propensity: 0.5,
        },
      }));
    const baselineDecision = (i: number) => decision([[i < 10 ? 'A' : 'B', 0.5]]);
    const draftDecision = () => decision([['A', 0.5]]);
    const simulate = (decide: (i: number) => ReturnType<typeof decision>) => {
      const acc = new SimulationAccumulator();
      rows.forEach((r, i) =>
        acc.add({ customerId: r.id, result: decide(i), logged: r.logged } satisfies SimulationRow),
      );
      return acc.summary();
    };
    const paired = new PairedOffPolicyAccumulator();
    rows.forEach((r, i) =>
      paired.add(pairedOffPolicyRow(r.logged, baselineDecision(i), draftDecision(), 'top', r.id)),
    );

    const independent = compareSimulations(simulate(baselineDecision), simulate(draftDecision));
    const withPairing = compareSimulations(simulate(baselineDecision), simulate(draftDecision), {
      uplift: { top: paired.estimates() },
    });
    expect(independent.uplift!.top.paired).toBe(false);
    expect(withPairing.uplift!.top.paired).toBe(true);
    expect(withPairing.uplift!.top.ips.value).toBeCloseTo(independent.uplift!.top.ips.value!, 12);
    expect(withPairing.uplift!.top.ips.standardError!).toBeLessThan(
      independent.uplift!.top.ips.standardError!,
    );
    expect(withPairing.uplift!.slate.paired).toBe(false);
  });
});
