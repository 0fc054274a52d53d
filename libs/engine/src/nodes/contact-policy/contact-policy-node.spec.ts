import { linearStrategy } from '../../test-support/build-strategy';
import { daysAgo, decide, dropped, ids, interaction, NOW } from '../../test-support/engine.test-helpers';
import type { Interaction } from '../../runtime/types';

const strategy = (config: unknown) =>
  linearStrategy([
    ['actions', {}],
    ['contactPolicy', config],
    ['output', {}],
  ]);
const withHistory = (history: Interaction[]) => ({ customer: { id: 'c1' }, context: { now: NOW }, history });
const EVERYONE = ['loyalty-discount', 'retention-call', 'data-addon', 'fibre-upgrade', 'bill-followup'];

describe('contact policy node', () => {
  describe('limits', () => {
    const perAction = strategy({ limits: [{ scope: 'action', max: 2, windowDays: 7 }] });

    it('keeps everything for a customer without history', () => {
      expect(ids(decide(perAction, withHistory([])))).toEqual(EVERYONE);
    });

    it('drops an action shown as often as allowed within the window, and says so', () => {
      const result = decide(
        perAction,
        withHistory([interaction('retention-call', 'shown', 1), interaction('retention-call', 'shown', 6)]),
        { trace: true },
      );
      expect(ids(result)).toEqual(EVERYONE.filter((id) => id !== 'retention-call'));
      expect(dropped(result, 'n2')).toEqual({
        'retention-call': 'shown 2 times in the last 7 days for this action (at most 2)',
      });
    });

    it('keeps an action shown fewer times than allowed', () => {
      expect(ids(decide(perAction, withHistory([interaction('retention-call', 'shown', 1)])))).toContain(
        'retention-call',
      );
    });

    it('does not count contacts from before the window', () => {
      const history = [
        interaction('retention-call', 'shown', 1),
        interaction('retention-call', 'shown', 7.01),
      ];
      expect(ids(decide(perAction, withHistory(history)))).toContain('retention-call');
    });

    it('counts the last windowDays × 24 hours: a contact exactly 7 days ago is outside the window', () => {
      const history = [interaction('retention-call', 'shown', 1), interaction('retention-call', 'shown', 7)];
      expect(ids(decide(perAction, withHistory(history)))).toContain('retention-call');
      history[1] = interaction('retention-call', 'shown', 6.999);
      expect(ids(decide(perAction, withHistory(history)))).not.toContain('retention-call');
    });

    it('limits a group: contacts with any action of the group count', () => {
      const doc = strategy({ limits: [{ scope: 'group', max: 2, windowDays: 7 }] });
      const result = decide(
        doc,
        withHistory([interaction('loyalty-discount', 'shown', 1), interaction('retention-call', 'shown', 2)]),
        { trace: true },
      );
      expect(ids(result)).toEqual(['data-addon', 'fibre-upgrade', 'bill-followup']);
      expect(dropped(result, 'n2')['loyalty-discount']).toBe(
        'shown 2 times in the last 7 days for group "retention" (at most 2)',
      );
    });

    it('takes the group of a retired action from the interaction itself', () => {
      const doc = strategy({ limits: [{ scope: 'group', max: 1, windowDays: 30 }] });
      const result = decide(
        doc,
        withHistory([interaction('old-winback', 'shown', 3, { group: 'retention' })]),
      );
      expect(ids(result)).toEqual(['data-addon', 'fibre-upgrade', 'bill-followup']);
    });

    it('limits a channel', () => {
      const doc = strategy({ limits: [{ scope: 'channel', max: 1, windowDays: 1 }] });
      const result = decide(doc, withHistory([interaction('fibre-upgrade', 'shown', 0.5)]), { trace: true });
      expect(ids(result)).toEqual(['retention-call', 'data-addon', 'bill-followup']);
      expect(dropped(result, 'n2')['loyalty-discount']).toBe(
        'shown 1 time in the last 1 day for channel "email" (at most 1)',
      );
    });

    it('limits all contacts of the customer', () => {
      const doc = strategy({ limits: [{ scope: 'all', max: 3, windowDays: 7 }] });
      const history = [
        interaction('data-addon', 'shown', 1),
        interaction('bill-followup', 'shown', 2),
        interaction('loyalty-discount', 'shown', 3),
      ];
      const result = decide(doc, withHistory(history), { trace: true });
      expect(ids(result)).toEqual([]);
      expect(dropped(result, 'n2')['fibre-upgrade']).toBe(
        'shown 3 times in the last 7 days for any action (at most 3)',
      );
      expect(ids(decide(doc, withHistory(history.slice(0, 2))))).toEqual(EVERYONE);
    });

    it('counts only the outcomes it is told to count', () => {
      const doc = strategy({
        limits: [{ scope: 'action', max: 1, windowDays: 30, count: ['accepted', 'converted'] }],
      });
      expect(
        ids(
          decide(
            doc,
            withHistory([interaction('data-addon', 'shown', 1), interaction('data-addon', 'declined', 1)]),
          ),
        ),
      ).toContain('data-addon');
      const result = decide(doc, withHistory([interaction('data-addon', 'converted', 10)]), { trace: true });
      expect(ids(result)).not.toContain('data-addon');
      expect(dropped(result, 'n2')['data-addon']).toBe(
        'accepted/converted 1 time in the last 30 days for this action (at most 1)',
      );
    });

    it('with a limit of 0 never offers, whether or not the customer has history', () => {
      const doc = strategy({ limits: [{ scope: 'action', max: 0, windowDays: 7 }] });
      expect(ids(decide(doc, withHistory([])))).toEqual([]);
      const result = decide(doc, withHistory([interaction('unrelated', 'shown', 100)]), { trace: true });
      expect(ids(result)).toEqual([]);
      expect(dropped(result, 'n2')['data-addon']).toBe(
        'at most 0 shown in 7 days for this action, so never offered',
      );
    });
  });

  describe('cooldowns', () => {
    const afterDecline = strategy({ cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }] });

    it('rests an action for the given days after the customer declined it, and says since when', () => {
      const result = decide(afterDecline, withHistory([interaction('fibre-upgrade', 'declined', 10.5)]), {
        trace: true,
      });
      expect(ids(result)).toEqual(EVERYONE.filter((id) => id !== 'fibre-upgrade'));
      expect(dropped(result, 'n2')).toEqual({
        'fibre-upgrade': 'declined 10 days ago for this action (30 days rest after declined)',
      });
    });

    it('says "today" for a decline earlier the same day', () => {
      const result = decide(afterDecline, withHistory([interaction('fibre-upgrade', 'declined', 0.1)]), {
        trace: true,
      });
      expect(dropped(result, 'n2')['fibre-upgrade']).toBe(
        'declined today for this action (30 days rest after declined)',
      );
    });

    it('offers the action again once the rest is over', () => {
      expect(ids(decide(afterDecline, withHistory([interaction('fibre-upgrade', 'declined', 30)])))).toEqual(
        EVERYONE,
      );
      expect(
        ids(decide(afterDecline, withHistory([interaction('fibre-upgrade', 'declined', 29.999)]))),
      ).not.toContain('fibre-upgrade');
    });

    it('reports the most recent decline, whatever the order of the history', () => {
      const history = [
        interaction('fibre-upgrade', 'declined', 25),
        interaction('fibre-upgrade', 'declined', 2),
      ];
      const result = decide(afterDecline, withHistory(history), { trace: true });
      expect(dropped(result, 'n2')['fibre-upgrade']).toBe(
        'declined 2 days ago for this action (30 days rest after declined)',
      );
    });

    it('is not triggered by other outcomes', () => {
      expect(
        ids(
          decide(
            afterDecline,
            withHistory([
              interaction('fibre-upgrade', 'shown', 1),
              interaction('fibre-upgrade', 'accepted', 1),
            ]),
          ),
        ),
      ).toEqual(EVERYONE);
    });

    it('rests a whole group after a decline of one of its actions', () => {
      const doc = strategy({ cooldowns: [{ scope: 'group', after: ['declined', 'ignored'], days: 14 }] });
      const result = decide(doc, withHistory([interaction('data-addon', 'ignored', 3)]), { trace: true });
      expect(ids(result)).toEqual(['loyalty-discount', 'retention-call', 'bill-followup']);
      expect(dropped(result, 'n2')['fibre-upgrade']).toBe(
        'ignored 3 days ago for group "upsell" (14 days rest after declined/ignored)',
      );
    });
  });

  it('names every rule the candidate breaks, limits before cooldowns', () => {
    const doc = strategy({
      limits: [{ scope: 'action', max: 1, windowDays: 7 }],
      cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }],
    });
    const result = decide(
      doc,
      withHistory([interaction('data-addon', 'shown', 1), interaction('data-addon', 'declined', 1)]),
      { trace: true },
    );
    expect(dropped(result, 'n2')['data-addon']).toBe(
      'shown 1 time in the last 7 days for this action (at most 1); declined 1 day ago for this action (30 days rest after declined)',
    );
    expect(ids(result)).not.toContain('data-addon');
  });

  it('ignores history entries after the decision time and entries with an unreadable time', () => {
    const doc = strategy({
      limits: [{ scope: 'action', max: 1, windowDays: 7 }],
      cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }],
    });
    const history: Interaction[] = [
      { actionId: 'data-addon', outcome: 'shown', at: daysAgo(-1) },
      { actionId: 'data-addon', outcome: 'declined', at: daysAgo(-0.001) },
      { actionId: 'data-addon', outcome: 'shown', at: 'yesterday' },
      { actionId: 'data-addon', outcome: 'declined', at: '' },
    ];
    expect(ids(decide(doc, withHistory(history)))).toEqual(EVERYONE);
  });

  it('counts history relative to context.now, so replaying an old decision gives the old answer', () => {
    const doc = strategy({ cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }] });
    const history = [{ actionId: 'data-addon', outcome: 'declined' as const, at: '2026-01-15T00:00:00Z' }];
    expect(
      ids(decide(doc, { customer: { id: 'c1' }, context: { now: '2026-02-01T00:00:00Z' }, history })),
    ).not.toContain('data-addon');
    expect(
      ids(decide(doc, { customer: { id: 'c1' }, context: { now: '2026-03-01T00:00:00Z' }, history })),
    ).toContain('data-addon');
  });
});
