import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { dummyPasswordHash, hashPassword } from '../src/auth/passwords';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import {
  errorCode,
  ok,
  Role,
  startTestApp,
  TEST_PASSWORD,
  type GqlResponse,
  type TestApp,
  useTestApp,
} from './support/test-app';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const ME = `{ me { id } }`;

/** A login from a given client address (the app trusts X-Forwarded-For from loopback in these tests). */
async function loginFrom(t: TestApp, address: string, email: string, password: string): Promise<GqlResponse> {
  const res = await request(t.app.getHttpServer())
    .post('/graphql')
    .set('x-forwarded-for', address)
    .send({ query: LOGIN, variables: { e: email, p: password } });
  return {
    status: res.status,
    data: res.body?.data ?? null,
    errors: res.body?.errors,
    headers: res.headers as Record<string, string>,
  };
}

/** What a caller can observe of a failed sign-in: HTTP status, code, message, Retry-After. */
const observed = (res: GqlResponse) => ({
  status: res.status,
  code: errorCode(res),
  message: res.errors?.[0]?.message,
  retryAfter: res.headers['retry-after'] ?? null,
});

describe('access tokens', () => {
  const t = useTestApp();
  let jwt: JwtService;
  let userId: string;
  beforeAll(async () => {
    jwt = t.app.get(JwtService);
    userId = (await t.user([Role.designer])).id;
  });

  const me = (token: string) => t.gql(ME, {}, token);
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a token as login issues it', async () => {
    expect(ok(await me(await jwt.signAsync({ sub: userId }, { expiresIn: 60 }))).me.id).toBe(userId);
  });

  it.each([
    ['a subject that is not a user id', () => jwt.signAsync({ sub: 'not-a-uuid' }, { expiresIn: 60 })],
    ['a numeric subject', () => jwt.signAsync({ sub: 42 } as unknown as object, { expiresIn: 60 })],
    ['no subject', () => jwt.signAsync({ role: 'admin' }, { expiresIn: 60 })],
    ['no expiry', () => jwt.signAsync({ sub: userId })],
    [
      'an issue time in the future',
      () => jwt.signAsync({ sub: userId, iat: now() + 3600 }, { expiresIn: 60 }),
    ],
    ['no issue time', () => jwt.signAsync({ sub: userId, exp: now() + 60 }, { noTimestamp: true })],
    [
      'a lifetime longer than the API issues',
      () => jwt.signAsync({ sub: userId }, { expiresIn: 365 * 86_400 }),
    ],
  ])('refuses a correctly signed token with %s as UNAUTHENTICATED', async (_, sign) => {
    const res = await me(await sign());
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/invalid or expired/),
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
  });
});

