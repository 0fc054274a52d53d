import { completeSimulation, VALID_DOC } from './fixtures';
import { experimentWithWinner } from './experiments';
import type { Scenario } from './scenario';
import { ok, Role, TEST_PASSWORD, type TestApp } from './test-app';

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * For every GraphQL operation: how to call it correctly (after preparing what it needs). The role
 * matrix runs each with every kind of caller; the bad-input test starts from the same list.
 */
export type Prepare = (s: Scenario, t: TestApp) => Promise<Call>;

const V = 'id status';

export const MUTATIONS: Record<string, Prepare> = {
  trainModel: async (s, t) => ({
    query: `mutation($i: TrainModelInput!) { trainModel(input: $i) { id status } }`,
    variables: {
      i: {
        name: s.unique('model'),
        datasetId: await trainableDataset(t, s.unique('dataset')),
        targetColumn: 'y',
        positiveValues: ['1'],
        predictors: ['x'],
        algorithm: 'LOGISTIC',
      },
    },
  }),
  createAdaptiveModel: async (s) => ({
    query: ADAPTIVE_CREATE,
    variables: { i: adaptiveInput(s.unique('Adaptive')) },
  }),
  reconfigureAdaptiveModel: async (s, t) => {
    const { modelId, name } = await adaptiveModel(t, s);
    return {
      query: `mutation($m: ID!, $i: AdaptiveModelInput!) { reconfigureAdaptiveModel(modelId: $m, input: $i) { id kind } }`,
      variables: { m: modelId, i: adaptiveInput(name) },
    };
  },
  freezeAdaptiveModel: async (s, t) => ({
    query: `mutation($m: ID!) { freezeAdaptiveModel(modelId: $m, version: 1, frozen: true, reason: "checking") { frozen } }`,
    variables: { m: (await adaptiveModel(t, s)).modelId },
  }),
  resetAdaptiveModel: async (s, t) => ({
    query: `mutation($m: ID!) { resetAdaptiveModel(modelId: $m, version: 1, reason: "checking") { evidence } }`,
    variables: { m: (await adaptiveModel(t, s)).modelId },
  }),
  rollBackAdaptiveModel: async (s, t) => {
    const { modelId, snapshotId } = await adaptiveModel(t, s);
    return {
      query: `mutation($m: ID!, $s: ID!) { rollBackAdaptiveModel(modelId: $m, version: 1, snapshotId: $s, reason: "checking") { evidence } }`,
      variables: { m: modelId, s: snapshotId },
    };
  },
  cancelTraining: async (s, t) => ({
    query: `mutation($id: ID!) { cancelTraining(id: $id) { status } }`,
    variables: { id: await queuedTraining(t, s) },
  }),
  login: async (s) => ({
    query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
    variables: { e: s.designer.email, p: TEST_PASSWORD },
  }),
  refreshToken: async (s, t) => {
    const login = ok(
      await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }`, {
        e: s.designer.email,
        p: TEST_PASSWORD,
      }),
    );
    return {
      query: `mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }`,
      variables: { r: login.login.refreshToken },
    };
  },
  logout: async () => ({
    query: `mutation($r: String!) { logout(refreshToken: $r) }`,
    variables: { r: '00000000-0000-4000-8000-000000000000.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
  }),
  createUser: async (s) => ({
    query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    variables: {
      i: {
        email: `${s.unique('new')}@test.local`,
        displayName: 'New',
        password: TEST_PASSWORD,
        roles: [Role.analyst],
      },
    },
  }),
  setUserRoles: async (_s, t) => ({
    query: `mutation($u: ID!) { setUserRoles(userId: $u, roles: [analyst, reviewer]) { roles } }`,
    variables: { u: (await t.user([Role.analyst])).id },
  }),
  setUserActive: async (_s, t) => ({
    query: `mutation($u: ID!) { setUserActive(userId: $u, active: false) { active } }`,
    variables: { u: (await t.user([Role.analyst])).id },
  }),
  createAction: async (s) => ({
    query: `mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`,
    variables: { i: { id: s.unique('a'), name: 'An action', value: 10 } },
  }),
  updateAction: async (s) => {
    const a = await s.action();
    return {
      query: `mutation($id: String!, $i: UpdateActionInput!) { updateAction(id: $id, input: $i) { id } }`,
      variables: { id: a.id, i: { expectedRevision: a.revision, value: 5 } },
    };
  },
  importActions: async (s) => {
    const a = await s.action();
    return {
      query: `mutation($i: ImportActionsInput!) { importActions(input: $i) { created updated } }`,
      variables: {
        i: {
          create: [{ id: s.unique('a'), name: 'An imported action', value: 3 }],
          update: [{ id: a.id, expectedRevision: a.revision, value: 7 }],
        },
      },
    };
  },
  deleteAction: async (s) => {
    const a = await s.action();
    return {
      query: `mutation($id: String!, $r: Int!) { deleteAction(id: $id, expectedRevision: $r) { id } }`,
      variables: { id: a.id, r: a.revision },
    };
  },
  defineSchemaField: async (s) => ({
    query: `mutation($i: DefineSchemaFieldInput!) { defineSchemaField(input: $i) { name } }`,
    variables: {
      i: {
        scope: 'customer',
        name: s.unique('f').replace(/-/g, '_'),
        type: 'string',
        allowedValues: ['a', 'b'],
      },
    },
  }),
  removeSchemaField: async (s) => ({
    query: `mutation($n: String!) { removeSchemaField(scope: customer, name: $n) { name } }`,
    variables: { n: await s.schemaField() },
  }),
  createStrategy: async (s) => ({
    query: `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id } }`,
    variables: { i: { name: s.unique('Strategy'), document: VALID_DOC } },
  }),
  importJsonRulesEngineRules: async (s) => ({
    query: `mutation($n: String!, $r: JSON!) { importJsonRulesEngineRules(name: $n, rules: $r) { versionId } }`,
    variables: {
      n: s.unique('Imported rules'),
      r: [
        {
          conditions: { all: [{ fact: 'age', operator: 'greaterThan', value: 17 }] },
          event: { type: s.unique('rule-action') },
        },
      ],
    },
  }),
  archiveStrategy: async (s) => ({
    query: `mutation($id: ID!) { archiveStrategy(id: $id) { id } }`,
    variables: { id: (await s.draft()).strategyId },
  }),
  saveDraft: async (s) => {
    const { version } = await s.draft();
    return {
      query: `mutation($i: SaveDraftInput!) { saveDraft(input: $i) { version { id } valid problems { code } } }`,
      variables: {
        i: { versionId: version.id, expectedRevision: version.revision, document: s.uniqueDoc() },
      },
    };
  },
  cloneVersion: async (s) => ({
    query: `mutation($v: ID!) { cloneVersion(versionId: $v) { ${V} } }`,
    variables: { v: (await s.draft()).version.id },
  }),
  promoteExperimentArm: async (s, t) => {
    const e = await experimentWithWinner(t, s);
    return {
      query: `mutation($s: ID!, $v: Int!, $step: String!, $arm: String!) { promoteExperimentArm(strategyId: $s, version: $v, splitStepId: $step, arm: $arm) { ${V} } }`,
      variables: { s: e.strategyId, v: e.number, step: e.splitStepId, arm: e.arm },
    };
  },
  submitVersion: async (s) => ({
    query: `mutation($v: ID!) { submitVersion(versionId: $v) { ${V} } }`,
    variables: { v: (await s.draft()).version.id },
  }),
  approveVersion: async (s, t) => {
    const { version } = await s.inReview();
    await completeSimulation(t, version.contentHash);
    return {
      query: `mutation($v: ID!) { approveVersion(versionId: $v, comment: "ok") { ${V} } }`,
      variables: { v: version.id },
    };
  },
  rejectVersion: async (s) => ({
    query: `mutation($v: ID!) { rejectVersion(versionId: $v, comment: "not yet") { ${V} } }`,
    variables: { v: (await s.inReview()).version.id },
  }),
  publishVersion: async (s) => ({
    query: `mutation($v: ID!) { publishVersion(versionId: $v) { ${V} } }`,
    variables: { v: (await s.approved()).version.id },
  }),
  rollbackStrategy: async (s) => {
    const { strategyId, v1 } = await s.replaced();
    return {
      query: `mutation($s: ID!, $v: ID!) { rollbackStrategy(strategyId: $s, toVersionId: $v, reason: "back to the earlier version") { ${V} } }`,
      variables: { s: strategyId, v: v1.id },
    };
  },
  retireVersion: async (s) => ({
    query: `mutation($v: ID!) { retireVersion(versionId: $v) { ${V} } }`,
    variables: { v: (await s.published()).version.id },
  }),
  addComment: async (s) => ({
    query: `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`,
    variables: { i: { versionId: (await s.draft()).version.id, nodeId: 'output', body: 'Nice' } },
  }),
  createApiKey: async (s) => ({
    query: `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`,
    variables: { i: { name: s.unique('system'), rateLimitPerSecond: 50 } },
  }),
  revokeApiKey: async (s, t) => {
    const key = await t.sql.query<{ id: string }>(
      `INSERT INTO api_keys (name, prefix, key_hash) VALUES ($1, 'arb_test', md5(random()::text)) RETURNING id`,
      [s.unique('system')],
    );
    return {
      query: `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      variables: { id: key.rows[0]!.id },
    };
  },
  recordOutcome: async (s) => ({
    query: `mutation($i: RecordOutcomeInput!) { recordOutcome(input: $i) { id } }`,
    variables: {
      i: { customerId: s.unique('customer'), actionId: 'some-action', outcome: 'accepted', channel: 'web' },
    },
  }),
  runSimulation: async (s, t) => ({
    query: `mutation($v: ID!, $d: ID!, $b: ID) { runSimulation(versionId: $v, datasetId: $d, baselineVersionId: $b, force: true) { id status } }`,
    variables: { v: (await s.draft()).version.id, d: await readyDataset(t, s.unique('dataset')), b: null },
  }),
  cancelSimulation: async (_s, t) => ({
    query: `mutation($id: ID!) { cancelSimulation(id: $id) { status } }`,
    variables: { id: await completeSimulation(t, 'a'.repeat(64), 'QUEUED') },
  }),
  deleteSimulation: async (_s, t) => ({
    query: `mutation($id: ID!) { deleteSimulation(id: $id) { id } }`,
    variables: { id: await completeSimulation(t, 'b'.repeat(64)) },
  }),
  deleteDataset: async (s, t) => ({
    query: `mutation($id: ID!) { deleteDataset(id: $id) { id } }`,
    variables: { id: await readyDataset(t, s.unique('dataset')) },
  }),
  setSchemaFieldProtected: async (s) => ({
    query: `mutation($n: String!, $p: Boolean!) { setSchemaFieldProtected(scope: customer, name: $n, protected: $p) { protected } }`,
    variables: { n: await s.schemaField(), p: true },
  }),
  setFairnessSettings: async () => ({
    query: `mutation($i: FairnessSettingsInput!) { setFairnessSettings(input: $i) { ratioFloor } }`,
    variables: { i: { ratioFloor: 0.8, minGroupSize: 30 } },
  }),
  declareProfileSource: async () => ({
    query: `mutation($n: String!) { declareProfileSource(name: $n) { name } }`,
    variables: { n: 'crm' },
  }),
  eraseCustomer: async () => ({
    query: `mutation($c: String!) { eraseCustomer(customerId: $c) { erasureId } }`,
    variables: { c: 'customer-1' },
  }),
};

