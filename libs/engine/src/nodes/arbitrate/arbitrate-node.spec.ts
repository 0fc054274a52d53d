import { CATALOG, linearStrategy } from '../../test-support/build-strategy';
import {
  action,
  all,
  cmp,
  constantScores,
  decide,
  keptDetails,
  NOW,
} from '../../test-support/engine.test-helpers';

const PROPENSITIES = {
  'loyalty-discount': 0.5,
  'retention-call': 0.2,
  'data-addon': 0.8,
  'fibre-upgrade': 0.1,
  'bill-followup': 0.9,
};

function strategy(config: unknown, scores: Record<string, number> = PROPENSITIES) {
  return linearStrategy([
    ['actions', {}],
    ['score', constantScores(scores)],
    ['arbitrate', config],
    ['output', {}],
  ]);
}

function priorities(result: ReturnType<typeof decide>): Record<string, number | undefined> {
  return Object.fromEntries(result.recommendations.map((r) => [r.actionId, r.priority]));
}

const input = (customer: Record<string, unknown> = {}, context: Record<string, unknown> = {}) => ({
  customer: { id: 'c1', ...customer },
  context: { now: NOW, ...context },
});

describe('arbitrate node', () => {
  it('sets priority = propensity × value with the default weights', () => {
    const p = priorities(decide(strategy({}), input()));
    expect(p['loyalty-discount']).toBeCloseTo(0.5 * 40, 12);
    expect(p['retention-call']).toBeCloseTo(0.2 * 120, 12);
  });

  it('raises propensity and value to their weights', () => {
    const p = priorities(decide(strategy({ propensityWeight: 2, valueWeight: 0.5 }), input()));
    expect(p['loyalty-discount']).toBeCloseTo(0.25 * Math.sqrt(40), 12);
    expect(p['fibre-upgrade']).toBeCloseTo(0.01 * Math.sqrt(200), 12);
  });

  it('ignores value entirely with a value weight of 0', () => {
    const p = priorities(decide(strategy({ valueWeight: 0 }), input()));
    expect(p).toEqual(PROPENSITIES);
  });

  it('treats a missing propensity as 0', () => {
    const p = priorities(decide(strategy({}, { 'data-addon': 0.8 }), input()));
    expect(p['data-addon']).toBeCloseTo(20, 12);
    expect(p['loyalty-discount']).toBe(0);
  });

  it('treats a missing value as 1, and a negative value as 0', () => {
    const env = {
      actions: [action('no-value'), action('write-off', { value: -50 }), action('zero', { value: 0 })],
    };
    const doc = strategy({}, { 'no-value': 0.3, 'write-off': 0.9, zero: 0.9 });
    const result = decide(doc, input(), { trace: true }, env);
    expect(priorities(result)).toEqual({ 'no-value': 0.3, 'write-off': 0, zero: 0 });
    expect(keptDetails(result, 'n3')['write-off']).toMatchObject({ value: 0, priority: 0 });
  });

  it('prefers a value field computed by an earlier node over the catalog value', () => {
    const doc = linearStrategy([
      ['actions', { actionIds: ['retention-call'] }],
      ['score', constantScores({ 'retention-call': 0.5 })],
      ['score', { field: 'value', model: { type: 'expression', expression: 'action.value - action.cost' } }],
      ['arbitrate', {}],
      ['output', {}],
    ]);
    expect(decide(doc, input()).recommendations[0]).toMatchObject({ value: 105, priority: 52.5 });
  });

  it('multiplies the weights of every context condition that holds', () => {
    const doc = strategy({
      valueWeight: 0,
      contextWeights: [
        { label: 'in the app', when: all(cmp('context', 'channel', 'equal', 'app')), weight: 2 },
        { label: 'VIP', when: all(cmp('customer', 'vip', 'equal', true)), weight: 1.5 },
        { label: 'retention offers', when: all(cmp('action', 'group', 'equal', 'retention')), weight: 3 },
      ],
    });
    const p = priorities(decide(doc, input({ vip: true }, { channel: 'app' })));
    expect(p['data-addon']).toBeCloseTo(0.8 * 2 * 1.5, 12);
    expect(p['loyalty-discount']).toBeCloseTo(0.5 * 2 * 1.5 * 3, 12);
    expect(priorities(decide(doc, input({ vip: false }, { channel: 'web' })))['data-addon']).toBeCloseTo(
      0.8,
      12,
    );
  });

  it('multiplies the group lever by the action lever', () => {
    const doc = strategy({
      valueWeight: 0,
      levers: { byGroup: { retention: 2 }, byAction: { 'retention-call': 3, 'data-addon': 0.5 } },
    });
    const p = priorities(decide(doc, input()));
    expect(p['retention-call']).toBeCloseTo(0.2 * 2 * 3, 12);
    expect(p['loyalty-discount']).toBeCloseTo(0.5 * 2, 12);
    expect(p['data-addon']).toBeCloseTo(0.8 * 0.5, 12);
    expect(p['fibre-upgrade']).toBeCloseTo(0.1, 12);
  });

  it('lets a lever of 0 switch an action off', () => {
    const p = priorities(decide(strategy({ levers: { byAction: { 'bill-followup': 0 } } }), input()));
    expect(p['bill-followup']).toBe(0);
  });

  it('shows every arbitration term of a kept candidate in the trace', () => {
    const doc = strategy({
      propensityWeight: 1,
      valueWeight: 0.5,
      contextWeights: [
        { label: 'VIP', when: all(cmp('customer', 'vip', 'equal', true)), weight: 2 },
        { when: all(cmp('context', 'channel', 'equal', 'app')), weight: 1.2 },
        { label: 'never', when: all(cmp('customer', 'vip', 'equal', false)), weight: 9 },
      ],
      levers: { byGroup: { retention: 1.5 } },
    });
    const result = decide(doc, input({ vip: true }, { channel: 'app' }), { trace: true });
    expect(keptDetails(result, 'n3')['loyalty-discount']).toEqual({
      propensity: 0.5,
      value: 40,
      contextWeight: 2.4,
      lever: 1.5,
      priority: expect.closeTo(0.5 * Math.sqrt(40) * 2.4 * 1.5, 12),
      propensityWeight: 1,
      valueWeight: 0.5,
      contextWeights: ['VIP', '×1.2'],
    });
    expect(result.recommendations.find((r) => r.actionId === 'loyalty-discount')!.priority).toBeCloseTo(
      0.5 * Math.sqrt(40) * 2.4 * 1.5,
      12,
    );
  });

  it('leaves out contextWeights in the trace when none applies', () => {
    const result = decide(strategy({}), input(), { trace: true }, { actions: CATALOG });
    expect(keptDetails(result, 'n3')['data-addon']).not.toHaveProperty('contextWeights');
  });
});
