import fc from 'fast-check';
import { compileStrategy } from './compile-strategy';
import type { DecisionInput, Interaction } from './types';
import { CATALOG } from '../test-support/build-strategy';
import type { StrategyDocument } from '../document/strategy-document';

// A strategy that uses every kind of node, including a percentage split and a contact policy.
const document: StrategyDocument = {
  schemaVersion: 1,
  nodes: [
    { id: 'all', type: 'actions', config: {} },
    {
      id: 'eligible',
      type: 'filter',
      config: {
        condition: {
          all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 }],
        },
        byGroup: {
          retention: {
            any: [
              { fact: 'customer', path: '$.churnRisk', operator: 'greaterThan', value: 0.3 },
              { fact: 'customer', path: '$.segment', operator: 'equal', value: 'gold' },
            ],
          },
        },
      },
    },
    {
      id: 'ab',
      type: 'split',
      config: {
        mode: 'percentage',
        salt: 'q4-test',
        branches: [
          { id: 'champion', percent: 70 },
          { id: 'challenger', percent: 30 },
        ],
      },
    },
    {
      id: 'score-a',
      type: 'score',
      config: {
        model: {
          type: 'logistic',
          intercept: -1,
          terms: [
            { input: 'customer.churnRisk', weight: 2 },
            { input: 'customer.segment', categories: { gold: 0.4 } },
          ],
        },
      },
    },
    {
      id: 'score-b',
      type: 'score',
      config: {
        model: {
          type: 'expression',
          expression: 'clamp(customer.churnRisk * 0.8 + action.value / 1000, 0, 1)',
        },
      },
    },
    { id: 'join', type: 'merge', config: {} },
    {
      id: 'arbitrate',
      type: 'arbitrate',
      config: {
        propensityWeight: 1,
        valueWeight: 0.5,
        contextWeights: [
          {
            when: { all: [{ fact: 'context', path: '$.channel', operator: 'equal', value: 'app' }] },
            weight: 1.5,
          },
        ],
        levers: { byGroup: { upsell: 1.2 } },
      },
    },
    {
      id: 'fatigue',
      type: 'contactPolicy',
      config: {
        limits: [{ scope: 'group', max: 2, windowDays: 7 }],
        cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }],
      },
    },
    { id: 'top', type: 'rank', config: { limit: 3, onePerGroup: true } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'all', target: 'eligible' },
    { source: 'eligible', target: 'ab' },
    { source: 'ab', sourceHandle: 'champion', target: 'score-a' },
    { source: 'ab', sourceHandle: 'challenger', target: 'score-b' },
    { source: 'score-a', target: 'join' },
    { source: 'score-b', target: 'join' },
    { source: 'join', target: 'arbitrate' },
    { source: 'arbitrate', target: 'fatigue' },
    { source: 'fatigue', target: 'top' },
    { source: 'top', target: 'out' },
  ],
};

const NOW = Date.parse('2026-11-01T12:00:00Z');
const interaction: fc.Arbitrary<Interaction> = fc.record({
  actionId: fc.constantFrom(...CATALOG.map((a) => a.id), 'retired-offer'),
  outcome: fc.constantFrom('shown', 'accepted', 'declined', 'ignored', 'clicked', 'converted' as const),
  at: fc.integer({ min: NOW - 60 * 86_400_000, max: NOW + 86_400_000 }).map((t) => new Date(t).toISOString()),
});
const input: fc.Arbitrary<DecisionInput> = fc.record({
  customer: fc.record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    age: fc.oneof(fc.integer({ min: 10, max: 90 }), fc.constant(undefined)),
    churnRisk: fc.double({ min: 0, max: 1, noNaN: true }),
    segment: fc.constantFrom('gold', 'silver', 'bronze'),
  }),
  context: fc.record({
    now: fc.constant(new Date(NOW).toISOString()),
    channel: fc.constantFrom('app', 'email', 'call-center'),
  }),
  history: fc.array(interaction, { maxLength: 8 }),
});

describe('determinism', () => {
  const compiled = compileStrategy(document, { actions: CATALOG });
  // A second compilation from a JSON round trip stands in for another process (a worker, the browser).
  const elsewhere = compileStrategy(JSON.parse(JSON.stringify(document)), {
    actions: JSON.parse(JSON.stringify(CATALOG)),
  });

  it('gives the same recommendations and the same trace for the same input, wherever it is compiled', () => {
    fc.assert(
      fc.property(input, (decisionInput) => {
        const first = compiled.decide(decisionInput, { trace: true });
        const again = compiled.decide(structuredClone(decisionInput), { trace: true });
        const other = elsewhere.decide(JSON.parse(JSON.stringify(decisionInput)), { trace: true });
        expect(again).toEqual(first);
        expect(other).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the wall clock when context.now is given', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 4e12 }), (decisionInput, clock) => {
        expect(compiled.decide(decisionInput, { now: clock })).toEqual(compiled.decide(decisionInput));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a customer in the same split branch whatever else about them changes', () => {
    fc.assert(
      fc.property(input, input, (a, b) => {
        const sameCustomer = { ...b, customer: { ...b.customer, id: a.customer.id } };
        const branchOf = (i: DecisionInput) =>
          compiled.decide(i, { trace: 'counts' }).trace!.nodes.find((n) => n.nodeId === 'ab')!.branch;
        const branchA = branchOf(a);
        expect(branchA).toBeDefined();
        expect(branchOf(sameCustomer)).toBe(branchA);
      }),
      { numRuns: 500 },
    );
  });
});