export const QUERIES: Record<string, Prepare> = {
  models: async () => ({
    query: `{ models { id name latestVersion { version } versions { id } trainings { id } } }`,
  }),
  model: async (s, t) => ({
    query: `query($id: ID!) { model(id: $id) { id name } }`,
    variables: { id: (await registeredVersion(t, s)).modelId },
  }),
  modelVersion: async (s, t) => ({
    query: `query($id: ID!) { modelVersion(id: $id) { id version auc } }`,
    variables: { id: (await registeredVersion(t, s)).id },
  }),
  compareModelVersions: async (s, t) => {
    const a = await registeredVersion(t, s);
    return {
      query: `query($a: ID!, $b: ID!) { compareModelVersions(a: $a, b: $b) { metric delta } }`,
      variables: { a: a.id, b: a.id },
    };
  },
  adaptiveModelStatus: async (s, t) => ({
    query: `query($m: ID!) { adaptiveModelStatus(modelId: $m, version: 1) { evidence frozen snapshots { id reason } config { groupBy } } }`,
    variables: { m: (await adaptiveModel(t, s)).modelId },
  }),
  trainingJob: async (s, t) => ({
    query: `query($id: ID!) { trainingJob(id: $id) { id status } }`,
    variables: { id: await queuedTraining(t, s) },
  }),
  trainingChoices: async (s, t) => ({
    query: `query($d: ID!) { trainingChoices(datasetId: $d, targetColumn: "y") { rows targets { column values } predictors { name include } timeColumns } }`,
    variables: { d: await trainableDataset(t, s.unique('dataset')) },
  }),
  me: async () => ({ query: `{ me { id permissions deniedPermissions { permission reason } } }` }),
  people: async (s) => ({
    query: `query($ids: [ID!]!) { people(ids: $ids) { id displayName } }`,
    variables: { ids: [s.designer.id] },
  }),
  users: async () => ({ query: `{ users { edges { node { id } } } }` }),
  user: async (s) => ({
    query: `query($id: ID!) { user(id: $id) { id } }`,
    variables: { id: s.designer.id },
  }),
  actions: async () => ({ query: `{ actions(page: { first: 5 }) { edges { node { id } } } }` }),
  actionCatalogSummary: async () => ({
    query: `{ actionCatalogSummary(filter: { search: "a" }) { total matching groups channels changedAt } }`,
  }),
  action: async (s) => ({
    query: `query($id: String!) { action(id: $id) { id } }`,
    variables: { id: (await s.action()).id },
  }),
  dataSchema: async () => ({ query: `{ dataSchema { customer { name } context { name } } }` }),
  strategies: async () => ({ query: `{ strategies { edges { node { id } } } }` }),
  strategy: async (s) => ({
    query: `query($id: ID!) { strategy(id: $id) { id } }`,
    variables: { id: (await s.draft()).strategyId },
  }),
  version: async (s) => ({
    query: `query($id: ID!) { version(id: $id) { id } }`,
    variables: { id: (await s.draft()).version.id },
  }),
  validateVersion: async (s) => ({
    query: `query($id: ID!) { validateVersion(versionId: $id) { valid } }`,
    variables: { id: (await s.draft()).version.id },
  }),
  comments: async (s) => ({
    query: `query($id: ID!) { comments(versionId: $id) { id } }`,
    variables: { id: (await s.draft()).version.id },
  }),
  diff: async (s) => {
    const { version } = await s.draft();
    return {
      query: `query($a: ID!) { diff(fromVersionId: $a, toVersionId: $a) { unchanged } }`,
      variables: { a: version.id },
    };
  },
  simulations: async (s) => ({
    query: `query($h: String, $s: ID) { simulations(contentHash: $h, strategyId: $s) { id version { number } strategy { name } dataset { name } } }`,
    variables: { h: 'a'.repeat(64), s: (await s.draft()).strategyId },
  }),
  testDecision: async (s) => ({
    query: `query($i: TestDecisionInput!) { testDecision(input: $i) { contentHash } }`,
    variables: { i: { versionId: (await s.draft()).version.id, input: { customer: {} } } },
  }),
  auditLog: async () => ({ query: `{ auditLog(page: { first: 1 }) { edges { node { seq } } } }` }),
  verifyAuditChain: async () => ({ query: `{ verifyAuditChain { valid } }` }),
  auditFacets: async () => ({ query: `{ auditFacets { entityTypes actions actorIds } }` }),
  apiKeys: async () => ({ query: `{ apiKeys { id prefix } }` }),
  experimentResults: async (s, t) => ({
    query: `query($s: ID!) { experimentResults(strategyId: $s) { version splits { splitStepId verdict arms { arm decisions positives } } } }`,
    variables: { s: (await experimentWithWinner(t, s)).strategyId },
  }),
  decide: async (s) => ({
    query: `query($s: ID!, $i: JSON!) { decide(strategyId: $s, input: $i) { decisionId } }`,
    variables: { s: (await s.published()).strategyId, i: { customer: { id: 'customer-1' } } },
  }),
  customerInteractions: async () => ({
    query: `{ customerInteractions(customerId: "customer-1") { customerId } }`,
  }),
  reviewQueue: async () => ({ query: `{ reviewQueue { strategy { name } version { id number } } }` }),
  catalogChangeImpact: async (s) => ({
    query: `query($a: CreateActionInput!) { catalogChangeImpact(action: $a) { refused impacts { message } } }`,
    variables: { a: { id: (await s.action()).id, name: 'Renamed', value: 3 } },
  }),
  schemaChangeImpact: async (s) => ({
    query: `query($f: DefineSchemaFieldInput!) { schemaChangeImpact(field: $f) { refused impacts { message } } }`,
    variables: { f: { scope: 'customer', name: await s.schemaField(), type: 'string' } },
  }),
  fairnessSettings: async () => ({ query: `{ fairnessSettings { ratioFloor minGroupSize } }` }),
  customerProfile: async () => ({
    query: `{ customerProfile(customerId: "customer-1") { customerId fields { name } } }`,
  }),
  profileSources: async () => ({ query: `{ profileSources { name } }` }),
  profileQuality: async () => ({ query: `{ profileQuality { customers } }` }),
  datasets: async () => ({ query: `{ datasets { id status } }` }),
  dataset: async (s, t) => ({
    query: `query($id: ID!) { dataset(id: $id) { id report } }`,
    variables: { id: await readyDataset(t, s.unique('dataset')) },
  }),
  simulation: async (_s, t) => ({
    query: `query($id: ID!) { simulation(id: $id) { id status progress { rowsDone rowsTotal } } }`,
    variables: { id: await completeSimulation(t, 'a'.repeat(64)) },
  }),
};

