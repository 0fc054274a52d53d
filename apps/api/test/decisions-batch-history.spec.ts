import { DecisionLogWriter } from '../src/decision-log/decision-log.writer';
import { createApiKey, publishStrategy, rest, type Published } from './support/decision-api';
import { Scenario } from './support/scenario';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { Role, useTestApp } from './support/test-app';
import { contactPolicyDoc, createActions } from './support/fixtures';

/** Each action at most once a week per customer, the best one. */
const ONCE_A_WEEK = contactPolicyDoc({ limits: [{ scope: 'action', max: 1, windowDays: 7 }] }, 1);
/** The best action, but none for 30 days after the customer declined it. */
const NOT_AFTER_DECLINE = contactPolicyDoc(
  { cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }] },
  1,
);

/**
 * What a batch call shows counts for the customers' next decisions at once (their cached windows
 * are written in one go), and its decisions are logged and take outcomes like single ones.
 */
describe.each([
  ['with the history cache in Redis', true],
  ['with the in-process history cache', false],
])('batch decisions and contact history, %s', (_name, withRedis) => {
  const prefix = uniquePrefix('history');
  const t = useTestApp(withRedis ? { REDIS_URL, REDIS_PREFIX: prefix } : {});
  let strategy: Published;
  let cooldown: Published;
  let key: string;

  beforeAll(async () => {
    const s = await new Scenario(t).init();
    await createActions(
      t,
      s.designer.token,
      ['gold', 'silver', 'bronze'].map((id, i) => ({ id, name: id, value: 30 - i * 10 })),
    );
    strategy = await publishStrategy(t, s, ONCE_A_WEEK, 'Once a week');
    cooldown = await publishStrategy(t, s, NOT_AFTER_DECLINE, 'Not after a decline');
    key = (await createApiKey(t, (await t.user([Role.admin])).token)).secret;
  });
  afterAll(async () => {
    if (withRedis) await dropPrefix(prefix);
  });

  const batch = async (ids: string[], of: Published = strategy) =>
    (
      await rest(t, key)
        .post('/api/v1/decisions:batch', {
          strategy: of.strategyId,
          requests: ids.map((id) => ({ customer: { id } })),
        })
        .expect(200)
    ).body.results as { decisionId: string; customerId: string; actions: { actionId: string }[] }[];
  const shown = (results: Awaited<ReturnType<typeof batch>>) =>
    results.map((r) => `${r.customerId}:${r.actions.map((a) => a.actionId).join(',')}`);

  it('does not show a customer again, in the next batch or single decision, what a batch just showed', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `weekly-${i}`);
    expect(shown(await batch(ids))).toEqual(ids.map((id) => `${id}:gold`));
    // At once, whether or not the log has been written yet.
    expect(shown(await batch(ids))).toEqual(ids.map((id) => `${id}:silver`));
    const single = await rest(t, key)
      .post('/api/v1/decisions', { strategy: strategy.strategyId, customer: { id: 'weekly-7' } })
      .expect(200);
    expect(single.body.actions.map((a: { actionId: string }) => a.actionId)).toEqual(['bronze']);
    expect(shown(await batch(['weekly-7', 'weekly-8']))).toEqual(['weekly-7:', 'weekly-8:bronze']);

    await t.app.get(DecisionLogWriter).flush();
    const rows = await t.sql.query(
      `SELECT action_id, count(*)::int AS n FROM interactions WHERE customer_id LIKE 'weekly-%' AND outcome = 'shown' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { action_id: 'bronze', n: 2 },
      { action_id: 'gold', n: 50 },
      { action_id: 'silver', n: 50 },
    ]);
    const logged = await t.sql.query(
      `SELECT count(*)::int AS n FROM decision_log WHERE customer_id LIKE 'weekly-%'`,
    );
    expect(logged.rows[0].n).toBe(50 + 50 + 1 + 2);
  });

  it('takes outcomes for batch decisions, and for decisions made at a time of the request’s choosing', async () => {
    const [decided] = await batch([`outcome-${prefix}`]);
    const past = await rest(t, key)
      .post('/api/v1/decisions', {
        strategy: strategy.strategyId,
        customer: { id: `past-${prefix}` },
        context: { now: '2026-01-15T10:00:00Z' },
      })
      .expect(200);
    await t.app.get(DecisionLogWriter).flush();
    for (const [decisionId, actionId] of [
      [decided!.decisionId, decided!.actions[0]!.actionId],
      [past.body.decisionId, past.body.actions[0].actionId],
    ])
      await rest(t, key).post('/api/v1/outcomes', { decisionId, actionId, outcome: 'accepted' }).expect(201);
    const stored = await t.sql.query(
      `SELECT customer_id FROM interactions WHERE outcome = 'accepted' AND decision_id = ANY($1::uuid[]) ORDER BY 1`,
      [[decided!.decisionId, past.body.decisionId]],
    );
    expect(stored.rows.map((r) => r.customer_id)).toEqual([`outcome-${prefix}`, `past-${prefix}`]);
  });

  it('counts a decline reported for a batch decision in the customers’ next batch at once', async () => {
    const ids = [`declines-${prefix}-1`, `declines-${prefix}-2`];
    const first = await batch(ids, cooldown);
    expect(shown(first)).toEqual(ids.map((id) => `${id}:gold`));
    // Shown again: a shown action alone does not cool down (and the windows are now cached).
    expect(shown(await batch(ids, cooldown))).toEqual(ids.map((id) => `${id}:gold`));
    await rest(t, key)
      .post('/api/v1/outcomes', { decisionId: first[0]!.decisionId, actionId: 'gold', outcome: 'declined' })
      .expect(201);
    expect(shown(await batch(ids, cooldown))).toEqual([`${ids[0]}:silver`, `${ids[1]}:gold`]);
  });
});
