import { linearStrategy } from '../../test-support/build-strategy';
import {
  constantScores,
  decide,
  dropped,
  ids,
  nodeTrace,
  PRIORITIES,
} from '../../test-support/engine.test-helpers';

function strategy(output: unknown) {
  return linearStrategy([
    ['actions', {}],
    ['score', constantScores({ 'loyalty-discount': 0.5 })],
    ['score', constantScores(PRIORITIES, 'priority')],
    ['rank', {}],
    ['output', output],
  ]);
}

describe('output node', () => {
  it('returns the candidates in the order they arrive, numbered from 1, with their action and fields', () => {
    const result = decide(strategy({}));
    expect(ids(result)).toEqual([
      'retention-call',
      'fibre-upgrade',
      'loyalty-discount',
      'bill-followup',
      'data-addon',
    ]);
    expect(result.recommendations.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(result.recommendations[2]).toEqual({
      rank: 3,
      actionId: 'loyalty-discount',
      name: 'Loyalty discount',
      group: 'retention',
      channel: 'email',
      propensity: 0.5,
      value: 40,
      priority: 3,
      fields: { propensity: 0.5, priority: 3 },
    });
    expect(result.recommendations[0]).not.toHaveProperty('propensity');
  });

  it('returns at most its limit and says why the rest was left out', () => {
    const result = decide(strategy({ limit: 2 }), {}, { trace: true });
    expect(ids(result)).toEqual(['retention-call', 'fibre-upgrade']);
    expect(nodeTrace(result, 'n5')).toMatchObject({ in: 5, out: 2 });
    expect(dropped(result, 'n5')['loyalty-discount']).toBe('beyond the output limit of 2');
  });

  it('lets the caller ask for fewer with the limit option, but never for more than the strategy gives', () => {
    expect(ids(decide(strategy({ limit: 3 }), {}, { limit: 1 }))).toEqual(['retention-call']);
    expect(ids(decide(strategy({ limit: 2 }), {}, { limit: 10 }))).toEqual([
      'retention-call',
      'fibre-upgrade',
    ]);
    expect(ids(decide(strategy({}), {}, { limit: 0 }))).toEqual([]);
  });
});
