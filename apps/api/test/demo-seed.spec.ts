import { DemoSeedService } from '../src/database/demo/demo-seed.service';
import { DEMO_ACTIONS, DEMO_STRATEGIES, DEMO_USERS } from '../src/database/demo/demo-data';
import { DEMO_FAIRNESS_JUSTIFICATION } from '../src/database/demo/publish-demo-strategy';
import { COUPON_SAMPLE, RETAIL_SAMPLE } from '../src/datasets/sample-datasets.service';
import { ok, useTestApp } from './support/test-app';

describe('demo seed', () => {
  const t = useTestApp({ DEMO_PASSWORD: 'demo-password-for-tests' });

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

  it('publishes each demo strategy after a simulation on its own business line’s sample, where it recommends something', async () => {
    const rows = (
      await t.sql.query(
        `SELECT st.name, v.status, s.status AS simulation, d.name AS dataset, s.results FROM strategy_versions v
           JOIN strategies st ON st.id = v.strategy_id
           JOIN simulations s ON s.content_hash = v.content_hash
           JOIN datasets d ON d.id = s.dataset_id WHERE v.number = 1 ORDER BY st.name`,
      )
    ).rows;
    expect(
      rows.map((r: { name: string; status: string; simulation: string; dataset: string }) => [
        r.name,
        r.status,
        r.simulation,
        r.dataset,
      ]),
    ).toEqual([
      ['Retail next best action (demo)', 'PUBLISHED', 'COMPLETED', RETAIL_SAMPLE],
      ['Vehicle coupons (demo)', 'PUBLISHED', 'COMPLETED', COUPON_SAMPLE],
    ]);
    const trail = (await t.sql.query(`SELECT action FROM audit_log ORDER BY seq`)).rows.map(
      (r: { action: string }) => r.action,
    );
    expect(trail).toEqual(expect.arrayContaining(['version.submit', 'version.approve', 'version.publish']));
    const byChannel = (channels: string[]) =>
      DEMO_ACTIONS.filter((a) => channels.includes(a.channel ?? '')).map((a) => a.id);

    // Retail offers on the retail sample: every adult gets three, minors (about 5 %) none; each offer
    // comes first for someone; no coupon is even a candidate.
    const retail = rows[0].results;
    const minors = Number(
      (
        await t.sql.query(
          `SELECT count(*) FROM dataset_rows r JOIN datasets d ON d.id = r.dataset_id
            WHERE d.name = $1 AND (r.customer->>'ageYears')::int < 18`,
          [RETAIL_SAMPLE],
        )
      ).rows[0].count,
    );
    expect(retail.rows).toBe(3000);
    expect(minors).toBeGreaterThan(0);
    expect(retail.rowsWithoutRecommendation).toBe(minors);
    expect(retail.recommendations).toBe(3 * (retail.rows - minors));
    const retailTops = retail.actions.filter((a: { top: number }) => a.top > 0);
    expect(retailTops.map((a: { actionId: string }) => a.actionId).sort()).toEqual(
      byChannel(['web', 'app', 'call-center']).sort(),
    );
    // Replayed on the campaign's random offers, its first offers are taken more often than those were.
    expect(retail.offPolicy.top.snips.interval.low).toBeGreaterThan(retail.offPolicy.top.observed.value);
    expect(
      retail.actions.every(
        (a: { actionId: string; eligible: number }) =>
          a.eligible === 0 || byChannel(['web', 'app', 'call-center']).includes(a.actionId),
      ),
    ).toBe(true);

    // The coupon strategy is the one written for the coupon survey: most drivers get a coupon, several
    // kinds come first, and the acceptance models give expected acceptances.
    const coupons = rows[1].results;
    expect(coupons.rows).toBe(12684);
    expect(coupons.rowsWithoutRecommendation).toBeLessThan(coupons.rows / 10);
    const tops = coupons.actions.filter((a: { top: number }) => a.top > 0);
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(tops.every((a: { actionId: string }) => byChannel(['in-car']).includes(a.actionId))).toBe(true);
    const accepted = coupons.actions.reduce(
      (sum: number, a: { expectedAcceptances: number }) => sum + a.expectedAcceptances,
      0,
    );
    expect(accepted).toBeGreaterThan(coupons.rows * 0.5);
  });

  it('keeps the business lines apart: each field is described by its demo, and each strategy reads only its own line’s fields, all in its dataset', async () => {
    const fields = (
      await t.sql.query(`SELECT scope, name, description FROM schema_fields WHERE scope = 'customer'`)
    ).rows as { name: string; description: string }[];
    const line = (prefix: string) =>
      fields.filter((f) => f.description?.startsWith(prefix)).map((f) => f.name);
    const retailFields = line('Retail demo');
    const couponFields = line('Coupon demo');
    expect(retailFields.sort()).toEqual(['ageYears', 'churnRisk', 'hasCard', 'segment']);
    expect(couponFields).toHaveLength(23); // every column of the coupon survey but the offer and the answer
    expect(retailFields.length + couponFields.length).toBe(fields.length);

    // What a version reads is copied into it: the fields a test customer of that strategy needs.
    const versions = (
      await t.sql.query(
        `SELECT st.name, v.environment, s.id AS simulation FROM strategy_versions v
           JOIN strategies st ON st.id = v.strategy_id
           JOIN simulations s ON s.content_hash = v.content_hash WHERE v.number = 1 ORDER BY st.name`,
      )
    ).rows as {
      name: string;
      environment: { schema: { customer: { name: string }[] } };
      simulation: string;
    }[];
    const reads = versions.map((v) => v.environment.schema.customer.map((f) => f.name));
    expect(reads[0]!.sort()).toEqual(['ageYears', 'churnRisk', 'hasCard', 'segment']);
    expect(reads[1]!.length).toBeGreaterThan(5);
    expect(reads[1]!.every((name) => couponFields.includes(name))).toBe(true);
    const analyst = ok(
      await t.gql(
        `mutation { login(email: "analyst@arbiter.local", password: "demo-password-for-tests") { accessToken } }`,
      ),
    ).login.accessToken;
    for (const version of versions) {
      const warnings = ok(
        await t.gql(
          `query($id: ID!) { simulation(id: $id) { dataWarnings } }`,
          { id: version.simulation },
          analyst,
        ),
      ).simulation.dataWarnings;
      expect({ strategy: version.name, warnings }).toEqual({ strategy: version.name, warnings: [] });
    }
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
    // The retail sample holds neither age band nor gender: nothing to compare, no justification.
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
