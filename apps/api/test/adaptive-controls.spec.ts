import request from 'supertest';
import { publishNewVersion, rest } from './support/decision-api';
import {
  useAdaptiveSetup,
  createModel,
  decide,
  decideAndReport,
  eventually,
  FAST_LEARNER,
  modelInput,
  postOutcome,
  scoringDocument,
  status,
} from './support/adaptive';
import { errorCode, ok, Role, useTestApp } from './support/test-app';

const FREEZE = `mutation($m: ID!, $f: Boolean!, $r: String!) { freezeAdaptiveModel(modelId: $m, version: 1, frozen: $f, reason: $r) { frozen evidence } }`;
const RESET = `mutation($m: ID!, $r: String!) { resetAdaptiveModel(modelId: $m, version: 1, reason: $r) { evidence snapshots { reason comment createdBy } } }`;
const ROLLBACK = `mutation($m: ID!, $s: ID!, $r: String!) { rollBackAdaptiveModel(modelId: $m, version: 1, snapshotId: $s, reason: $r) { evidence positives servingSnapshotId snapshots { id reason } } }`;

// Loaded CI machines: outcomes are learned within a poll or two, but requests themselves may crawl.
jest.setTimeout(180_000);

/** Governance of learning (issue 18): freeze, reset and roll back, audited with the reason, by publishers only; staff overrides; the guard's metrics. */
describe('adaptive model controls', () => {
  const t = useTestApp({ ...FAST_LEARNER, METRICS_TOKEN: 'scrape-token-0123456789' });
  const setup = useAdaptiveSetup(t, 'Controlled (adaptive)');

  const audit = async (action: string) =>
    (
      await t.sql.query(
        `SELECT actor_id, comment FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY seq`,
        [action, `${setup.modelId}@1`],
      )
    ).rows as { actor_id: string; comment: string }[];
  const evidence = async () => (await status(t, setup.analyst.token, setup.modelId)).evidence as number;

  it('freezes learning (outcomes still recorded), and catches up from its cursor when unfrozen; publishers only', async () => {
    await decideAndReport(t, setup, 20);
    await eventually(evidence, (e) => e === 20);
    expect(
      errorCode(await t.gql(FREEZE, { m: setup.modelId, f: true, r: 'look' }, setup.s.designer.token)),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await t.gql(FREEZE, { m: setup.modelId, f: true, r: 'look' }, setup.analyst.token)),
    ).toBe('FORBIDDEN');
    expect(
      ok(
        await t.gql(
          FREEZE,
          { m: setup.modelId, f: true, r: 'campaign week: hold the model' },
          setup.s.publisher.token,
        ),
      ).freezeAdaptiveModel,
    ).toEqual({ frozen: true, evidence: 20 });
    const served = (await decide(t, setup, { id: 'probe', age: 25 })).actions[0]!.propensity;
    await decideAndReport(t, setup, 10, 100);
    const stored = (await t.sql.query(`SELECT count(*)::int AS n FROM interactions WHERE outcome <> 'shown'`))
      .rows[0].n;
    expect(stored).toBe(30);
    await new Promise((r) => setTimeout(r, 800));
    expect(await evidence()).toBe(20);
    expect((await decide(t, setup, { id: 'probe', age: 25 })).actions[0]!.propensity).toBe(served);

    ok(await t.gql(FREEZE, { m: setup.modelId, f: false, r: 'campaign over' }, setup.s.publisher.token));
    await eventually(evidence, (e) => e === 30);
    expect((await audit('adaptiveModel.freeze'))[0]).toMatchObject({
      actor_id: setup.s.publisher.id,
      comment: "adaptive model 'Controlled (adaptive)' version 1, frozen: campaign week: hold the model",
    });
    expect((await audit('adaptiveModel.unfreeze'))[0]).toMatchObject({
      comment: "adaptive model 'Controlled (adaptive)' version 1, unfrozen: campaign over",
    });
  });

  it('resets to the prior and rolls back to an earlier snapshot, each audited with the reason', async () => {
    const before = await status(t, setup.analyst.token, setup.modelId);
    const earlier = before.snapshots.find((s: { evidence: number }) => s.evidence === 20);
    expect(earlier).toBeDefined();

    expect(errorCode(await t.gql(RESET, { m: setup.modelId, r: 'x' }, setup.analyst.token))).toBe(
      'FORBIDDEN',
    );
    const reset = ok(
      await t.gql(RESET, { m: setup.modelId, r: 'bad data last week' }, setup.s.publisher.token),
    ).resetAdaptiveModel;
    expect(reset.evidence).toBe(0);
    expect(reset.snapshots[0]).toEqual({
      reason: 'reset',
      comment: 'bad data last week',
      createdBy: setup.s.publisher.id,
    });
    expect(
      await eventually(
        () => decide(t, setup, { id: 'probe', age: 25 }),
        (d) => Math.abs(d.actions[0]!.propensity! - 0.5) < 1e-9,
        5_000,
      ),
    ).toBeDefined();
    expect((await audit('adaptiveModel.reset'))[0]!.comment).toMatch(/bad data last week/);

    const back = ok(
      await t.gql(
        ROLLBACK,
        { m: setup.modelId, s: earlier.id, r: 'the model of Monday was better' },
        (await t.user([Role.admin])).token,
      ),
    ).rollBackAdaptiveModel;
    expect(back).toMatchObject({ evidence: 20, positives: earlier.positives });
    expect(back.snapshots[0]).toMatchObject({ reason: 'rollback', id: back.servingSnapshotId });
    expect((await audit('adaptiveModel.rollback'))[0]!.comment).toMatch(
      new RegExp(
        `rolled back to snapshot ${earlier.id} \\(as snapshot \\d+\\): the model of Monday was better$`,
      ),
    );
    // Learning goes on from the rolled-back state with new outcomes only.
    await decideAndReport(t, setup, 2, 300);
    await eventually(evidence, (e) => e === 22);
  });

  it('records staff overrides, reports override rates, and learns an overridden recommendation as not taken', async () => {
    const start = await status(t, setup.analyst.token, setup.modelId);
    const { decisionId } = await decide(t, setup, { id: 'staff-1', age: 25 });
    const bad = await rest(t, setup.key).post('/api/v1/outcomes', {
      decisionId,
      outcome: 'accepted',
      actionId: 'gold-card',
      override: { actionId: 'gold-card', reason: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'override.actionId',
      'override.reason',
    ]);
    const res = await postOutcome(t, setup, {
      decisionId,
      outcome: 'accepted',
      override: { actionId: 'platinum-card', reason: 'customer asked for lounge access' },
    });
    expect(res.status).toBe(201);
    expect(res.body.override).toEqual({
      actionId: 'platinum-card',
      reason: 'customer asked for lounge access',
    });
    const row = (
      await t.sql.query(`SELECT override_action_id, override_reason FROM interactions WHERE id = $1`, [
        res.body.id,
      ])
    ).rows[0];
    expect(row).toEqual({
      override_action_id: 'platinum-card',
      override_reason: 'customer asked for lounge access',
    });
    const after = await eventually(
      () => status(t, setup.analyst.token, setup.modelId),
      (s) => s.evidence === start.evidence + 1,
    );
    // Learned as negative: no positive added although the outcome says "accepted".
    expect(after.positives).toBe(start.positives);
    expect(after.overrides).toEqual([
      {
        actionId: 'gold-card',
        actionName: 'Gold card',
        shown: expect.any(Number),
        overridden: 1,
        rate: expect.any(Number),
      },
    ]);
    expect(after.overrides[0].rate).toBeCloseTo(1 / after.overrides[0].shown, 9);
  });

  it('exposes the learner and guard on /metrics', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/metrics')
      .set('authorization', 'Bearer scrape-token-0123456789');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /arbiter_learner_outcomes_consumed_total\{model="Controlled \(adaptive\)"\} \d+/,
    );
    expect(res.text).toMatch(/arbiter_learner_lag_seconds \d/);
    expect(res.text).toMatch(/arbiter_model_alert\{model="Controlled \(adaptive\)",version="1"\} 0/);
    expect(res.text).toMatch(/arbiter_model_auc\{model="Controlled \(adaptive\)",version="1"\} 0\.\d+/);
  });

  it('warm-starts from a trained LOGISTIC version, refuses another kind, and lets only analysts and admins create', async () => {
    const insert = async (algorithm: string, spec: object) =>
      (
        await t.sql.query(
          `WITH m AS (INSERT INTO models (id, name, target, created_by) VALUES (gen_random_uuid(), $1, 'y', $2) RETURNING id)
           INSERT INTO model_versions (model_id, version, algorithm, content_hash, spec, report, provenance, auc, created_by)
           SELECT id, 1, $3, repeat('b', 64), $4, '{}', '{}', 0.8, $2 FROM m RETURNING model_id`,
          [`Trained ${algorithm} ${Math.random()}`, setup.analyst.id, algorithm, JSON.stringify(spec)],
        )
      ).rows[0].model_id as string;
    const logistic = await insert('LOGISTIC', {
      type: 'logistic',
      intercept: 1,
      terms: [{ input: 'customer.age', weight: -0.1, center: 45 }],
    });
    const warm = ok(
      await createModel(t, setup.analyst.token, 'Warm (adaptive)', {
        priorModelId: logistic,
        groupBy: 'none',
      }),
    ).createAdaptiveModel;
    expect(warm.kind).toBe('adaptive');
    const s = await status(t, setup.analyst.token, warm.id);
    expect(s.config).toMatchObject({ priorModelId: logistic, priorVersion: 1, groupBy: 'none' });
    expect(
      s.predictors[0].bins.find((b: { label: string }) => b.label === 'per standard unit').weight,
    ).toBeCloseTo(-0.1 * 15, 9);

    const tree = await insert('GBDT', { type: 'logistic', intercept: 0, terms: [] });
    const refused = await createModel(t, setup.analyst.token, 'Tree prior (adaptive)', {
      priorModelId: tree,
    });
    expect(errorCode(refused)).toBe('VALIDATION_FAILED');
    expect(refused.errors![0]!.extensions!['details']).toEqual([
      expect.objectContaining({
        field: 'input.priorModelId',
        message: expect.stringMatching(/needs a LOGISTIC model/),
      }),
    ]);
    expect(errorCode(await createModel(t, setup.s.publisher.token, 'Publisher made (adaptive)'))).toBe(
      'FORBIDDEN',
    );
  });

  it('raises the guard alert (status and metric) when the calibration error of a reconfigured version exceeds its limit', async () => {
    const v2 = ok(
      await t.gql(
        `mutation($m: ID!, $i: AdaptiveModelInput!) { reconfigureAdaptiveModel(modelId: $m, input: $i) { id latestVersion { version algorithm } } }`,
        { m: setup.modelId, i: modelInput('Controlled (adaptive)', { calibrationFloor: 0.0001 }) },
        setup.analyst.token,
      ),
    ).reconfigureAdaptiveModel;
    expect(v2.latestVersion).toEqual({ version: 2, algorithm: 'ADAPTIVE' });
    const v1Evidence = await evidence();
    const { decisionId } = await decide(t, setup, { id: 'late', age: 25 });
    setup.published = await publishNewVersion(t, setup.s, setup.published, scoringDocument(setup.modelId, 2));
    // A late outcome of a decision by the now retired strategy version still teaches the model version that decision used.
    const late = await postOutcome(t, setup, { decisionId, outcome: 'accepted' });
    expect(late.status).toBe(201);
    await eventually(evidence, (e) => e === v1Evidence + 1);
    await decideAndReport(t, setup, 20, 700);
    const s2 = await eventually(
      () => status(t, setup.analyst.token, setup.modelId, 2),
      (s) => s.evidence === 20,
    );
    expect(s2.alert).toMatchObject({
      kind: 'calibration',
      message: expect.stringMatching(/above the limit 0\.0001/),
    });
    expect(s2.history.at(-1)).toMatchObject({ evidence: 20 });
    const metrics = await request(t.app.getHttpServer())
      .get('/metrics')
      .set('authorization', 'Bearer scrape-token-0123456789');
    expect(metrics.text).toMatch(/arbiter_model_alert\{model="Controlled \(adaptive\)",version="2"\} 1/);
  });
});
