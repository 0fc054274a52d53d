import fc from 'fast-check';
import { compileStrategy } from '../runtime/compile-strategy';
import type { NodeTrace } from '../runtime/types';
import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import { chunksOf, decision, mergeInRandomOrder } from './metrics.test-helpers';
import * as engine from '../index';
import { SimulationAccumulator, type SimulationOptions, type SimulationRow } from './simulation-accumulator';

const node = (
  nodeId: string,
  type: string,
  inCount: number,
  out: number,
  extra: Partial<NodeTrace> = {},
): NodeTrace => ({
  nodeId,
  type,
  reached: true,
  in: inCount,
  out,
  ...extra,
});

// Four customers, figures worked out by hand below.
const ROWS: SimulationRow[] = [
  {
    customerId: 'c1',
    segment: 'gold',
    result: decision(
      [
        ['A', 0.5, 10],
        ['B', 0.25, 100],
      ],
      [
        node('all', 'actions', 3, 3),
        node('adults', 'filter', 3, 2, { dropped: [{ actionId: 'C', reason: 'age 17 is not ≥ 18' }] }),
      ],
    ),
    logged: { actionId: 'A', outcome: 1, propensity: 0.5 },
  },
  {
    customerId: 'c2',
    segment: 'silver',
    result: decision(
      [['B', 0.75, 100]],
      [
        node('all', 'actions', 3, 3),
        node('adults', 'filter', 3, 1, {
          dropped: [
            { actionId: 'A', reason: 'age 16 is not ≥ 18' },
            { actionId: 'C', reason: 'age 16 is not ≥ 18' },
          ],
        }),
      ],
    ),
    logged: { actionId: 'A', outcome: 0, propensity: 0.5 },
  },
  {
    customerId: 'c3',
    segment: 'gold',
    result: decision([], [node('all', 'actions', 3, 3), node('adults', 'filter', 3, 0)]),
    logged: { actionId: 'B', outcome: 1, propensity: 0.25 },
  },
  { customerId: 'c4', result: decision([['A', undefined, 10]]) },
];

