import { deactivateUser } from './support/fixtures';
import { errorCode, ok, Role, TEST_PASSWORD, useTestApp, useUser } from './support/test-app';

describe('users and roles (admin)', () => {
  const t = useTestApp();
  const admin = useUser(t, [Role.admin]);

  it('creates users, changes their roles at once (no new sign-in needed), and audits it without the password', async () => {
    const created = ok(
      await t.gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id email roles active } }`,
        { i: { email: 'Ana@Example.com', displayName: 'Ana', password: TEST_PASSWORD, roles: ['designer'] } },
        admin.token,
      ),
    ).createUser;
    expect(created).toMatchObject({ email: 'Ana@Example.com', roles: ['designer'], active: true });
    expect(
      errorCode(
        await t.gql(
          `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
          { i: { email: 'ana@example.com', displayName: 'Ana 2', password: TEST_PASSWORD, roles: [] } },
          admin.token,
        ),
      ),
    ).toBe('CONFLICT');
    const login = ok(
      await t.gql(
        `mutation { login(email: "ana@example.com", password: "${TEST_PASSWORD}") { accessToken } }`,
      ),
    ).login;
    expect(errorCode(await t.gql(`{ auditLog { edges { cursor } } }`, {}, login.accessToken))).toBe(
      'FORBIDDEN',
    );
    ok(
      await t.gql(
        `mutation($u: ID!) { setUserRoles(userId: $u, roles: [designer, reviewer]) { roles } }`,
        { u: created.id },
        admin.token,
      ),
    );
    ok(await t.gql(`{ auditLog { edges { cursor } } }`, {}, login.accessToken));
    const entries = (
      await t.sql.query(
        `SELECT action, before_hash, after_hash FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
        [created.id],
      )
    ).rows;
    expect(entries.map((e) => e.action)).toEqual(['user.create', 'user.roles']);
    expect(entries[1].before_hash).not.toBe(entries[1].after_hash);
    const users = ok(
      await t.gql(`{ users(page: { first: 10 }) { edges { node { email } } } }`, {}, admin.token),
    ).users.edges.map((e: { node: { email: string } }) => e.node.email);
    expect(users).toContain('Ana@Example.com');
  });

  it('keeps at least one active admin', async () => {
    const res = await t.gql(
      `mutation($u: ID!) { setUserRoles(userId: $u, roles: [designer]) { roles } }`,
      { u: admin.id },
      admin.token,
    );
    expect(errorCode(res)).toBe('INVALID_STATE');
    expect(errorCode(await deactivateUser(t, admin.token, admin.id))).toBe('INVALID_STATE');
    const second = await t.user([Role.admin]);
    ok(
      await t.gql(
        `mutation($u: ID!) { setUserRoles(userId: $u, roles: [designer]) { roles } }`,
        { u: admin.id },
        second.token,
      ),
    );
    expect(errorCode(await t.gql(`{ users { edges { cursor } } }`, {}, admin.token))).toBe('FORBIDDEN');
  });

  it('unknown users are NOT_FOUND', async () => {
    const other = await t.user([Role.admin]);
    expect(
      errorCode(
        await t.gql(
          `mutation { setUserActive(userId: "00000000-0000-4000-8000-000000000000", active: false) { id } }`,
          {},
          other.token,
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});
