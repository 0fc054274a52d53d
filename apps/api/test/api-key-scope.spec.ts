import request from 'supertest';
import { DecisionLogWriter } from '../src/decision-log/decision-log.writer';
import { createApiKey, publishStrategy, rest, type Published } from './support/decision-api';
import { useScenario } from './support/scenario';
import { ok, Role, useTestApp } from './support/test-app';
import { contactPolicyDoc, createActions } from './support/fixtures';

/** Every action, minus those the customer declined in the last 30 days, best value first. */
const POLICY_DOC = contactPolicyDoc({ cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }] });

type Interaction = { actionId: string; outcome: string };
const kinds = (items: Interaction[]) => items.map((i) => `${i.outcome}:${i.actionId}`).sort();

describe('API keys limited to some strategies (history, outcomes) and idempotency per key', () => {
  const t = useTestApp();
  const s = useScenario(t);
  let mine: Published;
  let theirs: Published;
  let scoped: string;
  let full: string;
  let otherFull: string;

  beforeAll(async () => {
    const admin = await t.user([Role.admin]);
    await createActions(
      t,
      s.designer.token,
      ['gold', 'silver', 'bronze'].map((id, i) => ({ id, name: id, value: 30 - i * 10 })),
    );
    mine = await publishStrategy(t, s, { ...POLICY_DOC, description: 'mine' }, 'Mine');
    theirs = await publishStrategy(t, s, { ...POLICY_DOC, description: 'theirs' }, 'Theirs');
    scoped = (await createApiKey(t, admin.token, { name: 'scoped to mine', strategyIds: [mine.strategyId] }))
      .secret;
    full = (await createApiKey(t, admin.token, { name: 'all strategies' })).secret;
    otherFull = (await createApiKey(t, admin.token, { name: 'another system' })).secret;
  });

  const decide = (key: string, strategy: Published, customerId: string) =>
    rest(t, key)
      .post('/api/v1/decisions', { strategy: strategy.strategyId, customer: { id: customerId } })
      .expect(200);
  const history = async (key: string, customerId: string): Promise<Interaction[]> =>
    (await rest(t, key).get(`/api/v1/customers/${customerId}/interactions`).expect(200)).body.interactions;

  it('a scoped key reads only what its strategies showed and were told, also before the decision log is written', async () => {
    const other = await decide(full, theirs, 'shared-customer');
    await rest(t, full)
      .post('/api/v1/outcomes', { decisionId: other.body.decisionId, actionId: 'gold', outcome: 'declined' })
      .expect(201);
    await rest(t, full)
      .post('/api/v1/outcomes', { customerId: 'shared-customer', actionId: 'silver', outcome: 'clicked' })
      .expect(201);
    const own = await decide(scoped, mine, 'shared-customer');
    await rest(t, scoped)
      .post('/api/v1/outcomes', { decisionId: own.body.decisionId, actionId: 'silver', outcome: 'accepted' })
      .expect(201);

    // Own decision still in the log's buffer: already visible, the other strategy's not.
    expect(kinds(await history(scoped, 'shared-customer'))).toEqual([
      'accepted:silver',
      'shown:bronze',
      'shown:silver',
    ]);
    await t.app.get(DecisionLogWriter).flush();
    expect(kinds(await history(scoped, 'shared-customer'))).toEqual([
      'accepted:silver',
      'shown:bronze',
      'shown:silver',
    ]);
    // A key for all strategies sees everything, as contact policies do.
    expect(kinds(await history(full, 'shared-customer'))).toEqual(
      [
        'accepted:silver',
        'clicked:silver',
        'declined:gold',
        'shown:bronze',
        'shown:bronze',
        'shown:gold',
        'shown:silver',
        'shown:silver',
      ].sort(),
    );
    // A customer only other strategies met looks new to the scoped key.
    await decide(full, theirs, 'their-customer');
    expect(await history(scoped, 'their-customer')).toEqual([]);
  });

  it("a scoped key cannot change other strategies' contact policies with outcomes", async () => {
    const offered = (res: { body: { actions: { actionId: string }[] } }) =>
      res.body.actions.map((a) => a.actionId).sort();
    const before = await decide(full, theirs, 'target');
    expect(offered(before)).toEqual(['bronze', 'gold', 'silver']);

    // No decision: the outcome would belong to every strategy.
    const bare = await rest(t, scoped)
      .post('/api/v1/outcomes', { customerId: 'target', actionId: 'gold', outcome: 'declined' })
      .expect(403);
    expect(bare.body.error).toEqual({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/decisionId/),
      details: { field: 'decisionId' },
    });
    // A decision of another strategy is unknown to it.
    const foreign = await rest(t, scoped)
      .post('/api/v1/outcomes', { decisionId: before.body.decisionId, actionId: 'gold', outcome: 'declined' })
      .expect(400);
    expect(foreign.body.error.details).toEqual([
      { field: 'decisionId', message: expect.stringMatching(/no decision/) },
    ]);
    await t.app.get(DecisionLogWriter).flush();
    await rest(t, scoped)
      .post('/api/v1/outcomes', { decisionId: before.body.decisionId, actionId: 'gold', outcome: 'declined' })
      .expect(400);

    expect(offered(await decide(full, theirs, 'target'))).toEqual(['bronze', 'gold', 'silver']);
    const stored = await t.sql.query(
      `SELECT count(*)::int AS n FROM interactions WHERE customer_id = 'target' AND outcome <> 'shown'`,
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it('keeps idempotency keys apart per API key: another caller neither reads nor pre-empts an outcome', async () => {
    const d1 = await decide(full, theirs, 'idem-a');
    const d2 = await decide(otherFull, theirs, 'idem-b');
    const first = await rest(t, full)
      .post('/api/v1/outcomes', { decisionId: d1.body.decisionId, actionId: 'gold', outcome: 'converted' })
      .set('idempotency-key', 'order-42')
      .expect(201);
    // Same key value from another API key: its own outcome, stored, nothing of the first one returned.
    const second = await rest(t, otherFull)
      .post('/api/v1/outcomes', { decisionId: d2.body.decisionId, actionId: 'silver', outcome: 'declined' })
      .set('idempotency-key', 'order-42')
      .expect(201);
    expect(second.body).toMatchObject({
      customerId: 'idem-b',
      actionId: 'silver',
      outcome: 'declined',
      replayed: false,
    });
    expect(JSON.stringify(second.body)).not.toContain('idem-a');
    // Each caller's replay answers its own first result.
    const replayFirst = await rest(t, full)
      .post('/api/v1/outcomes', { customerId: 'x', actionId: 'bronze', outcome: 'ignored' })
      .set('idempotency-key', 'order-42')
      .expect(200);
    expect(replayFirst.body).toEqual({ ...first.body, replayed: true });
    const replaySecond = await rest(t, otherFull)
      .post('/api/v1/outcomes', { customerId: 'x', actionId: 'bronze', outcome: 'ignored' })
      .set('idempotency-key', 'order-42')
      .expect(200);
    expect(replaySecond.body).toEqual({ ...second.body, replayed: true });
    // Racing requests of one key still store one row; the studio has a namespace of its own.
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        rest(t, otherFull).post('/api/v1/outcomes', {
          customerId: 'race',
          actionId: 'gold',
          outcome: 'clicked',
          idempotencyKey: 'race-1',
        }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const studio = ok(
      await t.gql(
        `mutation($i: RecordOutcomeInput!) { recordOutcome(input: $i) { replayed customerId } }`,
        { i: { customerId: 'studio', actionId: 'gold', outcome: 'clicked', idempotencyKey: 'order-42' } },
        s.designer.token,
      ),
    ).recordOutcome;
    expect(studio).toEqual({ replayed: false, customerId: 'studio' });
    const rows = await t.sql.query(
      `SELECT count(*)::int AS n FROM interactions WHERE idempotency_key IN ('order-42', 'race-1')`,
    );
    expect(rows.rows[0].n).toBe(4);
  });

  it('says in the OpenAPI document what a scoped key can see and that idempotency keys are per API key', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/api/docs').expect(200)).body;
    expect(doc.paths['/api/v1/customers/{id}/interactions'].get.description).toMatch(
      /limited to some strategies.*only the actions those strategies' decisions showed/,
    );
    expect(doc.paths['/api/v1/outcomes'].post.description).toMatch(/decisionId` is required/);
    expect(doc.paths['/api/v1/outcomes'].post.responses['403']).toBeDefined();
    expect(doc.paths['/api/v1/outcomes'].post.parameters[0].description).toMatch(/per API key/);
  });
});
