import request from 'supertest';
import { compileModel, inlineModelSchema, seededRandom } from '@arbiter/engine';
import type { InProcessTrainingRunner } from '../src/jobs/in-process-training-runner';
import { TRAINING_RUNNER } from '../src/jobs/training-runner';
import { ModelsService } from '../src/models/models.service';
import { TrainingWatchdog } from '../src/models/training-watchdog';
import { uploadDataset } from './support/datasets';
import { startEmbeddedApp, type EmbeddedApp } from './support/embedded-app';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import {
  errorCode,
  ok,
  Role,
  startTestApp,
  type GqlResponse,
  type TestApp,
  useTestApp,
  useUser,
} from './support/test-app';

/** What a version's spec (an engine model) scores for the customer and the offer `actionId`. */
function scoreOf(spec: unknown, customer: Record<string, unknown>, actionId: string) {
  return compileModel(inlineModelSchema.parse(spec))({
    customer,
    context: {},
    action: { id: actionId },
    fields: {},
  });
}

/**
 * Customers offered a card or a loan, and whether they accepted: the chance rises with age and
 * balance, in the north and for the loan. Besides: an id, a phone number (hashed at upload), a
 * constant country and a signup date.
 */
function customersCsv(rows: number): string {
  const random = seededRandom(17);
  const lines = ['id,age,balance,region,phone,country,signup,offer,accepted'];
  for (let i = 0; i < rows; i++) {
    const age = 18 + Math.floor(random() * 60);
    const balance = Math.floor(random() * 20_000);
    const region = ['north', 'south', 'east'][Math.floor(random() * 3)]!;
    const offer = random() < 0.5 ? 'card' : 'loan';
    const z =
      -2 +
      0.04 * (age - 45) +
      0.00012 * (balance - 10_000) +
      (region === 'north' ? 1 : 0) +
      (offer === 'loan' ? 0.7 : 0);
    const accepted = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + Math.floor((i / rows) * 12)).padStart(2, '0');
    lines.push(
      `c${i},${age},${balance},${region},+3161234${String(i).padStart(4, '0')},NL,2024-${month}-${day},${offer},${accepted}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const MAPPING = {
  customerId: 'id',
  loggedAction: 'offer',
  outcome: 'accepted',
  personal: { phone: 'hash' },
  useCustomerSchema: false,
};

const JOB =
  'id modelId modelName status phase rows iteration iterations etaSeconds error versionId createdAt finishedAt createdBy';
const VERSION =
  'id modelId modelName version algorithm contentHash spec report provenance auc createdAt createdBy';
const TRAIN = `mutation($input: TrainModelInput!) { trainModel(input: $input) { ${JOB} } }`;

interface Job {
  id: string;
  modelId: string;
  modelName: string;
  status: string;
  rows: number;
  error: string | null;
  versionId: string | null;
}

describe('models: training and the registry', () => {
  const t = useTestApp();
  const analyst = useUser(t, [Role.analyst]);
  const designer = useUser(t, [Role.designer]);
  const reviewer = useUser(t, [Role.reviewer]);
  let datasetId: string;
  let bigDatasetId: string;

  const train = (input: Record<string, unknown>, token = analyst.token) =>
    t.gql(TRAIN, { input: { datasetId, targetColumn: 'accepted', positiveValues: ['1'], ...input } }, token);
  const job = async (id: string): Promise<Job> =>
    ok(await t.gql(`query($id: ID!) { trainingJob(id: $id) { ${JOB} } }`, { id }, reviewer.token))
      .trainingJob;
  const finished = async (id: string, timeoutMs = 90_000): Promise<Job> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const current = await job(id);
      if (!['QUEUED', 'RUNNING'].includes(current.status)) return current;
      if (Date.now() > until) throw new Error(`training ${id} still ${current.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** Waits until the job is RUNNING (its thread is reading or training). */
  const running = async (id: string): Promise<void> => {
    for (let i = 0; i < 600; i++) {
      if ((await job(id)).status === 'RUNNING') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`training ${id} never started`);
  };
  const version = async (id: string) =>
    ok(await t.gql(`query($id: ID!) { modelVersion(id: $id) { ${VERSION} } }`, { id }, designer.token))
      .modelVersion;
  const versionsOf = async (modelId: string) =>
    Number(
      (await t.sql.query(`SELECT count(*) AS n FROM model_versions WHERE model_id = $1`, [modelId])).rows[0]
        .n,
    );
  const details = (res: GqlResponse) => res.errors?.[0]?.extensions?.details ?? [];

  beforeAll(async () => {
    const upload = await uploadDataset(t, analyst.token, 'customers', customersCsv(1500), MAPPING);
    expect(upload.status).toBe(201);
    datasetId = upload.body.id;
    const big = await uploadDataset(t, analyst.token, 'customers (big)', customersCsv(20_000), MAPPING);
    expect(big.status).toBe(201);
    bigDatasetId = big.body.id;
  }, 120_000);

  it('offers the dataset’s targets, predictors (with why some are left out) and date columns', async () => {
    const choices = ok(
      await t.gql(
        `query($d: ID!, $c: String) { trainingChoices(datasetId: $d, targetColumn: $c) { targets { column values } predictors { name input type include reason warning } timeColumns rows } }`,
        { d: datasetId, c: 'accepted' },
        reviewer.token,
      ),
    ).trainingChoices;
    expect(choices.rows).toBe(1500);
    expect(choices.timeColumns).toEqual(['signup']);
    // The outcome first; fields with few values may be targets too, constant ones not.
    expect(choices.targets[0]).toEqual({ column: 'accepted', values: expect.arrayContaining(['0', '1']) });
    expect(choices.targets).toContainEqual({
      column: 'region',
      values: expect.arrayContaining(['north', 'south', 'east']),
    });
    expect(choices.targets.map((c: { column: string }) => c.column)).not.toContain('country'); // one value only
    const byName = Object.fromEntries(choices.predictors.map((p: { name: string }) => [p.name, p]));
    expect(byName['age']).toMatchObject({ input: 'customer.age', type: 'number', include: true });
    expect(byName['region']).toMatchObject({ input: 'customer.region', type: 'string', include: true });
    expect(byName['offer']).toMatchObject({ input: 'action.id', include: true });
    expect(byName['id']).toMatchObject({ include: false, reason: expect.stringMatching(/customer id/) });
    expect(byName['phone']).toMatchObject({ include: false, reason: expect.stringMatching(/hashed/) });
    expect(byName['country']).toMatchObject({
      include: false,
      reason: expect.stringMatching(/constant|one value/i),
    });
    expect(byName['signup']).toMatchObject({ include: false, reason: expect.stringMatching(/date/) });
    expect(byName['accepted']).toBeUndefined();
  });

  it('trains a logistic model in the background and registers version 1 with its report, spec and provenance', async () => {
    const started = ok(
      await train({
        name: 'Card or loan acceptance',
        description: 'Who accepts an offer',
        algorithm: 'LOGISTIC',
      }),
    ).trainModel as Job;
    expect(started).toMatchObject({
      status: 'QUEUED',
      modelName: 'Card or loan acceptance',
      versionId: null,
      createdBy: analyst.id,
    });
    // A new model exists only once its first version is registered.
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', rows: 1500, error: null });
    const v = await version(done.versionId!);
    expect(v).toMatchObject({
      modelId: started.modelId,
      modelName: 'Card or loan acceptance',
      version: 1,
      algorithm: 'LOGISTIC',
      createdBy: analyst.id,
    });
    expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.report.auc.value).toBeGreaterThan(0.65);
    expect(v.auc).toBe(v.report.auc.value);
    expect(v.provenance).toMatchObject({
      datasetId,
      datasetName: 'customers',
      datasetHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      rows: 1500,
      target: { column: 'accepted', positiveValues: ['1'] },
      seed: 1,
      split: { kind: 'stratified', testShare: 0.2 },
      trainer: '@arbiter/learning 0.1.0',
    });
    expect(v.provenance.predictors.map((p: { name: string }) => p.name).sort()).toEqual([
      'age',
      'balance',
      'offer',
      'region',
    ]);
    // The spec is an engine model: it compiles and scores a customer for an offer.
    const score = scoreOf(v.spec, { age: 70, balance: 19_000, region: 'north' }, 'loan');
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThan(1);

    const model = ok(
      await t.gql(
        `query($id: ID!) { model(id: $id) { id name description target createdBy latestVersion { id version } versions { version } trainings { id status } } }`,
        { id: started.modelId },
        designer.token,
      ),
    ).model;
    expect(model).toMatchObject({
      name: 'Card or loan acceptance',
      description: 'Who accepts an offer',
      target: 'accepted is 1',
      latestVersion: { id: v.id, version: 1 },
      versions: [{ version: 1 }],
      trainings: [{ id: started.id, status: 'SUCCEEDED' }],
    });
    const audit = (
      await t.sql.query(
        `SELECT action, entity_type, entity_id, actor_id FROM audit_log WHERE action IN ('training.start', 'modelVersion.register') ORDER BY seq`,
      )
    ).rows;
    expect(audit).toEqual([
      { action: 'training.start', entity_type: 'trainingJob', entity_id: started.id, actor_id: analyst.id },
      { action: 'modelVersion.register', entity_type: 'modelVersion', entity_id: v.id, actor_id: analyst.id },
    ]);
    // What strategies pin (the coordinator's side): the latest version, or one by number.
    const pinned = await t.app.get(ModelsService).versionFor(started.modelId);
    expect(pinned).toEqual({
      modelId: started.modelId,
      name: 'Card or loan acceptance',
      version: 1,
      contentHash: v.contentHash,
      spec: v.spec,
      auc: v.auc,
    });
    expect(await t.app.get(ModelsService).versionFor(started.modelId, 2)).toBeUndefined();
  });

  it('retrains: version n+1 of the same model; the same data, settings and seed give the same hash; versions compare metric by metric', async () => {
    const first = await finished(
      (ok(await train({ name: 'Retrained', algorithm: 'LOGISTIC' })).trainModel as Job).id,
    );
    const modelId = (await version(first.versionId!)).modelId;
    const second = await finished(
      (ok(await train({ modelId, algorithm: 'LOGISTIC', settings: { l2: 50 } })).trainModel as Job).id,
    );
    const third = await finished((ok(await train({ modelId, algorithm: 'LOGISTIC' })).trainModel as Job).id);
    const [v1, v2, v3] = await Promise.all([first, second, third].map((j) => version(j.versionId!)));
    expect([v1.version, v2.version, v3.version]).toEqual([1, 2, 3]);
    expect(v3.contentHash).toBe(v1.contentHash);
    expect(v3.provenance.datasetHash).toBe(v1.provenance.datasetHash);
    expect(v2.contentHash).not.toBe(v1.contentHash);
    expect(v2.provenance.settings).toMatchObject({ l2: 50 });

    const comparison = ok(
      await t.gql(
        `query($a: ID!, $b: ID!) { compareModelVersions(a: $a, b: $b) { metric a b delta } }`,
        { a: v1.id, b: v2.id },
        reviewer.token,
      ),
    ).compareModelVersions;
    const auc = comparison.find((c: { metric: string }) => c.metric === 'auc');
    expect(auc).toEqual({
      metric: 'auc',
      a: v1.report.auc.value,
      b: v2.report.auc.value,
      delta: expect.closeTo(v2.report.auc.value - v1.report.auc.value, 12),
    });
    expect(comparison.map((c: { metric: string }) => c.metric)).toEqual(
      expect.arrayContaining(['logLoss', 'brier', 'liftTopDecile', 'trainRows', 'testRows']),
    );

    // A retrained model keeps its target.
    const other = await train({
      modelId,
      algorithm: 'LOGISTIC',
      targetColumn: 'region',
      positiveValues: ['north'],
    });
    expect(errorCode(other)).toBe('VALIDATION_FAILED');
    expect(details(other)).toContainEqual({
      field: 'input.targetColumn',
      message: expect.stringMatching(/predicts "accepted is 1"/),
    });
  });

  it('trains gradient-boosted trees with a time split', async () => {
    const started = ok(
      await train({
        name: 'Boosted',
        algorithm: 'GBDT',
        timeColumn: 'signup',
        settings: { trees: 30, maxDepth: 3 },
      }),
    ).trainModel as Job;
    const done = await finished(started.id);
    expect(done.status).toBe('SUCCEEDED');
    const v = await version(done.versionId!);
    expect(v).toMatchObject({ algorithm: 'GBDT', version: 1, spec: { type: 'treeEnsemble' } });
    expect(v.report.split).toMatchObject({ kind: 'time', column: 'signup' });
    expect(v.report.auc.value).toBeGreaterThan(0.6);
    const score = scoreOf(v.spec, { age: 30, balance: 500, region: 'east' }, 'card');
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
  });

  it('lets analysts and admins train, and no one else', async () => {
    const refused = await train({ name: 'Not mine', algorithm: 'LOGISTIC' }, designer.token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(errorCode(await train({ name: 'Not mine', algorithm: 'LOGISTIC' }, reviewer.token))).toBe(
      'FORBIDDEN',
    );
    const admin = await t.user([Role.admin]);
    const byAdmin = ok(await train({ name: 'By an admin', algorithm: 'NAIVE_BAYES' }, admin.token))
      .trainModel as Job;
    expect((await finished(byAdmin.id)).status).toBe('SUCCEEDED');
    expect(
      (await t.sql.query(`SELECT count(*)::int AS n FROM training_jobs WHERE model_name = 'Not mine'`))
        .rows[0].n,
    ).toBe(0);
  });

  it('refuses bad requests, naming the field and the reason, and stores nothing', async () => {
    const jobsBefore = (await t.sql.query(`SELECT count(*)::int AS n FROM training_jobs`)).rows[0].n;
    const single = await train({
      name: 'One class',
      algorithm: 'LOGISTIC',
      targetColumn: 'country',
      positiveValues: ['NL'],
    });
    expect(errorCode(single)).toBe('VALIDATION_FAILED');
    expect(details(single)).toEqual([
      {
        field: 'input.targetColumn',
        message: expect.stringMatching(
          /column "country" cannot be the target: it has one value only \("NL"\)/,
        ),
      },
    ]);

    const unknown = await train({ name: 'Unknown', algorithm: 'LOGISTIC', predictors: ['age', 'shoe_size'] });
    expect(errorCode(unknown)).toBe('VALIDATION_FAILED');
    expect(details(unknown)).toEqual([
      {
        field: 'input.predictors[1]',
        message: expect.stringMatching(/"shoe_size" is not a column of dataset "customers"/),
      },
    ]);

    const target = await train({ name: 'Unknown', algorithm: 'LOGISTIC', targetColumn: 'churned' });
    expect(details(target)).toEqual([
      { field: 'input.targetColumn', message: expect.stringMatching(/"churned" is not a column/) },
    ]);

    const several = await train({
      name: 'Several',
      algorithm: 'GBDT',
      positiveValues: ['yes'],
      predictors: ['phone', 'id'],
      settings: { trees: 0 },
    });
    expect(
      details(several)
        .map((d) => d.field)
        .sort(),
    ).toEqual([
      'input.positiveValues[0]',
      'input.predictors[0]',
      'input.predictors[1]',
      'input.settings.trees',
    ]);
    expect(details(several).find((d) => d.field === 'input.predictors[0]')!.message).toMatch(/hashed/);

    const share = await train({ name: 'Share', algorithm: 'LOGISTIC', testShare: 0.7 });
    expect(details(share)).toEqual([
      { field: 'input.testShare', message: expect.stringMatching(/at most 0.5/) },
    ]);
    const noName = await train({ algorithm: 'LOGISTIC' });
    expect(details(noName)).toEqual([
      { field: 'input.name', message: expect.stringMatching(/required for a new model/) },
    ]);
    expect(errorCode(await train({ name: 'card or loan ACCEPTANCE', algorithm: 'LOGISTIC' }))).toBe(
      'CONFLICT',
    );
    expect(
      errorCode(
        await train({
          name: 'Elsewhere',
          algorithm: 'LOGISTIC',
          datasetId: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM training_jobs`)).rows[0].n).toBe(jobsBefore);
  });

  it('cancels a running training: CANCELLED, and no version is registered', async () => {
    const started = ok(
      await train({
        name: 'Cancelled',
        algorithm: 'GBDT',
        datasetId: bigDatasetId,
        settings: { trees: 2000, earlyStopping: false, learningRate: 0.01 },
      }),
    ).trainModel as Job;
    await running(started.id);
    const cancelled = ok(
      await t.gql(
        `mutation($id: ID!) { cancelTraining(id: $id) { ${JOB} } }`,
        { id: started.id },
        analyst.token,
      ),
    ).cancelTraining;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', versionId: null, finishedAt: expect.any(String) });
    await t.app.get<symbol, InProcessTrainingRunner>(TRAINING_RUNNER).idle();
    expect(await job(started.id)).toMatchObject({ status: 'CANCELLED', versionId: null });
    expect(
      ok(await t.gql(`query($id: ID!) { model(id: $id) { id } }`, { id: started.modelId }, analyst.token))
        .model,
    ).toBeNull();
    expect(await versionsOf(started.modelId)).toBe(0);
    const again = await t.gql(
      `mutation($id: ID!) { cancelTraining(id: $id) { id } }`,
      { id: started.id },
      analyst.token,
    );
    expect(errorCode(again)).toBe('INVALID_STATE');
    expect(
      (
        await t.sql.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'training.cancel' AND entity_id = $1`,
          [started.id],
        )
      ).rows[0].n,
    ).toBe(1);
  });

  it('fails, registering nothing, when its dataset is deleted during training', async () => {
    const copy = await uploadDataset(
      t,
      analyst.token,
      'customers (to delete)',
      customersCsv(20_000),
      MAPPING,
    );
    const started = ok(
      await train({
        name: 'Orphan',
        algorithm: 'GBDT',
        datasetId: copy.body.id,
        settings: { trees: 2000, earlyStopping: false, learningRate: 0.01 },
      }),
    ).trainModel as Job;
    await running(started.id);
    ok(
      await t.gql(
        `mutation($id: ID!) { deleteDataset(id: $id) { id } }`,
        { id: copy.body.id },
        analyst.token,
      ),
    );
    const done = await finished(started.id);
    expect(done).toMatchObject({
      status: 'FAILED',
      versionId: null,
      error: 'The dataset "customers (to delete)" was deleted during training; nothing was registered.',
    });
    expect(await versionsOf(started.modelId)).toBe(0);
  });

  it('in-process (quick start): a training left RUNNING by a restart is trained again by the watchdog and registered once', async () => {
    const first = await finished(
      (ok(await train({ name: 'Restarted', algorithm: 'NAIVE_BAYES' })).trainModel as Job).id,
    );
    const v1 = await version(first.versionId!);
    // As a restart mid-training leaves it: RUNNING, nothing in this process's queue.
    const orphan = (
      await t.sql.query(
        `INSERT INTO training_jobs (model_id, model_name, new_model, dataset_id, status, phase, rows, request, created_by, created_at, started_at)
         SELECT model_id, model_name, false, dataset_id, 'RUNNING', 'training', 1500, request, created_by, now() - interval '1 minute', now() - interval '1 minute'
         FROM training_jobs WHERE id = $1 RETURNING id`,
        [first.id],
      )
    ).rows[0].id as string;
    await t.app.get(TrainingWatchdog).check();
    await t.app.get<symbol, InProcessTrainingRunner>(TRAINING_RUNNER).idle();
    const done = await job(orphan);
    expect(done.status).toBe('SUCCEEDED');
    const v2 = await version(done.versionId!);
    expect(v2).toMatchObject({ modelId: v1.modelId, version: 2, contentHash: v1.contentHash });
  });
});

describe('models: training on BullMQ (Redis)', () => {
  const prefix = uniquePrefix('models');
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
    await dropPrefix(prefix);
  });

  it('trains through the `training` queue and registers the version', async () => {
    t = await startTestApp({ REDIS_URL, REDIS_PREFIX: prefix });
    const analyst = await t.user([Role.analyst]);
    const upload = await uploadDataset(t, analyst.token, 'customers', customersCsv(800), MAPPING);
    expect(upload.status).toBe(201);
    const started = ok(
      await t.gql(
        TRAIN,
        {
          input: {
            name: 'On Redis',
            datasetId: upload.body.id,
            targetColumn: 'accepted',
            positiveValues: ['1'],
            algorithm: 'LOGISTIC',
          },
        },
        analyst.token,
      ),
    ).trainModel as Job;
    let current: Job = started;
    for (let i = 0; i < 600 && ['QUEUED', 'RUNNING'].includes(current.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      current = ok(
        await t.gql(`query($id: ID!) { trainingJob(id: $id) { ${JOB} } }`, { id: started.id }, analyst.token),
      ).trainingJob;
    }
    expect(current).toMatchObject({ status: 'SUCCEEDED', rows: 800 });
    const v = ok(
      await t.gql(
        `query($id: ID!) { modelVersion(id: $id) { version algorithm auc } }`,
        { id: current.versionId },
        analyst.token,
      ),
    ).modelVersion;
    expect(v).toMatchObject({ version: 1, algorithm: 'LOGISTIC', auc: expect.any(Number) });
  });
});

/**
 * The quick start's mode: embedded PostgreSQL (PGlite: one transaction at a time across its
 * connections) and the in-process runner. Starting and registering must not wait on a second
 * connection while holding a transaction, or they would hang here.
 */
describe('models: training on the embedded database, in-process', () => {
  let embedded: EmbeddedApp;

  beforeAll(async () => {
    embedded = await startEmbeddedApp('models');
  }, 180_000);

  afterAll(() => embedded?.close());

  it('trains and registers a version', async () => {
    const server = embedded.app.getHttpServer();
    const { gql } = embedded;
    const token = await embedded.signIn([Role.analyst], 'analyst@embedded.test');
    const upload = await request(server)
      .post('/api/v1/datasets?name=embedded')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'text/csv')
      .set('x-dataset-mapping', JSON.stringify(MAPPING))
      .send(Buffer.from(customersCsv(600)));
    expect(upload.status).toBe(201);
    const started = (
      await gql(
        TRAIN,
        {
          input: {
            name: 'Embedded',
            datasetId: upload.body.id,
            targetColumn: 'accepted',
            positiveValues: ['1'],
            algorithm: 'LOGISTIC',
          },
        },
        token,
      )
    ).trainModel as Job;
    let current = started;
    while (['QUEUED', 'RUNNING'].includes(current.status)) {
      await new Promise((r) => setTimeout(r, 100));
      current = (await gql(`query($id: ID!) { trainingJob(id: $id) { ${JOB} } }`, { id: started.id }, token))
        .trainingJob;
    }
    expect(current).toMatchObject({ status: 'SUCCEEDED', rows: 600 });
    const model = (
      await gql(
        `query($id: ID!) { model(id: $id) { name latestVersion { version auc } } }`,
        { id: started.modelId },
        token,
      )
    ).model;
    expect(model).toMatchObject({ name: 'Embedded', latestVersion: { version: 1, auc: expect.any(Number) } });
  }, 120_000);
});
