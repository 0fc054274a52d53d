import { uploadDataset, waitForSimulation } from './support/datasets';
import {
  auditCount,
  createStrategy,
  mutate,
  atLeast,
  pipelineDoc,
  reviewComments,
  createActions,
} from './support/fixtures';
import { RUN } from './support/simulations';
import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

/**
 * The fairness check (issue 16, item 11): protected customer fields, per-group rates of every
 * simulation, the four-fifths rule with thresholds an admin sets, and approval over a failed check
 * only with a written justification.
 */
describe('fairness check', () => {
  const t = useTestApp({ SIMULATION_CHUNK_SIZE: '100' });
  const designer = useUser(t, [Role.designer]);
  const analyst = useUser(t, [Role.analyst]);
  const reviewer = useUser(t, [Role.reviewer]);
  const admin = useUser(t, [Role.admin]);

  // Gold card only for an income of 50 or more; actions reach the output in catalog order, gold first.
  const GOLD_FOR_INCOME = pipelineDoc(
    { id: 'candidates', type: 'actions' },
    {
      id: 'income',
      type: 'filter',
      label: 'Income rule',
      config: { byAction: { gold: atLeast('income', 50) } },
    },
    { id: 'output', type: 'output' },
  );

  /** 18–25: 4 of 100 earn 60; 40–60: 9 of 100; 26–39: 2 of 10 (too few to judge). */
  const csv = () => {
    const lines = ['id,ageBand,income'];
    let n = 0;
    for (const [band, rows, rich] of [
      ['18–25', 100, 4],
      ['40–60', 100, 9],
      ['26–39', 10, 2],
    ] as const) {
      for (let i = 0; i < rows; i++) lines.push(`c${n++},${band},${i < rich ? 60 : 10}`);
    }
    return `${lines.join('\n')}\n`;
  };

  const CHECK = `fairnessCheck { status summary findings ratioFloor minGroupSize fields { field label groups { group rows judged } actions { actionId actionName ratio belowFloor rates { group first anyRank } } } }`;

  const defineField = (input: Record<string, unknown>, token = designer.token) =>
    t.gql(
      `mutation($i: DefineSchemaFieldInput!) { defineSchemaField(input: $i) { name protected } }`,
      { i: { scope: 'customer', ...input } },
      token,
    );

  it('lets designers and admins mark customer fields protected, audited, but no context field', async () => {
    expect(
      ok(await defineField({ name: 'ageBand', type: 'string', label: 'age band', protected: true }))
        .defineSchemaField.protected,
    ).toBe(true);
    ok(await defineField({ name: 'income', type: 'number' }));
    ok(await defineField({ name: 'gender', type: 'string' }));
    // Redefined without saying: the mark stays.
    expect(
      ok(await defineField({ name: 'ageBand', type: 'string', label: 'age band' })).defineSchemaField
        .protected,
    ).toBe(true);

    const protect = (name: string, value: boolean, token: string, scope = 'customer') =>
      t.gql(
        `mutation($s: SchemaScope!, $n: String!, $p: Boolean!) { setSchemaFieldProtected(scope: $s, name: $n, protected: $p) { name protected } }`,
        { s: scope, n: name, p: value },
        token,
      );
    expect(ok(await protect('gender', true, admin.token)).setSchemaFieldProtected.protected).toBe(true);
    expect(ok(await protect('gender', false, designer.token)).setSchemaFieldProtected.protected).toBe(false);
    expect(errorCode(await protect('gender', true, analyst.token))).toBe('FORBIDDEN');
    expect(errorCode(await protect('nope', true, admin.token))).toBe('NOT_FOUND');

    const channel = await defineField({ scope: 'context', name: 'channel', type: 'string', protected: true });
    expect(errorCode(channel)).toBe('VALIDATION_FAILED');
    expect(channel.errors![0]!.extensions!.details).toEqual([
      expect.objectContaining({ field: 'input.protected' }),
    ]);

    const entries = (
      await t.sql.query(
        `SELECT actor_id, comment FROM audit_log WHERE action = 'schemaField.protect' AND entity_id = 'customer.gender' ORDER BY seq`,
      )
    ).rows;
    expect(entries).toEqual([
      {
        actor_id: admin.id,
        comment: 'customer.gender is protected: every simulation reports the fairness check for it',
      },
      { actor_id: designer.id, comment: 'customer.gender is no longer protected' },
    ]);
  });

  it('lets only an admin set the thresholds, checks them, and audits the change', async () => {
    const query = `{ fairnessSettings { ratioFloor minGroupSize updatedBy } }`;
    expect(ok(await t.gql(query, {}, admin.token)).fairnessSettings).toEqual({
      ratioFloor: 0.8,
      minGroupSize: 30,
      updatedBy: null,
    });
    expect(errorCode(await t.gql(query, {}, reviewer.token))).toBe('FORBIDDEN');
    const set = (input: Record<string, unknown>, token = admin.token) =>
      t.gql(
        `mutation($i: FairnessSettingsInput!) { setFairnessSettings(input: $i) { ratioFloor minGroupSize updatedBy } }`,
        { i: input },
        token,
      );
    const before = await auditCount(t);
    const bad = await set({ ratioFloor: 1.5, minGroupSize: 0 });
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0]!.extensions!.details!.map((d) => d.field).sort()).toEqual([
      'input.minGroupSize',
      'input.ratioFloor',
    ]);
    expect(errorCode(await set({ ratioFloor: 0.5, minGroupSize: 10 }, reviewer.token))).toBe('FORBIDDEN');
    expect(await auditCount(t)).toBe(before);

    expect(ok(await set({ ratioFloor: 0.9, minGroupSize: 20 })).setFairnessSettings).toEqual({
      ratioFloor: 0.9,
      minGroupSize: 20,
      updatedBy: admin.id,
    });
    ok(await set({ ratioFloor: 0.8, minGroupSize: 30 }));
    const comments = (
      await t.sql.query(`SELECT comment FROM audit_log WHERE action = 'fairness.settings' ORDER BY seq`)
    ).rows.map((r) => r.comment);
    expect(comments).toEqual([
      'fairness check: ratio floor 0.8 → 0.9, minimum group size 30 → 20',
      'fairness check: ratio floor 0.9 → 0.8, minimum group size 20 → 30',
    ]);
  });

  it('reports per group in every simulation; a failed check needs a written justification to approve', async () => {
    await createActions(t, designer.token, [
      { id: 'gold', name: 'Gold card' },
      { id: 'loan', name: 'Loan' },
    ]);
    const { version } = await createStrategy(t, designer.token, 'Cards by income', GOLD_FOR_INCOME);
    ok(await mutate.submit(t, designer.token, version.id));
    const upload = await uploadDataset(t, analyst.token, 'customers by age band', csv(), {
      customerId: 'id',
    });
    expect(upload.status).toBe(201);
    const sim = ok(await t.gql(RUN, { v: version.id, d: upload.body.id }, analyst.token)).runSimulation;
    expect((await waitForSimulation(t, analyst.token, sim.id)).status).toBe('COMPLETED');

    const evidence = async () =>
      ok(
        await t.gql(
          `query($v: ID!) { version(id: $v) { status evidence { id ${CHECK} } } }`,
          { v: version.id },
          reviewer.token,
        ),
      ).version;
    const check = (await evidence()).evidence[0].fairnessCheck;
    expect(check).toMatchObject({ status: 'FAILED', ratioFloor: 0.8, minGroupSize: 30 });
    expect(check.findings).toEqual([
      "age band 18–25 gets 'Gold card' first at 4.0% vs 9.0% for 40–60: ratio 0.44, below 0.80",
    ]);
    expect(check.summary).toMatch(/^1 case below the ratio floor of 0\.80/);
    const [field] = check.fields;
    expect(field).toMatchObject({ field: 'ageBand', label: 'age band' });
    expect(field.groups).toEqual([
      { group: '18–25', rows: 100, judged: true },
      { group: '26–39', rows: 10, judged: false },
      { group: '40–60', rows: 100, judged: true },
    ]);
    const gold = field.actions.find((a: { actionId: string }) => a.actionId === 'gold');
    expect(gold).toMatchObject({ actionName: 'Gold card', belowFloor: true });
    expect(gold.ratio).toBeCloseTo(4 / 9, 10);
    expect(gold.rates).toEqual([
      { group: '18–25', first: 0.04, anyRank: 0.04 },
      { group: '26–39', first: 0.2, anyRank: 0.2 },
      { group: '40–60', first: 0.09, anyRank: 0.09 },
    ]);

    // Without a justification: refused, naming the field and the finding; nothing written.
    const before = await auditCount(t);
    const refused = await t.gql(
      `mutation($v: ID!) { approveVersion(versionId: $v) { status } }`,
      { v: version.id },
      reviewer.token,
    );
    expect(errorCode(refused)).toBe('VALIDATION_FAILED');
    expect(refused.errors![0]!.extensions!.details).toEqual([
      {
        field: 'justification',
        message: expect.stringContaining("age band 18–25 gets 'Gold card' first at 4.0%"),
      },
    ]);
    expect((await evidence()).status).toBe('IN_REVIEW');
    expect(await auditCount(t)).toBe(before);

    const justification =
      'Gold card eligibility follows income, which the credit policy requires; reviewed with legal.';
    const approved = await t.gql(
      `mutation($v: ID!, $j: String) { approveVersion(versionId: $v, justification: $j) { status } }`,
      { v: version.id, j: justification },
      reviewer.token,
    );
    expect(ok(approved).approveVersion.status).toBe('APPROVED');
    const comments = await reviewComments(t, designer.token, version.id);
    expect(comments).toEqual([{ kind: 'JUSTIFICATION', body: justification, authorId: reviewer.id }]);
    const audit = (
      await t.sql.query(`SELECT comment FROM audit_log WHERE action = 'version.approve' AND entity_id = $1`, [
        version.id,
      ])
    ).rows[0];
    expect(audit.comment).toContain(
      "fairness check failed (age band 18–25 gets 'Gold card' first at 4.0% vs 9.0% for 40–60: ratio 0.44, below 0.80)",
    );
    expect(audit.comment).toContain(`justification: ${justification}`);

    // Thresholds are applied when read: with a floor of 0.4 the same simulation passes.
    ok(
      await t.gql(
        `mutation { setFairnessSettings(input: { ratioFloor: 0.4, minGroupSize: 30 }) { ratioFloor } }`,
        {},
        admin.token,
      ),
    );
    expect((await evidence()).evidence[0].fairnessCheck).toMatchObject({ status: 'PASSED', findings: [] });
  });
});