/** An empty READY dataset, written directly (uploads are REST, tested in datasets.spec.ts). */
async function readyDataset(t: TestApp, name: string): Promise<string> {
  const rows = await t.sql.query<{ id: string }>(
    `INSERT INTO datasets (name, format, status, report) VALUES ($1, 'csv', 'READY', '{"rowsRead": 0}') RETURNING id`,
    [name],
  );
  return rows.rows[0]!.id;
}

/** A READY dataset with a 0/1 target `y` and one predictor `x` (its report only: trainingChoices and trainModel's checks read it). */
async function trainableDataset(t: TestApp, name: string): Promise<string> {
  const stats = { missing: 0, present: 4, distinctCapped: false };
  const report = {
    rowsRead: 0,
    columns: [
      {
        name: 'y',
        roles: ['field'],
        field: 'y',
        type: 'number',
        distinct: 2,
        topValues: [
          { value: 1, count: 2 },
          { value: 0, count: 2 },
        ],
        ...stats,
      },
      { name: 'x', roles: ['field'], field: 'x', type: 'number', distinct: 4, ...stats },
    ],
  };
  return (
    await t.sql.query<{ id: string }>(
      `INSERT INTO datasets (name, format, status, report) VALUES ($1, 'csv', 'READY', $2) RETURNING id`,
      [name, JSON.stringify(report)],
    )
  ).rows[0]!.id;
}

