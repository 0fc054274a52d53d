import request from 'supertest';
import { rest, within, type Published } from './support/decision-api';
import { Scenario } from './support/scenario';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { Role, type TestApp, useTwoInstances } from './support/test-app';
import { atLeast, eligibilityDoc } from './support/fixtures';
import { publishProfileStrategy } from './support/profiles';

/** A premium offer for a balance of at least 1,000; a service call for everyone. */
const PREMIUM_DOC = eligibilityDoc({ premium: atLeast('balance', 1000) });

/**
 * Two API instances on one database and one Redis, each with its own profile cache and its own
 * Redis connections: an upsert through A reaches B's cache over pub/sub, so B's next decision reads
 * the new value (B cached the old one first, and the cache keeps an entry for minutes otherwise).
 */
describe('profile cache across two API instances (PostgreSQL + Redis pub/sub)', () => {
  const prefix = uniquePrefix('profile-cache');
  const { a, b } = useTwoInstances({ REDIS_URL, REDIS_PREFIX: prefix });
  let key: string;
  let strategy: Published;

  beforeAll(async () => {
    const s = await new Scenario(a).init();
    const admin = await a.user([Role.admin]);
    ({ strategy, key } = await publishProfileStrategy(a, s, admin.token, {
      actions: [
        { id: 'premium', name: 'Premium' },
        { id: 'service-call', name: 'Service call' },
      ],
      fields: [{ name: 'balance', type: 'number' }],
      sources: ['billing'],
      document: PREMIUM_DOC,
      name: 'Premium',
    }));
  });
  afterAll(() => dropPrefix(prefix));

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
