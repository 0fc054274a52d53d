import type { StrategyDocument } from '../document/strategy-document';
import { compileStrategy } from '../runtime/compile-strategy';
import type { DecisionInput } from '../runtime/types';
import { CATALOG } from '../test-support/build-strategy';
import { interaction } from '../test-support/engine.test-helpers';
import { compareSimulations } from './compare-simulations';
import { chunksOf, mergeInRandomOrder } from './metrics.test-helpers';
import { SimulationAccumulator, type SimulationOptions } from './simulation-accumulator';

const compare = (fact: string, path: string, operator: string, value: unknown) => ({
  all: [{ fact, path, operator, value }],
});

/**
 * Five offers; the bill follow-up expired the day before; retention offers need 12 months of tenure,
 * the fibre upgrade a fibre line; then the best two by priority (no step sets one: ties go by id).
 */
const STRATEGY: StrategyDocument = {
  schemaVersion: 1,
  nodes: [
    { id: 'offers', type: 'actions', label: 'All offers', config: {}, position: { x: 0, y: 0 } },
    {
      id: 'eligibility',
      type: 'filter',
      label: 'Eligibility',
      config: {
        byGroup: { retention: compare('customer', '$.tenure', 'greaterThanInclusive', 12) },
        byAction: { 'fibre-upgrade': compare('customer', '$.fibre', 'equal', true) },
      },
      position: { x: 200, y: 0 },
    },
    {
      id: 'best-two',
      type: 'rank',
      label: 'Best two',
      config: { by: 'priority', limit: 2 },
      position: { x: 400, y: 0 },
    },
    { id: 'output', type: 'output', config: {}, position: { x: 600, y: 0 } },
  ],
  edges: [
    { source: 'offers', target: 'eligibility' },
    { source: 'eligibility', target: 'best-two' },
    { source: 'best-two', target: 'output' },
  ],
};

const NOW = '2026-07-01T09:00:00.000Z';
const CUSTOMERS: Record<string, unknown>[] = [
  { id: 'c1', tenure: 24, fibre: true },
  { id: 'c2', tenure: 3, fibre: false },
  { id: 'c3', tenure: 12, fibre: false },
  { id: 'c4', fibre: true },
];
const INPUTS: DecisionInput[] = CUSTOMERS.map((customer) => ({ customer, context: { now: NOW } }));
const strategy = compileStrategy(STRATEGY, { actions: CATALOG });

function simulate(inputs: readonly DecisionInput[], options: SimulationOptions = {}) {
  const acc = new SimulationAccumulator(options);
  for (const input of inputs) acc.add({ result: strategy.decide(input, { trace: 'funnel' }) });
  return acc;
}

