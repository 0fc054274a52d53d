import {
  all,
  caseBranchGraph,
  cmp,
  constantScores,
  decide,
  dropped,
  graph,
  ids,
  NOW,
  nodeTrace,
} from '../../test-support/engine.test-helpers';

/** Two sources that overlap in loyalty-discount (retention, email), joined by a merge. */
function twoSources(edgeOrder: ['email' | 'retention', 'email' | 'retention']) {
  return graph(
    [
      ['email', 'actions', { channels: ['email'] }],
      ['score-email', 'score', constantScores({ 'loyalty-discount': 0.1, 'fibre-upgrade': 0.2 })],
      ['retention', 'actions', { groups: ['retention'] }],
      ['score-retention', 'score', constantScores({ 'loyalty-discount': 0.9, 'retention-call': 0.8 })],
      ['join', 'merge', {}],
      ['out', 'output', {}],
    ],
    [
      ['email', 'score-email'],
      ['retention', 'score-retention'],
      ...edgeOrder.map((source): [string, string] => [`score-${source}`, 'join']),
      ['join', 'out'],
    ],
  );
}

describe('merge node', () => {
  it('concatenates the incoming lists in the order of their edges', () => {
    expect(ids(decide(twoSources(['email', 'retention'])))).toEqual([
      'loyalty-discount',
      'fibre-upgrade',
      'retention-call',
    ]);
    expect(ids(decide(twoSources(['retention', 'email'])))).toEqual([
      'loyalty-discount',
      'retention-call',
      'fibre-upgrade',
    ]);
  });

  it('keeps an action that arrives twice once, with the fields of the first edge', () => {
    const first = decide(twoSources(['email', 'retention'])).recommendations.find(
      (r) => r.actionId === 'loyalty-discount',
    )!;
    expect(first.propensity).toBe(0.1);
    const other = decide(twoSources(['retention', 'email'])).recommendations.find(
      (r) => r.actionId === 'loyalty-discount',
    )!;
    expect(other.propensity).toBe(0.9);
  });

  it('explains in the trace why the duplicate was dropped', () => {
    const result = decide(twoSources(['email', 'retention']), {}, { trace: true });
    expect(nodeTrace(result, 'join')).toMatchObject({ in: 4, out: 3 });
    expect(nodeTrace(result, 'join').dropped).toEqual([
      {
        actionId: 'loyalty-discount',
        reason: 'already came in through an earlier branch',
        category: 'already came in through an earlier branch',
      },
    ]);
  });

  it('passes on the list of the only branch a split took', () => {
    const doc = caseBranchGraph('vip', all(cmp('customer', 'vip', 'equal', true)), [
      ['vip-only', 'filter', { condition: all(cmp('action', 'group', 'equal', 'retention')) }],
    ]);
    const vip = decide(doc, { customer: { id: 'c1', vip: true }, context: { now: NOW } }, { trace: true });
    expect(ids(vip)).toEqual(['loyalty-discount', 'retention-call']);
    expect(nodeTrace(vip, 'join')).toMatchObject({ reached: true, in: 2, out: 2 });
    expect(dropped(vip, 'join')).toEqual({});
    expect(decide(doc, { customer: { id: 'c2' }, context: { now: NOW } }).recommendations).toHaveLength(5);
  });
});
