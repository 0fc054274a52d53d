import { DemoSeedService } from '../src/database/demo/demo-seed.service';
import { DEMO_ACTIONS, DEMO_STRATEGIES, DEMO_USERS } from '../src/database/demo/demo-data';
import { DEMO_FAIRNESS_JUSTIFICATION } from '../src/database/demo/publish-demo-strategy';
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

  it('marks age band and gender protected: the coupon strategy’s evidence shows the failed fairness check, and its approval says why', async () => {
    const marked = (
      await t.sql.query(`SELECT name FROM schema_fields WHERE protected ORDER BY name`)
    ).rows.map((r: { name: string }) => r.name);
    expect(marked).toEqual(['age', 'gender']);
    const reviewer = ok(
      await t.gql(
        `mutation { login(email: "reviewer@arbiter.local", password: "demo-password-for-tests") { accessToken } }`,
      ),
    ).login.accessToken;
    const versions = (
      await t.sql.query(
        `SELECT st.name, v.id, s.id AS simulation FROM strategy_versions v
           JOIN strategies st ON st.id = v.strategy_id
           JOIN simulations s ON s.content_hash = v.content_hash WHERE v.number = 1 ORDER BY st.name`,
      )
    ).rows as { name: string; id: string; simulation: string }[];
    const [retail, coupons] = versions;
    const check = async (simulation: string) =>
      ok(
        await t.gql(
          `query($id: ID!) { simulation(id: $id) { fairnessCheck { status summary findings fields { label } } } }`,
          { id: simulation },
          reviewer,
        ),
      ).simulation.fairnessCheck;
    // The coupon models read age band and gender; bar coupons skip drivers under 21.
    const couponCheck = await check(coupons!.simulation);
    expect(couponCheck.status).toBe('FAILED');
    expect(couponCheck.fields.map((f: { label: string }) => f.label)).toEqual(['age band', 'gender']);
    expect(couponCheck.findings).toContainEqual(
      expect.stringMatching(/^age band below21 gets 'Bar coupon, valid 1 day' first at 0\.0%/),
    );
    // The retail strategy recommends nothing on the coupon sample: nothing to compare, no justification.
    expect((await check(retail!.simulation)).status).not.toBe('FAILED');
    const justifications = (
      await t.sql.query(
        `SELECT version_id, body FROM review_comments WHERE kind = 'JUSTIFICATION' ORDER BY created_at`,
      )
    ).rows as { version_id: string; body: string }[];
    expect(justifications).toEqual([{ version_id: coupons!.id, body: DEMO_FAIRNESS_JUSTIFICATION }]);
    const approval = (
      await t.sql.query(`SELECT comment FROM audit_log WHERE action = 'version.approve' AND entity_id = $1`, [
        coupons!.id,
      ])
    ).rows[0];
    expect(approval.comment).toMatch(/fairness check failed \(age band below21 gets 'Bar coupon/);
    expect(approval.comment).toContain('justification: Demo data only.');
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
