import request from 'supertest';
import { DecisionLogWriter } from '../src/decision-log/decision-log.writer';
import { createApiKey, publishStrategy, rest, within } from './support/decision-api';
import { VALID_DOC, createActions } from './support/fixtures';
import { Scenario } from './support/scenario';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { Role, startTestApp, type TestApp } from './support/test-app';

/**
 * The database cut off through a TCP proxy (issue 15, item 6): callers get retryable answers (REST
 * 503 + Retry-After, GraphQL UNAVAILABLE), never INTERNAL; decisions made meanwhile are written
 * once the database is back, exactly once each.
 */
describe('database outage', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let s: Scenario;
  let key: string;
  let strategyId: string;

  beforeAll(async () => {
    proxy = await startTcpProxy(5432);
    t = await startTestApp(
      {},
      { connectThrough: (url) => url.replace(/@[^/]+\//, `@127.0.0.1:${proxy.port}/`) },
    );
    s = await new Scenario(t).init();
    await createActions(t, s.designer.token, [{ id: 'offer-a', name: 'Offer A' }]);
    strategyId = (await publishStrategy(t, s, VALID_DOC)).strategyId;
    key = (await createApiKey(t, (await t.user([Role.admin])).token)).secret;
  });
  afterAll(async () => {
    proxy?.restore();
    await t?.close();
    await proxy?.close();
  });

  const decide = (customerId: string) =>
    rest(t, key).post('/api/v1/decisions', { strategy: strategyId, customer: { id: customerId } });

  it('answers 503 with Retry-After (REST) and UNAVAILABLE (GraphQL) while the database is away, and loses no decision', async () => {
    const answered: string[] = [];
    const known = await decide('known');
    expect(known.status).toBe(200);
    answered.push(known.body.decisionId);
    await t.app.get(DecisionLogWriter).flush();

    proxy.cut();
    // A new customer needs its history from the database.
    const fresh = await decide('new-customer');
    expect(fresh.status).toBe(503);
    expect(fresh.headers['retry-after']).toBe('2');
    expect(fresh.body.error.code).toBe('UNAVAILABLE');
    expect(fresh.body.error.message).toMatch(/database is out of reach/);

    const strategies = await t.gql(`{ strategies { edges { node { id } } } }`, {}, s.designer.token);
    expect(strategies.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(strategies.errors?.[0]?.extensions?.retryable).toBe(true);

    const ready = await request(t.app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(503);
    const live = await request(t.app.getHttpServer()).get('/health/live');
    expect(live.status).toBe(200);

    // A customer whose history is cached is still decided; the row waits in the buffer.
    const cached = await decide('known');
    expect(cached.status).toBe(200);
    answered.push(cached.body.decisionId);
    await t.app.get(DecisionLogWriter).flush();
    expect(t.app.get(DecisionLogWriter).pendingCount).toBe(1);

    proxy.restore();
    expect(
      await within(10_000, async () => (await decide('new-customer')).status === 200),
    ).toBeGreaterThanOrEqual(0);
    const after = await decide('after');
    expect(after.status).toBe(200);
    answered.push(after.body.decisionId);
    await t.app.get(DecisionLogWriter).flush();
    const logged = (
      await t.sql.query(`SELECT id FROM decision_log WHERE customer_id IN ('known', 'after')`)
    ).rows.map((r) => r.id);
    expect(logged.sort()).toEqual([...answered].sort());
  });
});
