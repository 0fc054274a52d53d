import { uploadDataset, waitForSimulation } from './support/datasets';
import { pipelineDoc, createActions } from './support/fixtures';
import { blindModel, OFFER_LOG_MAPPING, OFFER_LOG_ROWS, offerLogCsv } from './support/offer-log';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { errorCode, ok, Role, startTestApp, type TestApp, type TestUser } from './support/test-app';

// The frozen strategy offers the card to everyone; replayed with learning, the blind models learn who takes what.
const ROWS = OFFER_LOG_ROWS;
const blindAgeModel = (modelId: string) => blindModel(modelId, 'customer.age');

const strategy = (score: Record<string, unknown>) =>
  pipelineDoc(
    { id: 'offers', type: 'actions' },
    { id: 'score', type: 'score', config: score },
    { id: 'best', type: 'rank', config: { by: 'propensity', order: 'desc', limit: 1 } },
    { id: 'out', type: 'output' },
  );

const RUN = `mutation($v: ID!, $d: ID!, $l: SimulationLearningInput, $f: Boolean) { runSimulation(versionId: $v, datasetId: $d, learning: $l, force: $f) { id status } }`;

interface Rate {
  matched: number;
  accepted: number;
  rate: number;
  low: number;
  high: number;
}
interface Learning {
  orderBy: string;
  rows: number;
  rowsWithoutLog: number;
  updates: number;
  learning: Rate;
  frozen: Rate;
  buckets: { rows: number; from: number; to: number; learning: Rate; frozen: Rate }[];
  models: { model: string; evidenceBefore: number; evidenceAfter: number }[];
}

interface Env {
  t: TestApp;
  analyst: TestUser;
  adaptive: string;
  fixed: string;
  datasetId: string;
  unlogged: string;
}

