import { CATALOG, linearStrategy } from '../../test-support/build-strategy';
import { action, decide, dropped, ids, nodeTrace } from '../../test-support/engine.test-helpers';
import { actionsSelected } from './actions-node';

const strategy = (config: unknown) =>
  linearStrategy([
    ['actions', config],
    ['output', {}],
  ]);

describe('actions node', () => {
  it('offers every valid action of the catalog, in catalog order, when nothing is selected', () => {
    expect(ids(decide(strategy({})))).toEqual([
      'loyalty-discount',
      'retention-call',
      'data-addon',
      'fibre-upgrade',
      'bill-followup',
    ]);
  });

  it('selects by group', () => {
    expect(ids(decide(strategy({ groups: ['retention'] })))).toEqual(['loyalty-discount', 'retention-call']);
  });

  it('selects by channel', () => {
    expect(ids(decide(strategy({ channels: ['email'] })))).toEqual(['loyalty-discount', 'fibre-upgrade']);
  });

  it('selects by tag', () => {
    expect(ids(decide(strategy({ tags: ['fibre', 'unused-tag'] })))).toEqual(['fibre-upgrade']);
  });

  it('selects by action id, keeping catalog order', () => {
    expect(ids(decide(strategy({ actionIds: ['bill-followup', 'data-addon'] })))).toEqual([
      'data-addon',
      'bill-followup',
    ]);
  });

  it('combines selections: an action must fit every one of them', () => {
    expect(ids(decide(strategy({ groups: ['upsell'], channels: ['email'] })))).toEqual(['fibre-upgrade']);
  });

  it('counts in only the actions it selects: the rest of a shared catalog is not in its trace', () => {
    const result = decide(strategy({ groups: ['service'] }), {}, { trace: true });
    expect(nodeTrace(result, 'n1')).toMatchObject({ in: 1, out: 1, dropped: [] });
    const counted = decide(strategy({ groups: ['service'] }), {}, { trace: 'counts' });
    expect(nodeTrace(counted, 'n1')).toMatchObject({ in: 1, out: 1 });
    const july = { customer: { id: 'c1' }, context: { now: '2026-07-01T00:00:00Z' } };
    expect(nodeTrace(decide(strategy({ groups: ['service'] }), july, { trace: true }), 'n1')).toMatchObject({
      in: 1,
      out: 0,
      dropped: [{ actionId: 'bill-followup', reason: 'expired on 2026-06-30' }],
    });
  });

  describe('validity dates', () => {
    const at = (now: string) => ({ customer: { id: 'c1' }, context: { now } });

    it('keeps an action with a date-only validTo for that whole day (UTC)', () => {
      expect(ids(decide(strategy({ groups: ['service'] }), at('2026-06-30T23:59:59.999Z')))).toEqual([
        'bill-followup',
      ]);
    });

    it('drops it from the next day on, saying when it expired', () => {
      const result = decide(strategy({ groups: ['service'] }), at('2026-07-01T00:00:00.000Z'), {
        trace: true,
      });
      expect(ids(result)).toEqual([]);
      expect(dropped(result, 'n1')['bill-followup']).toBe('expired on 2026-06-30');
      expect(nodeTrace(result, 'n1').dropped![0]!.category).toBe('expired');
    });

    it('ends a validTo with a time at that exact moment', () => {
      const env = { actions: [action('flash-sale', { validTo: '2026-03-01T12:00:00Z' })] };
      expect(ids(decide(strategy({}), at('2026-03-01T12:00:00Z'), {}, env))).toEqual(['flash-sale']);
      expect(ids(decide(strategy({}), at('2026-03-01T12:00:01Z'), {}, env))).toEqual([]);
    });

    it('starts an action on its validFrom date and explains why it is not offered before', () => {
      const env = { actions: [action('spring-offer', { validFrom: '2026-04-01' })] };
      const before = decide(strategy({}), at('2026-03-31T23:59:59Z'), { trace: true }, env);
      expect(ids(before)).toEqual([]);
      expect(dropped(before, 'n1')['spring-offer']).toBe('not valid before 2026-04-01');
      expect(nodeTrace(before, 'n1').dropped![0]!.category).toBe('not valid yet');
      expect(ids(decide(strategy({}), at('2026-04-01T00:00:00Z'), {}, env))).toEqual(['spring-offer']);
    });
  });

  describe('matchContextChannel', () => {
    const env = { actions: [...CATALOG, action('any-channel-tip')] };

    it('keeps the actions for the calling channel and those without a channel', () => {
      const result = decide(
        strategy({ matchContextChannel: true }),
        { context: { now: '2026-03-01T10:00:00Z', channel: 'email' } },
        { trace: true },
        env,
      );
      expect(ids(result)).toEqual(['loyalty-discount', 'fibre-upgrade', 'any-channel-tip']);
      expect(dropped(result, 'n1')['data-addon']).toBe('for channel "app", not "email"');
      // Grouped by what the dropped ones share, whatever their own channel.
      const categories = new Set(nodeTrace(result, 'n1').dropped!.map((d) => d.category));
      expect([...categories]).toEqual(['not for channel "email"']);
    });

    it('says so when the request names no channel', () => {
      const result = decide(
        strategy({ matchContextChannel: true }),
        { context: { now: '2026-03-01T10:00:00Z' } },
        { trace: true },
        env,
      );
      expect(ids(result)).toEqual(['any-channel-tip']);
      expect(dropped(result, 'n1')['data-addon']).toBe('for channel "app", but the request names no channel');
    });

    it('ignores the calling channel when not asked to match it', () => {
      expect(
        decide(strategy({}), { context: { now: '2026-03-01T10:00:00Z', channel: 'email' } }, {}, env)
          .recommendations,
      ).toHaveLength(6);
    });
  });
});

describe('actionsSelected: what a version reads from the catalog', () => {
  const selected = (...configs: unknown[]) =>
    actionsSelected(
      {
        nodes: [
          ...configs.map((config, i) => ({ id: `a${i}`, type: 'actions', config })),
          { id: 'o', type: 'output', config: {} },
        ],
      },
      CATALOG,
    ).map((a) => a.id);

  it('is the union of what every actions step selects', () => {
    expect(selected({ groups: ['retention'] }, { tags: ['fibre'] })).toEqual([
      'loyalty-discount',
      'retention-call',
      'fibre-upgrade',
    ]);
    expect(selected({ actionIds: ['bill-followup'] })).toEqual(['bill-followup']);
  });

  it('is the whole catalog for a step that selects everything or whose settings are unreadable', () => {
    expect(selected({})).toHaveLength(CATALOG.length);
    expect(selected({ groups: 'retention' })).toHaveLength(CATALOG.length);
  });

  it('is nothing for a document without actions steps or without nodes', () => {
    expect(selected()).toEqual([]);
    expect(actionsSelected({ nodes: 'none' }, CATALOG)).toEqual([]);
    expect(actionsSelected(null, CATALOG)).toEqual([]);
  });
});