describe('sign-in throttling (in this process, no Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '6',
      LOGIN_LOCKOUT_SECONDS: '600',
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(() => t?.close());

  it('locks an account out after 3 failures with 429 + Retry-After, also for the right password, and audits it once', async () => {
    const victim = await t.user([Role.admin], 'victim');
    const attempts: ReturnType<typeof observed>[] = [];
    for (let i = 0; i < 5; i++)
      attempts.push(observed(await loginFrom(t, '203.0.113.1', victim.email, `guess-${i}`)));
    expect(attempts.slice(0, 3).map((a) => a.code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    for (const locked of attempts.slice(3)) {
      expect(locked).toEqual({
        status: 429,
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/Too many failed sign-ins.*try again in \d+ s/),
        retryAfter: expect.stringMatching(/^\d+$/),
      });
      expect(Number(locked.retryAfter)).toBeGreaterThan(500);
      expect(Number(locked.retryAfter)).toBeLessThanOrEqual(600);
    }
    // Locked means locked: the right password does not get in either, from another address neither.
    const right = await loginFrom(t, '203.0.113.2', victim.email, TEST_PASSWORD);
    expect(errorCode(right)).toBe('RATE_LIMITED');
    expect(right.errors![0]!.extensions!['retryAfterSeconds']).toEqual(Number(right.headers['retry-after']));
    const audit = await t.sql.query(
      `SELECT action, entity_type, entity_id, comment, actor_id FROM audit_log WHERE action = 'auth.lockout' AND entity_id = $1`,
      [victim.id],
    );
    expect(audit.rows).toEqual([
      {
        action: 'auth.lockout',
        entity_type: 'user',
        entity_id: victim.id,
        actor_id: null,
        comment: expect.stringMatching(/3 failed sign-ins.*600 s/),
      },
    ]);
    // Other accounts are not affected.
    const other = await t.user([Role.designer], 'bystander');
    ok(await loginFrom(t, '203.0.113.3', other.email, TEST_PASSWORD));
  });

  it('answers an unknown account exactly like a known one, so lockouts do not reveal which accounts exist', async () => {
    const known = await t.user([Role.designer], 'known');
    const sequence = async (email: string, address: string) => {
      const out: ReturnType<typeof observed>[] = [];
      for (let i = 0; i < 5; i++) out.push(observed(await loginFrom(t, address, email, `wrong-${i}`)));
      // Retry-After counts down with the clock; compare its presence.
      return out.map((o) => ({
        ...o,
        message: o.message?.replace(/\d+ s/, 'N s'),
        retryAfter: o.retryAfter === null ? null : 'set',
      }));
    };
    const forKnown = await sequence(known.email, '198.51.100.10');
    const forUnknown = await sequence('nobody-at-all@test.local', '198.51.100.11');
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown.map((o) => o.status)).toEqual([200, 200, 200, 429, 429]);
    // The lockout of an unknown account is audited too (without the made-up email).
    const audit = await t.sql.query(
      `SELECT entity_type, entity_id FROM audit_log WHERE action = 'auth.lockout' AND entity_type = 'signIn'`,
    );
    expect(audit.rows).toEqual([{ entity_type: 'signIn', entity_id: null }]);
  });

  it('verifies unknown accounts against a dummy hash of the same cost as a real one', async () => {
    const params = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(params(await dummyPasswordHash())).toBe(params(await hashPassword('whatever-password')));
    expect(params(await dummyPasswordHash())).toMatch(/^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
  });

  it('locks a client address out after 6 failures on any accounts, and audits it', async () => {
    const address = '192.0.2.77';
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(errorCode(await loginFrom(t, address, `spray-${i}@test.local`, 'Winter2026!')));
    expect(codes).toEqual(Array(6).fill('UNAUTHENTICATED'));
    const someone = await t.user([Role.analyst], 'sprayed');
    const blocked = await loginFrom(t, address, someone.email, TEST_PASSWORD);
    expect(observed(blocked)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    // Another address signs in to the same account as usual.
    ok(await loginFrom(t, '192.0.2.78', someone.email, TEST_PASSWORD));
    const audit = await t.sql.query(
      `SELECT entity_type, entity_id FROM audit_log WHERE action = 'auth.lockout' AND entity_type = 'clientAddress'`,
    );
    expect(audit.rows).toEqual([{ entity_type: 'clientAddress', entity_id: address }]);
  });

  it('counts parallel guesses before checking them: no more than the limit are ever tried', async () => {
    const target = await t.user([Role.publisher], 'parallel');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => loginFrom(t, `10.1.0.${i}`, target.email, `parallel-${i}`)),
    );
    const codes = results.map((r) => errorCode(r)).sort();
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
  });
});

describe('sign-in throttling with Redis (shared by every API instance)', () => {
  const prefix = uniquePrefix('login');
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      RUN_WORKER: 'false',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '2',
      LOGIN_LOCKOUT_SECONDS: '300',
      TRUST_PROXY: 'loopback',
    };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await dropPrefix(prefix);
  });

  it('failures on one instance lock the account on the other', async () => {
    const email = 'shared-target@test.local';
    expect(errorCode(await loginFrom(a, '203.0.113.50', email, 'one'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await loginFrom(b, '203.0.113.51', email, 'two'))).toBe('UNAUTHENTICATED');
    const third = await loginFrom(a, '203.0.113.52', email, 'three');
    expect(observed(third)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(observed(await loginFrom(b, '203.0.113.53', email, 'four'))).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
    });
  });
});