async function queuedTraining(t: TestApp, s: Scenario): Promise<string> {
  return (
    await t.sql.query<{ id: string }>(
      `INSERT INTO training_jobs (model_id, model_name, new_model, status, request, created_by) VALUES (gen_random_uuid(), $1, true, 'QUEUED', '{}', $2) RETURNING id`,
      [s.unique('model'), s.designer.id],
    )
  ).rows[0]!.id;
}

async function registeredVersion(t: TestApp, s: Scenario): Promise<{ id: string; modelId: string }> {
  return (
    await t.sql.query<{ id: string; modelId: string }>(
      `WITH m AS (INSERT INTO models (id, name, target, created_by) VALUES (gen_random_uuid(), $1, 'y is 1', $2) RETURNING id)
       INSERT INTO model_versions (model_id, version, algorithm, content_hash, spec, report, provenance, auc, created_by)
       SELECT id, 1, 'LOGISTIC', repeat('a', 64), '{"type":"logistic","intercept":0,"terms":[]}', '{"auc":{"value":0.7,"low":0.6,"high":0.8}}', '{}', 0.7, $2 FROM m
       RETURNING id, model_id AS "modelId"`,
      [s.unique('Model'), s.designer.id],
    )
  ).rows[0]!;
}

const ADAPTIVE_CREATE = `mutation($i: AdaptiveModelInput!) { createAdaptiveModel(input: $i) { id kind } }`;

function adaptiveInput(name: string) {
  return {
    name,
    predictors: [{ input: 'customer.age', type: 'number' }],
    positiveOutcomes: ['accepted'],
    negativeOutcomes: ['declined'],
    explorationShare: 0.1,
  };
}

/** An adaptive model (version 1, its first snapshot), created by an analyst. */
async function adaptiveModel(
  t: TestApp,
  s: Scenario,
): Promise<{ modelId: string; name: string; snapshotId: string }> {
  const name = s.unique('Adaptive');
  const modelId = ok(
    await t.gql(ADAPTIVE_CREATE, { i: adaptiveInput(name) }, (await t.user([Role.analyst])).token),
  ).createAdaptiveModel.id as string;
  const snapshotId = (
    await t.sql.query<{ id: string }>(`SELECT id::text AS id FROM adaptive_snapshots WHERE model_id = $1`, [
      modelId,
    ])
  ).rows[0]!.id;
  return { modelId, name, snapshotId };
}