describe('SimulationAccumulator', () => {
  it('is part of the engine API', () => {
    expect(engine.SimulationAccumulator).toBe(SimulationAccumulator);
    expect(typeof engine.compareSimulations).toBe('function');
    expect(typeof engine.PairedOffPolicyAccumulator).toBe('function');
  });

  const summary = () => {
    const acc = new SimulationAccumulator({ customers: 10 });
    for (const row of ROWS) acc.add(row);
    return acc.summary();
  };

  it('counts rows, recommendations and per-action figures', () => {
    const s = summary();
    expect(s.rows).toBe(4);
    expect(s.rowsWithoutRecommendation).toBe(1);
    expect(s.recommendations).toBe(4);
    expect(s.actions).toEqual([
      {
        actionId: 'A',
        eligible: 2,
        top: 2,
        topShare: 2 / 3,
        recommendationShare: 0.5,
        expectedAcceptances: 0.5,
        expectedAcceptancesTop: 0.5,
        expectedValue: 5,
        expectedValueTop: 5,
        withoutPropensity: 1,
      },
      {
        actionId: 'B',
        eligible: 2,
        top: 1,
        topShare: 1 / 3,
        recommendationShare: 0.5,
        expectedAcceptances: 1,
        expectedAcceptancesTop: 0.75,
        expectedValue: 100,
        expectedValueTop: 75,
        withoutPropensity: 0,
      },
    ]);
  });

  it('reports the node funnel in evaluation order, with drop reasons from full traces', () => {
    const s = summary();
    expect(s.rowsWithTrace).toBe(3);
    expect(s.nodes).toEqual([
      { nodeId: 'all', type: 'actions', reached: 3, in: 9, out: 9, passRate: 1, branches: {} },
      {
        nodeId: 'adults',
        type: 'filter',
        reached: 3,
        in: 9,
        out: 3,
        passRate: 1 / 3,
        branches: {},
        drops: {
          rows: 2,
          dropped: 3,
          reasons: [
            { reason: 'age 16 is not ≥ 18', count: 2 },
            { reason: 'age 17 is not ≥ 18', count: 1 },
          ],
          other: 0,
          complete: true,
        },
      },
    ]);
  });

  it('reports the same figures per segment', () => {
    const s = summary();
    expect(s.segments?.complete).toBe(true);
    expect(s.segments?.other).toBeNull();
    const [gold, silver] = s.segments!.groups;
    expect(gold).toMatchObject({
      segment: 'gold',
      rows: 2,
      rowsWithoutRecommendation: 1,
      recommendations: 2,
    });
    expect(gold!.actions.map((a) => [a.actionId, a.eligible, a.top, a.topShare])).toEqual([
      ['A', 1, 1, 1],
      ['B', 1, 0, 0],
    ]);
    expect(silver).toMatchObject({ segment: 'silver', rows: 1, rowsWithoutRecommendation: 0 });
    expect(silver!.actions.map((a) => [a.actionId, a.top, a.expectedAcceptancesTop])).toEqual([
      ['B', 1, 0.75],
    ]);
  });

  it('keeps the rank-1 action per customer when asked, and only then', () => {
    expect(summary().topActions).toEqual({
      rows: 4,
      complete: true,
      customers: [
        ['c1', 'A'],
        ['c2', 'B'],
        ['c3', null],
        ['c4', 'A'],
      ],
    });
    const without = new SimulationAccumulator();
    ROWS.forEach((r) => without.add(r));
    expect(without.summary().topActions).toBeUndefined();
  });

  it('estimates the acceptance rate off-policy from the logged rows', () => {
    const top = summary().offPolicy!.top;
    // Logged A (match, clicked, p .5), A (no match, p .5), B (no match: no recommendation, p .25).
    expect(top).toMatchObject({ rows: 3, rowsWithPropensity: 3, matches: 1 });
    expect(top.observed.value).toBeCloseTo(2 / 3, 15);
    expect(top.replay.value).toBe(1);
    expect(top.ips.value).toBeCloseTo(2 / 3, 15); // (1/0.5 · 1) / 3
    expect(top.snips.value).toBe(1);
    const slate = summary().offPolicy!.slate;
    expect(slate.matches).toBe(1); // c1's list [A, B] holds A: target probability 1/2
    expect(slate.ips.value).toBeCloseTo(1 / 3, 15);
  });

  it('keeps the top drop reasons and counts the rest as other', () => {
    const acc = new SimulationAccumulator({ topReasons: 2 });
    const reasons = ['a', 'a', 'a', 'b', 'b', 'c', 'd'];
    acc.add({
      result: decision(
        [],
        [node('f', 'filter', 7, 0, { dropped: reasons.map((reason) => ({ actionId: 'X', reason })) })],
      ),
    });
    expect(acc.summary().nodes[0]!.drops).toEqual({
      rows: 1,
      dropped: 7,
      reasons: [
        { reason: 'a', count: 3 },
        { reason: 'b', count: 2 },
      ],
      other: 2,
      complete: true,
    });
  });

  it('reports segments beyond the kept number together, and says so', () => {
    const acc = new SimulationAccumulator({ segments: 3 });
    for (let i = 0; i < 40; i++) acc.add({ segment: `region-${i % 10}`, result: decision([['A', 0.1]]) });
    const segments = acc.summary().segments!;
    expect(segments.complete).toBe(false);
    expect(segments.groups).toHaveLength(3);
    expect(segments.groups.every((g) => g.rows === 4)).toBe(true);
    expect(segments.other!.rows).toBe(28);
    expect(segments.other!.actions[0]!.expectedAcceptances).toBeCloseTo(2.8, 12);
  });

  it('sums the funnel of real decisions', () => {
    const strategy = compileStrategy(
      linearStrategy([
        ['actions', {}],
        [
          'filter',
          {
            condition: {
              all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 }],
            },
          },
        ],
        ['score', { field: 'priority', model: { type: 'expression', expression: 'action.value' } }],
        ['rank', { limit: 2 }],
        ['output', {}],
      ]),
      { actions: CATALOG },
    );
    const acc = new SimulationAccumulator();
    const ages = [15, 17, 18, 30, 45];
    for (const age of ages)
      acc.add({
        customerId: `c${age}`,
        result: strategy.decide(
          { customer: { id: `c${age}`, age }, context: { now: '2026-03-01T10:00:00Z' } },
          { trace: true },
        ),
      });
    const s = acc.summary();
    expect(s.rows).toBe(5);
    expect(s.rowsWithoutRecommendation).toBe(2);
    expect(s.nodes.map((n) => [n.nodeId, n.reached, n.in, n.out])).toEqual([
      ['n1', 5, 25, 25],
      ['n2', 5, 25, 15],
      ['n3', 5, 15, 15],
      ['n4', 5, 15, 6],
      ['n5', 5, 6, 6],
    ]);
    expect(s.nodes[1]!.drops!.dropped).toBe(10);
    expect(s.nodes[1]!.drops!.reasons.reduce((n, r) => n + r.count, 0) + s.nodes[1]!.drops!.other).toBe(10);
    expect(s.actions.find((a) => a.actionId === 'fibre-upgrade')!.top).toBe(3);
  });
});

