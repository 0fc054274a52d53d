import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApiKey, publishStrategy, rest, within, type Published } from './support/decision-api';
import { Scenario } from './support/scenario';
import { ok, Role, startTestApp, type TestApp, secondInstance } from './support/test-app';
import { eligibilityDoc } from './support/fixtures';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A premium offer for a balance of at least 1,000; a service call for everyone. */
const PREMIUM_DOC = eligibilityDoc({
  premium: {
    all: [{ fact: 'customer', path: '$.balance', operator: 'greaterThanInclusive', value: 1000 }],
  },
});

/**
 * Two API instances on one database and one Redis, each with its own profile cache and its own
 * Redis connections: an upsert through A reaches B's cache over pub/sub, so B's next decision reads
 * the new value (B cached the old one first, and the cache keeps an entry for minutes otherwise).
 */
describe('profile cache across two API instances (PostgreSQL + Redis pub/sub)', () => {
  const prefix = `arbiter_test_${randomBytes(4).toString('hex')}`;
  const env = { REDIS_URL, REDIS_PREFIX: prefix };
  let a: TestApp;
  let b: NestExpressApplication;
  let key: string;
  let strategy: Published;

  beforeAll(async () => {
    a = await startTestApp(env);
    b = await secondInstance(a, env);
    const s = await new Scenario(a).init();
    const admin = await a.user([Role.admin]);
    for (const i of [
      { id: 'premium', name: 'Premium' },
      { id: 'service-call', name: 'Service call' },
    ])
      ok(
        await a.gql(
          `mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`,
          { i },
          s.designer.token,
        ),
      );
    ok(
      await a.gql(
        `mutation { defineSchemaField(input: { scope: customer, name: "balance", type: number }) { name } }`,
        {},
        s.designer.token,
      ),
    );
    ok(await a.gql(`mutation { declareProfileSource(name: "billing") { name } }`, {}, admin.token));
    strategy = await publishStrategy(a, s, PREMIUM_DOC, 'Premium');
    key = (await createApiKey(a, admin.token)).secret;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  const upsert = (app: Pick<TestApp, 'app'>, balance: number) =>
    request(app.app.getHttpServer())
      .put('/api/v1/customers/TWO-1')
      .set('authorization', `Bearer ${key}`)
      .send({ source: 'billing', fields: { balance } })
      .expect(200);
  const offers = async (app: Pick<TestApp, 'app'>) => {
    const res = await rest(app, key)
      .post('/api/v1/decisions', { strategy: strategy.strategyId, customer: { id: 'TWO-1' } })
      .expect(200);
    return (res.body.actions as { actionId: string }[]).map((x) => x.actionId).sort();
  };

  it('an upsert on one instance invalidates the other’s cached profile: its next decision reads the new value', async () => {
    await upsert(a, 10);
    // B reads (and caches) the low balance: no premium offer.
    expect(await offers({ app: b })).toEqual(['service-call']);
    expect(await offers({ app: b })).toEqual(['service-call']);

    await upsert(a, 5000);
    expect(
      await within(15_000, async () => (await offers({ app: b })).includes('premium')),
    ).toBeGreaterThanOrEqual(0);

    // And the other way round: B writes, A (which cached 5000 meanwhile) follows.
    expect(await offers(a)).toEqual(['premium', 'service-call']);
    await upsert({ app: b }, 20);
    expect(await within(15_000, async () => !(await offers(a)).includes('premium'))).toBeGreaterThanOrEqual(
      0,
    );
  });
});
