import request from 'supertest';
import { deactivateUser } from './support/fixtures';
import { errorCode, ok, Role, TEST_PASSWORD, useTestApp } from './support/test-app';

describe('API basics', () => {
  const t = useTestApp();

  it('answers /health/live and /health/ready without a token', async () => {
    await request(t.app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
  });

  it('signs in, tells who is signed in, refreshes once, and echoes the request id', async () => {
    const designer = await t.user([Role.designer]);
    const me = await t.gql(`{ me { email roles } }`, {}, designer.token);
    expect(ok(me).me).toEqual({ email: designer.email, roles: ['designer'] });

    const login = ok(
      await t.gql(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken expiresIn } }`,
        { e: designer.email, p: TEST_PASSWORD },
      ),
    );
    const first = login.login.refreshToken;
    const refreshed = ok(
      await t.gql(`mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken refreshToken } }`, {
        r: first,
      }),
    );
    expect(refreshed.refreshToken.accessToken).toEqual(expect.any(String));
    const reused = await t.gql(`mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }`, {
      r: first,
    });
    expect(errorCode(reused)).toBe('UNAUTHENTICATED');
    // Reuse of a used token revokes the whole family, including the one issued in between.
    const second = await t.gql(`mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }`, {
      r: refreshed.refreshToken.refreshToken,
    });
    expect(errorCode(second)).toBe('UNAUTHENTICATED');

    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('x-request-id', 'req-123')
      .send({ query: '{ __typename }' });
    expect(res.headers['x-request-id']).toBe('req-123');
  });

  it('refuses wrong passwords and missing or bad tokens with UNAUTHENTICATED', async () => {
    const user = await t.user([Role.analyst]);
    expect(
      errorCode(
        await t.gql(
          `mutation { login(email: "${user.email}", password: "wrong-password!!") { accessToken } }`,
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      errorCode(
        await t.gql(
          `mutation { login(email: "nobody@test.local", password: "wrong-password!!") { accessToken } }`,
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`{ me { email } }`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`{ me { email } }`, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
  });

  it('limits query depth and cost, and reports malformed queries as BAD_REQUEST without stack traces', async () => {
    const admin = await t.user([Role.admin]);
    const deep = `{ __schema { types { fields { type { ${'ofType { '.repeat(8)} name ${'} '.repeat(8)} } } } } }`;
    const tooDeep = await t.gql(deep, {}, admin.token);
    expect(errorCode(tooDeep)).toBe('BAD_REQUEST');
    // A full page with every field is fine; the same page asked for under many aliases is not.
    const fullPage = `actions(page: { first: 100 }) { edges { cursor node { id name group channel value cost validFrom validTo tags attributes revision createdAt updatedAt } } pageInfo { hasNextPage endCursor } }`;
    expect((await t.gql(`{ ${fullPage} }`, {}, admin.token)).errors).toBeUndefined();
    const tooCostly = await t.gql(
      `{ ${Array.from({ length: 4 }, (_, i) => `a${i}: ${fullPage}`).join(' ')} }`,
      {},
      admin.token,
    );
    expect(errorCode(tooCostly)).toBe('BAD_REQUEST');
    expect(tooCostly.status).toBe(400);
    expect(tooCostly.errors![0]!.message).toMatch(
      /^The query costs \d+ points, more than the limit of 5000; ask for fewer items or fields\.$/,
    );
    const malformed = await t.gql(`{ me { `, {}, admin.token);
    expect(errorCode(malformed)).toBe('BAD_REQUEST');
    const unknownField = await t.gql(`{ me { password } }`, {}, admin.token);
    expect(errorCode(unknownField)).toBe('BAD_REQUEST');
    expect(JSON.stringify([tooDeep, malformed, unknownField])).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('reports unexpected failures as INTERNAL with a generic message and nothing of the cause', async () => {
    const analyst = await t.user([Role.analyst]);
    await t.sql.query('ALTER TABLE simulations RENAME TO simulations_away');
    try {
      const res = await t.gql(`{ simulations(contentHash: "${'a'.repeat(64)}") { id } }`, {}, analyst.token);
      expect(res.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error. The details are in the server log.',
          extensions: { code: 'INTERNAL' },
        }),
      ]);
      expect(JSON.stringify(res.errors![0]!.extensions)).not.toMatch(/relation|stack|query/i);
      expect(Object.keys(res.errors![0]!)).toEqual(['message', 'locations', 'path', 'extensions']);
    } finally {
      await t.sql.query('ALTER TABLE simulations_away RENAME TO simulations');
    }
  });

  it('refuses a user whose token is valid but who was deactivated', async () => {
    const admin = await t.user([Role.admin]);
    const victim = await t.user([Role.designer]);
    ok(await deactivateUser(t, admin.token, victim.id));
    expect(errorCode(await t.gql(`{ me { email } }`, {}, victim.token))).toBe('UNAUTHENTICATED');
  });
});