// Rows with everything the accumulator reads; small capacities so the bounded parts overflow too.
const ACTIONS = ['A', 'B', 'C', 'D'];
const REASONS = [
  'age 17 is not ≥ 18',
  'age 16 is not ≥ 18',
  'no consent',
  'too soon',
  'outside window',
  'x 1',
  'x 2',
  'x 3',
];
const rowArbitrary: fc.Arbitrary<SimulationRow> = fc
  .record({
    customer: fc.integer({ min: 0, max: 40 }),
    segment: fc.option(fc.constantFrom('north', 'south', 'east', 'west', 'centre'), { nil: undefined }),
    recs: fc.uniqueArray(
      fc.record({
        actionId: fc.constantFrom(...ACTIONS),
        propensity: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        value: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }),
      }),
      { selector: (r) => r.actionId, maxLength: 3 },
    ),
    trace: fc.constantFrom('none', 'counts', 'full'),
    drops: fc.array(fc.constantFrom(...REASONS), { maxLength: 4 }),
    branch: fc.constantFrom('champion', 'challenger'),
    logged: fc.option(
      fc.record({
        actionId: fc.constantFrom(...ACTIONS),
        outcome: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 500, noNaN: true })),
        propensity: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ customer, segment, recs, trace, drops, branch, logged }): SimulationRow => {
    const kept = recs.length;
    const nodes: NodeTrace[] = [
      node('all', 'actions', 4, 4),
      node('ab', 'split', 4, 4, { branch }),
      node(
        'rules',
        'filter',
        4,
        4 - drops.length,
        trace === 'full' ? { dropped: drops.map((reason) => ({ actionId: 'A', reason })) } : {},
      ),
      { nodeId: 'unused', type: 'score', reached: false, in: 0, out: 0 },
      node('out', 'output', kept, kept),
    ];
    const result = decision(
      recs.map((r) => [r.actionId, r.propensity, r.value]),
      trace === 'none' ? undefined : nodes,
    );
    return {
      customerId: `c${customer}`,
      ...(segment !== undefined ? { segment } : {}),
      result,
      ...(logged
        ? {
            logged: {
              actionId: logged.actionId,
              outcome: logged.outcome,
              ...(logged.propensity !== undefined ? { propensity: logged.propensity } : {}),
            },
          }
        : {}),
    };
  });

describe('merging simulation chunks', () => {
  const options: SimulationOptions = {
    customers: 12,
    segments: 2,
    reasonsPerNode: 3,
    topReasons: 2,
    offPolicy: { bootstrap: { replicates: 20, seed: 7 } },
  };
  const onePass = (rows: readonly SimulationRow[]) => {
    const acc = new SimulationAccumulator(options);
    rows.forEach((r) => acc.add(r));
    return acc;
  };

  it('gives exactly the one-pass summary for any split into chunks and any merge order', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(),
        fc.boolean(),
        (rows, cuts, seed, viaJson) => {
          const expected = onePass(rows).summary();
          const parts = chunksOf(rows, cuts).map((chunk) => {
            const acc = onePass(chunk);
            // A chunk result stored by a worker and read back by the parent.
            return viaJson ? SimulationAccumulator.fromJSON(JSON.parse(JSON.stringify(acc.toJSON()))) : acc;
          });
          expect(mergeInRandomOrder(parts, seed).summary()).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is commutative and associative', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { maxLength: 20 }),
        fc.array(rowArbitrary, { maxLength: 20 }),
        fc.array(rowArbitrary, { maxLength: 20 }),
        (a, b, c) => {
          const left = onePass(a).merge(onePass(b)).merge(onePass(c)).summary();
          const right = onePass(c)
            .merge(onePass(b).merge(onePass(a)))
            .summary();
          expect(right).toEqual(left);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('round-trips through JSON', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 40 }), (rows) => {
        const acc = onePass(rows);
        const json = JSON.parse(JSON.stringify(acc.toJSON()));
        const back = SimulationAccumulator.fromJSON(json);
        expect(back.summary()).toEqual(acc.summary());
        expect(back.toJSON()).toEqual(json);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to merge accumulators with different options', () => {
    expect(() =>
      new SimulationAccumulator({ segments: 2 }).merge(new SimulationAccumulator({ segments: 3 })),
    ).toThrow(/different options/);
  });
});