async function environment(overrides: Record<string, string>): Promise<Env> {
  const t = await startTestApp({ SIMULATION_CHUNK_SIZE: '700', ...overrides });
  const analyst = await t.user([Role.analyst]);
  const designer = await t.user([Role.designer]);
  await createActions(
    t,
    designer.token,
    ['card', 'loan'].map((id) => ({ id, name: id, value: 10 })),
  );
  const create = async (name: string, document: unknown) =>
    ok(
      await t.gql(
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { versions { id } } }`,
        { i: { name, document } },
        designer.token,
      ),
    ).createStrategy.versions[0].id as string;
  const adaptive = await create(
    'Learning offers',
    strategy({ byAction: { card: blindAgeModel('card'), loan: blindAgeModel('loan') } }),
  );
  const fixed = await create(
    'Fixed offers',
    strategy({ model: { type: 'logistic', intercept: -2, terms: [] } }),
  );
  const upload = await uploadDataset(
    t,
    analyst.token,
    'offer log',
    offerLogCsv('age', { shuffled: true }),
    OFFER_LOG_MAPPING,
  );
  expect(upload.status).toBe(201);
  const bare = await uploadDataset(t, analyst.token, 'customers only', 'id,age,t\nc1,30,1\nc2,50,2\n', {
    customerId: 'id',
    useCustomerSchema: false,
  });
  expect(bare.status).toBe(201);
  return { t, analyst, adaptive, fixed, datasetId: upload.body.id, unlogged: bare.body.id };
}

describe('simulations that learn while replaying', () => {
  const prefix = uniquePrefix('simulation-learning');
  let local: Env;
  let bull: Env;

  beforeAll(async () => {
    local = await environment({});
    bull = await environment({ REDIS_URL, REDIS_PREFIX: prefix });
  });
  afterAll(async () => {
    await local?.t.close();
    await bull?.t.close();
    await dropPrefix(prefix);
  });

  const run = async (e: Env, versionId: string, learning?: unknown, datasetId = e.datasetId) =>
    e.t.gql(RUN, { v: versionId, d: datasetId, l: learning }, e.analyst.token);

  let curve: Learning;

  it('replays the log in time order, learning only from matched rows, and reports the curve beside the frozen models', async () => {
    const sim = ok(await run(local, local.adaptive, { orderBy: 't' })).runSimulation;
    const done = await waitForSimulation(local.t, local.analyst.token, sim.id, 180_000);
    expect(done.status).toBe('COMPLETED');
    const results = done.results as { rows: number; offPolicy: unknown; learning: Learning };
    // The usual summary is still there (the frozen strategy over every row, in parallel chunks).
    expect(results.rows).toBe(ROWS);
    expect(results.offPolicy).toBeDefined();
    curve = results.learning;
    expect(curve).toMatchObject({ orderBy: 't', rows: ROWS, rowsWithoutLog: 0 });
    // Learning happens on the learning policy's matched rows only, each applied once.
    expect(curve.updates).toBe(curve.learning.matched);
    expect(curve.models.map((m) => m.model).sort()).toEqual(['score byAction card', 'score byAction loan']);
    expect(curve.models.reduce((s, m) => s + m.evidenceAfter - m.evidenceBefore, 0)).toBe(curve.updates);
    // Ten buckets of consecutive time, in the order of t (the file was shuffled).
    expect(curve.buckets).toHaveLength(10);
    expect(curve.buckets.map((b) => b.from)).toEqual(Array.from({ length: 10 }, (_, i) => i * 300));
    expect(curve.buckets.every((b) => b.to === b.from + 299 && b.rows === 300)).toBe(true);
    // Learning clearly helps: over the whole replay beyond the 95% intervals (a blind frozen model
    // explores at random: about (0.4 + 0.05) / 2), and the curve rises after the first stretch of time.
    expect(curve.learning.low).toBeGreaterThan(curve.frozen.high);
    expect(curve.frozen.rate).toBeLessThan(0.25);
    const later = curve.buckets.slice(5);
    const laterRate =
      later.reduce((s, b) => s + b.learning.accepted, 0) / later.reduce((s, b) => s + b.learning.matched, 0);
    expect(laterRate).toBeGreaterThan(curve.buckets[0]!.learning.rate + 0.05);
    expect(laterRate).toBeGreaterThan(0.35);
  });

  it('gives the same curve through BullMQ workers, and does not reuse a run without learning', async () => {
    const plain = ok(await run(bull, bull.adaptive)).runSimulation;
    expect((await waitForSimulation(bull.t, bull.analyst.token, plain.id)).status).toBe('COMPLETED');
    const learning = ok(await run(bull, bull.adaptive, { orderBy: 't' })).runSimulation;
    expect(learning.id).not.toBe(plain.id);
    const done = await waitForSimulation(bull.t, bull.analyst.token, learning.id, 180_000);
    expect(done.status).toBe('COMPLETED');
    expect((done.results as { learning: Learning }).learning).toEqual(curve);
    // The same request again is the same simulation.
    expect(ok(await run(bull, bull.adaptive, { orderBy: 't' })).runSimulation.id).toBe(learning.id);
  });

  it('refuses learning without an adaptive model, a logged outcome or a known order column, storing nothing', async () => {
    const count = async () =>
      (await local.t.sql.query(`SELECT count(*)::int AS n FROM simulations`)).rows[0].n as number;
    const before = await count();
    const refusal = async (versionId: string, learning: unknown, datasetId?: string) => {
      const res = await run(local, versionId, learning, datasetId);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      const detail = res.errors![0]!.extensions!.details![0]!;
      return `${detail.field}: ${detail.message}`;
    };
    expect(await refusal(local.fixed, { orderBy: 't' })).toMatch(
      /^learning: .*no action with an adaptive model/,
    );
    expect(await refusal(local.adaptive, { orderBy: 't' }, local.unlogged)).toMatch(
      /^learning: dataset "customers only" maps no logged action and outcome/,
    );
    expect(await refusal(local.adaptive, { orderBy: 'when' })).toMatch(
      /^learning.orderBy: "when" is not a field of dataset "offer log"/,
    );
    expect(await refusal(local.adaptive, { orderBy: ' ' })).toMatch(/^learning.orderBy: /);
    expect(await count()).toBe(before);
  });
});
