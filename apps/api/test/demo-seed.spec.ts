import { DemoSeedService } from '../src/database/demo/demo-seed.service';
import { DEMO_USERS } from '../src/database/demo/demo-data';
import { ok, startTestApp, type TestApp } from './support/test-app';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_PASSWORD: 'demo-password-for-tests' });
  });
  afterAll(() => t?.close());

  it('creates one user per role, a catalog, a schema and a valid strategy; running twice adds nothing', async () => {
    const seed = t.app.get(DemoSeedService);
    const result = await seed.seed();
    expect(result.password).toBe('demo-password-for-tests');
    await seed.seed();
    const counts = (
      await t.sql.query(
        `SELECT (SELECT count(*)::int FROM users) u, (SELECT count(*)::int FROM actions) a, (SELECT count(*)::int FROM strategies) s`,
      )
    ).rows[0];
    expect(counts).toEqual({ u: DEMO_USERS.length, a: 4, s: 1 });
    const login = ok(
      await t.gql(
        `mutation { login(email: "designer@arbiter.local", password: "demo-password-for-tests") { accessToken } }`,
      ),
    ).login;
    const strategies = ok(
      await t.gql(`{ strategies { edges { node { versions { id } } } } }`, {}, login.accessToken),
    ).strategies.edges;
    const versionId = strategies[0].node.versions[0].id;
    const validation = ok(
      await t.gql(
        `query($v: ID!) { validateVersion(versionId: $v) { valid problems { code message } } }`,
        { v: versionId },
        login.accessToken,
      ),
    ).validateVersion;
    expect(validation).toEqual({ valid: true, problems: [] });
    const decision = ok(
      await t.gql(
        `query($i: TestDecisionInput!) { testDecision(input: $i) { recommendations } }`,
        {
          i: {
            versionId,
            input: {
              customer: { age: 40, segment: 'gold', churnRisk: 0.8, hasCard: true },
              context: { channel: 'web' },
            },
          },
        },
        login.accessToken,
      ),
    ).testDecision;
    expect(decision.recommendations.map((r: { actionId: string }) => r.actionId)).not.toContain('gold-card');
    expect(decision.recommendations).toHaveLength(3);
  });

  it('publishes the demo strategy through the real flow: submitted, simulated on the coupon sample, approved, published', async () => {
    const rows = (
      await t.sql.query(
        `SELECT v.status, s.status AS simulation FROM strategy_versions v
           JOIN simulations s ON s.content_hash = v.content_hash WHERE v.number = 1`,
      )
    ).rows;
    expect(rows[0]).toMatchObject({ status: 'PUBLISHED', simulation: 'COMPLETED' });
    const trail = (await t.sql.query(`SELECT action FROM audit_log ORDER BY seq`)).rows.map(
      (r: { action: string }) => r.action,
    );
    expect(trail).toEqual(expect.arrayContaining(['version.submit', 'version.approve', 'version.publish']));
  });

  it('never runs in production', async () => {
    const seed = t.app.get(DemoSeedService) as unknown as {
      config: { env: string };
      seed(): Promise<unknown>;
    };
    const env = seed.config.env;
    seed.config.env = 'production';
    try {
      await expect(seed.seed()).rejects.toThrow(/never runs/);
    } finally {
      seed.config.env = env;
    }
  });
});
