import { DemoSeedService } from '../src/database/demo/demo-seed.service';
import { DEMO_ACTIONS, DEMO_STRATEGIES, DEMO_USERS } from '../src/database/demo/demo-data';
import { ok, startTestApp, type TestApp } from './support/test-app';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_PASSWORD: 'demo-password-for-tests' });
  });
  afterAll(() => t?.close());

  it('creates one user per role, a catalog, a schema and two valid strategies; running twice adds nothing', async () => {
    const seed = t.app.get(DemoSeedService);
    const result = await seed.seed();
    expect(result.password).toBe('demo-password-for-tests');
    await seed.seed();
    const counts = (
      await t.sql.query(
        `SELECT (SELECT count(*)::int FROM users) u, (SELECT count(*)::int FROM actions) a, (SELECT count(*)::int FROM strategies) s`,
      )
    ).rows[0];
    expect(counts).toEqual({ u: DEMO_USERS.length, a: 14, s: 2 });
    expect(DEMO_ACTIONS).toHaveLength(14);
    const login = ok(
      await t.gql(
        `mutation { login(email: "designer@arbiter.local", password: "demo-password-for-tests") { accessToken } }`,
      ),
    ).login;
    const strategies = ok(
      await t.gql(`{ strategies { edges { node { name versions { id } } } } }`, {}, login.accessToken),
    ).strategies.edges;
    // Listed by name: the retail strategy first (the tests that take the first strategy rely on it).
    expect(strategies.map((e: { node: { name: string } }) => e.node.name)).toEqual(
      DEMO_STRATEGIES.map((s) => s.name),
    );
    for (const { node } of strategies) {
      const validation = ok(
        await t.gql(
          `query($v: ID!) { validateVersion(versionId: $v) { valid problems { code message } } }`,
          { v: node.versions[0].id },
          login.accessToken,
        ),
      ).validateVersion;
      expect({ strategy: node.name, ...validation }).toEqual({
        strategy: node.name,
        valid: true,
        problems: [],
      });
    }
    const versionId = strategies[0].node.versions[0].id;
    const decision = ok(
      await t.gql(
        `query($i: TestDecisionInput!) { testDecision(input: $i) { recommendations } }`,
        {
          i: {
            versionId,
            input: {
              customer: { ageYears: 40, segment: 'gold', churnRisk: 0.8, hasCard: true },
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

  it('publishes both demo strategies through the real flow: submitted, simulated on the coupon sample, approved, published', async () => {
    const rows = (
      await t.sql.query(
        `SELECT st.name, v.status, s.status AS simulation, s.results FROM strategy_versions v
           JOIN strategies st ON st.id = v.strategy_id
           JOIN simulations s ON s.content_hash = v.content_hash WHERE v.number = 1 ORDER BY st.name`,
      )
    ).rows;
    expect(
      rows.map((r: { name: string; status: string; simulation: string }) => [r.name, r.status, r.simulation]),
    ).toEqual(DEMO_STRATEGIES.map((s) => [s.name, 'PUBLISHED', 'COMPLETED']));
    const trail = (await t.sql.query(`SELECT action FROM audit_log ORDER BY seq`)).rows.map(
      (r: { action: string }) => r.action,
    );
    expect(trail).toEqual(expect.arrayContaining(['version.submit', 'version.approve', 'version.publish']));

    // The coupon strategy is the one written for that data: most drivers get a coupon, several kinds
    // come first, and the acceptance models give expected acceptances.
    const coupons = rows[1].results;
    expect(coupons.rows).toBe(12684);
    expect(coupons.rowsWithoutRecommendation).toBeLessThan(coupons.rows / 10);
    const tops = coupons.actions.filter((a: { top: number }) => a.top > 0);
    expect(tops.length).toBeGreaterThanOrEqual(4);
    const inCar = DEMO_ACTIONS.filter((a) => a.channel === 'in-car').map((a) => a.id);
    expect(tops.every((a: { actionId: string }) => inCar.includes(a.actionId))).toBe(true);
    const accepted = coupons.actions.reduce(
      (sum: number, a: { expectedAcceptances: number }) => sum + a.expectedAcceptances,
      0,
    );
    expect(accepted).toBeGreaterThan(coupons.rows * 0.5);
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
