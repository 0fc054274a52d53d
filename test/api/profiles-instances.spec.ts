import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { ok, startApi, type RunningApi } from './api-process';

const PASSWORD = 'e2e-profiles-password';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DEMO_STRATEGY = 'Retail next best action (demo)';

interface Decision {
  customerSources?: { field: string; from: string; source?: string; updatedAt?: string }[];
}

/**
 * Two API processes (the built API, as an operator runs it) on one PostgreSQL database and one
 * Redis: a profile upsert through one reaches the other's profile cache over Redis pub/sub, so its
 * next decision reads the new value. Each process caches a profile for 5 minutes otherwise.
 */
describe('profiles: an upsert on one API process, the next decision on another reads it', () => {
  const prefix = `arbiter_e2e_${randomBytes(4).toString('hex')}`;
  const redis = { REDIS_URL, REDIS_PREFIX: prefix };
  let a: RunningApi;
  let b: RunningApi;
  let key: string;

  beforeAll(async () => {
    a = await startApi({ DEMO_SEED: 'true', DEMO_PASSWORD: PASSWORD, ...redis });
    b = await startApi({ DATABASE_URL: a.databaseUrl!, DEMO_SEED: 'false', ...redis });
    const token = ok(
      await a.gql<{ login: { accessToken: string } }>(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
        { e: 'admin@arbiter.local', p: PASSWORD },
      ),
    ).login.accessToken;
    ok(await a.gql(`mutation { declareProfileSource(name: "crm") { name } }`, {}, token));
    key = ok(
      await a.gql<{ createApiKey: { secret: string } }>(
        `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`,
        { i: { name: 'profiles e2e' } },
        token,
      ),
    ).createApiKey.secret;
  }, 240_000);

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    const client = new Redis(REDIS_URL);
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length) await client.del(...keys);
    await client.quit();
  });

  const call = async (api: RunningApi, method: string, path: string, body: unknown) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return res.json();
  };
  const upsert = (api: RunningApi, updatedAt: string) =>
    call(api, 'PUT', '/api/v1/customers/E2E-1', {
      source: 'crm',
      updatedAt,
      fields: { segment: 'gold', churnRisk: 0.6, hasCard: true },
    });
  /** The source times of the profile fields the decision read, e.g. ["2026-01-01T00:00:00.000Z"]. */
  const profileTimes = async (api: RunningApi): Promise<string[]> => {
    const decision = (await call(api, 'POST', '/api/v1/decisions', {
      strategy: DEMO_STRATEGY,
      customer: { id: 'E2E-1' },
      explain: true,
    })) as Decision;
    return [
      ...new Set(
        (decision.customerSources ?? []).filter((s) => s.from === 'profile').map((s) => s.updatedAt!),
      ),
    ];
  };
  /** Polls until `check` holds; a generous deadline for loaded machines, no timing asserted. */
  const eventually = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
    return true;
  };

  it('B caches the profile, A upserts a newer one, B’s next decisions read it (and the other way round)', async () => {
    await upsert(a, '2026-01-01T00:00:00Z');
    expect(await profileTimes(b)).toEqual(['2026-01-01T00:00:00.000Z']);
    expect(await profileTimes(a)).toEqual(['2026-01-01T00:00:00.000Z']);

    await upsert(a, '2026-02-01T00:00:00Z');
    expect(await eventually(async () => (await profileTimes(b)).join() === '2026-02-01T00:00:00.000Z')).toBe(
      true,
    );

    await upsert(b, '2026-03-01T00:00:00Z');
    expect(await eventually(async () => (await profileTimes(a)).join() === '2026-03-01T00:00:00.000Z')).toBe(
      true,
    );
  });
});
