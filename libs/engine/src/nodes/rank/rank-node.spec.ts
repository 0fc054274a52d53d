import { linearStrategy } from '../../test-support/build-strategy';
import {
  action,
  constantScores,
  decide,
  dropped,
  ids,
  nodeTrace,
  PRIORITIES,
} from '../../test-support/engine.test-helpers';

function strategy(config: unknown, scores: Record<string, number> = PRIORITIES, field = 'priority') {
  return linearStrategy([
    ['actions', {}],
    ['score', constantScores(scores, field)],
    ['rank', config],
    ['output', {}],
  ]);
}

describe('rank node', () => {
  it('sorts by priority, highest first, by default', () => {
    expect(ids(decide(strategy({})))).toEqual([
      'retention-call',
      'fibre-upgrade',
      'loyalty-discount',
      'bill-followup',
      'data-addon',
    ]);
  });

  it('sorts lowest first when asked', () => {
    expect(ids(decide(strategy({ order: 'asc' })))).toEqual([
      'data-addon',
      'bill-followup',
      'loyalty-discount',
      'fibre-upgrade',
      'retention-call',
    ]);
  });

  it('sorts by another field', () => {
    const doc = strategy(
      { by: 'cost', order: 'asc' },
      { 'loyalty-discount': 9, 'retention-call': 1, 'data-addon': 5, 'fibre-upgrade': 3, 'bill-followup': 7 },
      'cost',
    );
    expect(ids(decide(doc))).toEqual([
      'retention-call',
      'fibre-upgrade',
      'data-addon',
      'bill-followup',
      'loyalty-discount',
    ]);
  });

  it('puts candidates without the field last, in either order', () => {
    const scores = { 'data-addon': 1, 'fibre-upgrade': 4 };
    expect(ids(decide(strategy({}, scores))).slice(0, 2)).toEqual(['fibre-upgrade', 'data-addon']);
    expect(ids(decide(strategy({ order: 'asc' }, scores))).slice(0, 2)).toEqual([
      'data-addon',
      'fibre-upgrade',
    ]);
    expect(ids(decide(strategy({ order: 'asc' }, scores))).slice(2)).toEqual([
      'bill-followup',
      'loyalty-discount',
      'retention-call',
    ]);
  });

  it('breaks ties by action id, whatever the catalog order', () => {
    const env = { actions: [action('c-offer'), action('a-offer'), action('b-offer')] };
    const doc = strategy({}, { 'c-offer': 1, 'a-offer': 1, 'b-offer': 1 });
    expect(ids(decide(doc, {}, {}, env))).toEqual(['a-offer', 'b-offer', 'c-offer']);
    expect(
      ids(decide(strategy({ order: 'asc' }, { 'c-offer': 1, 'a-offer': 1, 'b-offer': 1 }), {}, {}, env)),
    ).toEqual(['a-offer', 'b-offer', 'c-offer']);
  });

  it('keeps the top N and says why the others were dropped', () => {
    const result = decide(strategy({ limit: 2 }), {}, { trace: true });
    expect(ids(result)).toEqual(['retention-call', 'fibre-upgrade']);
    expect(nodeTrace(result, 'n3')).toMatchObject({ in: 5, out: 2 });
    expect(dropped(result, 'n3')).toEqual({
      'loyalty-discount': 'ranked #3 (priority 3), below the top 2',
      'bill-followup': 'ranked #4 (priority 2), below the top 2',
      'data-addon': 'ranked #5 (priority 1), below the top 2',
    });
  });

  it('gives every drop below the top N the same shared reason, next to its own rank', () => {
    const result = decide(strategy({ limit: 2 }), {}, { trace: true });
    const drops = nodeTrace(result, 'n3').dropped!;
    expect(drops).toHaveLength(3);
    for (const d of drops) {
      expect(d.category).toBe('below the top 2 by priority');
      expect(d.reason).toMatch(/^ranked #\d/);
    }
  });

  it('keeps the best of each group with onePerGroup; actions without a group each count alone', () => {
    const env = {
      actions: [
        action('a', { group: 'g1' }),
        action('b', { group: 'g1' }),
        action('c', { group: 'g2' }),
        action('d'),
        action('e'),
      ],
    };
    const doc = strategy({ onePerGroup: true }, { a: 1, b: 2, c: 3, d: 0.5, e: 0.7 });
    const result = decide(doc, {}, { trace: true }, env);
    expect(ids(result)).toEqual(['c', 'b', 'e', 'd']);
    expect(dropped(result, 'n3')).toEqual({ a: 'b ranks higher in group "g1" (one per group)' });
  });

  it('applies the limit after keeping one per group', () => {
    const result = decide(strategy({ onePerGroup: true, limit: 2 }), {}, { trace: true });
    expect(ids(result)).toEqual(['retention-call', 'fibre-upgrade']);
    expect(dropped(result, 'n3')).toEqual({
      'loyalty-discount': 'Retention call ranks higher in group "retention" (one per group)',
      'data-addon': 'Fibre upgrade ranks higher in group "upsell" (one per group)',
      'bill-followup': expect.stringMatching(/^ranked #\d \(priority 2\), below the top 2$/),
    });
    // Grouped in two: beaten within the group (whichever the group), and below the top 2.
    expect(Object.fromEntries(nodeTrace(result, 'n3').dropped!.map((d) => [d.actionId, d.category]))).toEqual(
      {
        'loyalty-discount': 'another action of its group ranks higher (one per group)',
        'data-addon': 'another action of its group ranks higher (one per group)',
        'bill-followup': 'below the top 2 by priority',
      },
    );
  });

  it('says a candidate without the field was missing it', () => {
    const result = decide(strategy({ limit: 1 }, { 'data-addon': 1 }), {}, { trace: true });
    expect(dropped(result, 'n3')['fibre-upgrade']).toBe(
      'ranked #3 (priority is missing, so it ranks last), below the top 1',
    );
  });
});