describe('per-action funnel and drop reasons (funnel traces)', () => {
  it('reports every action after each step, recommended and first, also an action never recommended', () => {
    const summary = simulate(INPUTS).summary();
    // The recommendation figures only know the actions that made it to the output …
    expect(summary.actions.map((a) => a.actionId)).not.toContain('retention-call');
    // … the per-action funnel shows where the others stopped.
    expect(summary.actionFunnel).toEqual({
      rows: 4,
      steps: [
        { nodeId: 'offers', type: 'actions', label: 'All offers' },
        { nodeId: 'eligibility', type: 'filter', label: 'Eligibility' },
        { nodeId: 'best-two', type: 'rank', label: 'Best two' },
        { nodeId: 'output', type: 'output' },
      ],
      actions: [
        {
          actionId: 'bill-followup',
          name: 'Bill shock follow-up',
          out: [0, 0, 0, 0],
          recommended: 0,
          first: 0,
        },
        { actionId: 'data-addon', name: 'Data add-on', out: [4, 4, 4, 4], recommended: 4, first: 4 },
        { actionId: 'fibre-upgrade', name: 'Fibre upgrade', out: [4, 2, 2, 2], recommended: 2, first: 0 },
        {
          actionId: 'loyalty-discount',
          name: 'Loyalty discount',
          out: [4, 2, 1, 1],
          recommended: 1,
          first: 0,
        },
        { actionId: 'retention-call', name: 'Retention call', out: [4, 2, 0, 0], recommended: 0, first: 0 },
      ],
    });
  });

  it('counts drops per step by reason, in words without any customer value', () => {
    const nodes = new Map(
      simulate(INPUTS)
        .summary()
        .nodes.map((n) => [n.nodeId, n]),
    );
    expect(nodes.get('offers')!.drops).toEqual({
      rows: 4,
      dropped: 4,
      reasons: [{ reason: 'expired on 2026-06-30', count: 4 }],
      other: 0,
      complete: true,
    });
    expect(nodes.get('eligibility')!.drops!.reasons).toEqual([
      { reason: 'group retention rule: needs tenure ≥ 12', count: 2 },
      { reason: 'group retention rule: needs tenure ≥ 12 (tenure is missing)', count: 2 },
      { reason: 'rule for Fibre upgrade: needs fibre = true', count: 2 },
    ]);
    expect(nodes.get('best-two')!.drops!.reasons).toEqual([
      { reason: 'below the top 2 by priority', count: 3 },
    ]);
    expect(nodes.get('output')!.drops).toMatchObject({ rows: 4, dropped: 0, reasons: [] });
    // What the full trace says about one customer ("tenure 3 is not ≥ 12") is not what is counted.
    const full = strategy.decide(INPUTS[1]!, { trace: true });
    expect(full.trace!.nodes[1]!.dropped![0]!.reason).toBe('group retention rule: tenure 3 is not ≥ 12');
  });

  it('lists the most frequent reasons of a step and counts the rest as other', () => {
    const eligibility = simulate(INPUTS, { topReasons: 1 })
      .summary()
      .nodes.find((n) => n.nodeId === 'eligibility')!;
    expect(eligibility.drops).toEqual({
      rows: 4,
      dropped: 6,
      reasons: [{ reason: 'group retention rule: needs tenure ≥ 12', count: 2 }],
      other: 4,
      complete: true,
    });
  });

  it('decides exactly as without a trace, with the same candidate counts as a counts trace', () => {
    for (const input of INPUTS) {
      const funnel = strategy.decide(input, { trace: 'funnel' });
      expect(funnel.recommendations).toEqual(strategy.decide(input).recommendations);
      const counts = strategy.decide(input, { trace: 'counts' }).trace!.nodes;
      expect(funnel.trace!.nodes.map((n) => [n.nodeId, n.in, n.out])).toEqual(
        counts.map((n) => [n.nodeId, n.in, n.out]),
      );
    }
  });

  it('gives the figures of one pass whatever the chunks and the order they are merged in', () => {
    const rows = Array.from({ length: 40 }, (_, i) => INPUTS[i % INPUTS.length]!);
    const onePass = simulate(rows).summary();
    for (const [seed, cuts] of [
      [1, [3, 17, 29]],
      [2, [1, 2, 39]],
      [3, [20]],
    ] as [number, number[]][]) {
      const parts = chunksOf(rows, cuts).map((chunk) =>
        SimulationAccumulator.fromJSON(JSON.parse(JSON.stringify(simulate(chunk).toJSON()))),
      );
      expect(mergeInRandomOrder(parts, seed).summary()).toEqual(onePass);
    }
  });

  it('tells apart the actions of two catalogs at the same positions, and counts as one pass', () => {
    // The same strategy over a catalog in the reverse order: each position holds another action.
    const reversed = compileStrategy(STRATEGY, { actions: [...CATALOG].reverse() });
    const rows = Array.from({ length: 12 }, (_, i) => INPUTS[i % INPUTS.length]!);
    const mixed = new SimulationAccumulator();
    const separate = [new SimulationAccumulator(), new SimulationAccumulator()];
    rows.forEach((input, i) => {
      const result = (i % 3 ? strategy : reversed).decide(input, { trace: 'funnel' });
      mixed.add({ result });
      separate[i % 3 ? 0 : 1]!.add({ result });
      if (i === 5) mixed.summary(); // read halfway, then go on adding
    });
    expect(mixed.summary()).toEqual(separate[0]!.merge(separate[1]!).summary());
    // After the first step: every offer on every row but the expired follow-up (actions by name).
    const offers = mixed.summary().actionFunnel!.actions.map((a) => [a.actionId, a.out[0]]);
    expect(offers).toEqual([
      ['bill-followup', 0],
      ['data-addon', 12],
      ['fibre-upgrade', 12],
      ['loyalty-discount', 12],
      ['retention-call', 12],
    ]);
  });

  it('names the contact-policy rule a candidate broke, not the customer’s history', () => {
    const policy: StrategyDocument = {
      schemaVersion: 1,
      nodes: [
        { id: 'offers', type: 'actions', config: {}, position: { x: 0, y: 0 } },
        {
          id: 'policy',
          type: 'contactPolicy',
          config: { limits: [{ scope: 'group', max: 1, windowDays: 7 }], cooldowns: [] },
          position: { x: 200, y: 0 },
        },
        { id: 'output', type: 'output', config: {}, position: { x: 400, y: 0 } },
      ],
      edges: [
        { source: 'offers', target: 'policy' },
        { source: 'policy', target: 'output' },
      ],
    };
    const now = '2026-03-01T10:00:00.000Z';
    const result = compileStrategy(policy, { actions: CATALOG }).decide(
      { customer: { id: 'c1' }, context: { now }, history: [interaction('data-addon', 'shown', 2)] },
      { trace: 'funnel' },
    );
    expect(result.trace!.nodes[1]!.dropped).toEqual([
      { actionId: 'data-addon', name: 'Data add-on', reason: 'at most 1 shown in 7 days for group "upsell"' },
      {
        actionId: 'fibre-upgrade',
        name: 'Fibre upgrade',
        reason: 'at most 1 shown in 7 days for group "upsell"',
      },
    ]);
  });

  it('sets both funnels side by side in a comparison', () => {
    const looser = compileStrategy(
      {
        ...STRATEGY,
        nodes: STRATEGY.nodes.filter((n) => n.id !== 'eligibility'),
        edges: [
          { source: 'offers', target: 'best-two' },
          { source: 'best-two', target: 'output' },
        ],
      },
      { actions: CATALOG },
    );
    const baseline = new SimulationAccumulator();
    for (const input of INPUTS) baseline.add({ result: looser.decide(input, { trace: 'funnel' }) });
    const comparison = compareSimulations(baseline.summary(), simulate(INPUTS).summary());
    expect(comparison.actionFunnel!.steps.map((s) => [s.nodeId, s.inBoth])).toEqual([
      ['offers', true],
      ['eligibility', false],
      ['best-two', true],
      ['output', true],
    ]);
    const fibre = comparison.actionFunnel!.actions.find((a) => a.actionId === 'fibre-upgrade')!;
    expect(fibre).toEqual({
      actionId: 'fibre-upgrade',
      name: 'Fibre upgrade',
      out: [
        { baseline: 4, draft: 4 },
        { baseline: null, draft: 2 },
        { baseline: 4, draft: 2 },
        { baseline: 4, draft: 2 },
      ],
      recommended: { baseline: 4, draft: 2, change: -2 },
      first: { baseline: 0, draft: 0, change: 0 },
    });
  });
});
