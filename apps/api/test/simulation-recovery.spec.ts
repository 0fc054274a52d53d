import { setTimeout as sleep } from 'node:timers/promises';
import IORedis from 'ioredis';
import { MAX_REQUEUES, SimulationWatchdog } from '../src/simulations/simulation-watchdog';
import { customersCsv, CUSTOMERS_MAPPING, uploadDataset, waitForSimulation } from './support/datasets';
import { uniquePrefix } from './support/redis';
import { startRedisServer, type RedisServer } from './support/redis-server';
import { RUN, simulationSetup } from './support/simulations';
import { errorCode, ok, Role, startTestApp, type TestApp, type TestUser } from './support/test-app';
import { killWorkers, startWorkerProcess, type WorkerProcess } from './support/worker-processes';

const ROWS = 10_000;
const CHUNKS = 50;

interface Env {
  t: TestApp;
  analyst: TestUser;
  datasetId: string;
  versions: Awaited<ReturnType<typeof simulationSetup>>;
}

/**
 * A redis-server of this file's own, crashed (SIGKILL) and restarted empty — as Redis without
 * persistence does — under a real worker process and the API.
 */
describe('simulations when Redis loses its queue', () => {
  const prefix = uniquePrefix('recovery');
  let redis: RedisServer;
  let watched: Env;
  const workers: WorkerProcess[] = [];

  const environment = async (overrides: Record<string, string>, rows: number): Promise<Env> => {
    const t = await startTestApp({
      REDIS_URL: redis.url,
      RUN_WORKER: 'false',
      SIMULATION_CHUNK_SIZE: '200',
      ...overrides,
    });
    const analyst = await t.user([Role.analyst]);
    const versions = await simulationSetup(t, (await t.user([Role.designer])).token);
    const upload = await uploadDataset(t, analyst.token, 'customers', customersCsv(rows), {
      ...CUSTOMERS_MAPPING,
      useCustomerSchema: false,
    });
    expect(upload.status).toBe(201);
    return { t, analyst, datasetId: upload.body.id, versions };
  };
  const run = (e: Env, variables: { f?: boolean } = {}) =>
    e.t.gql(
      RUN,
      { v: e.versions.draft.id, d: e.datasetId, b: e.versions.baseline.id, ...variables },
      e.analyst.token,
    );
  const chunksStored = async (e: Env, id: string) =>
    (await e.t.sql.query(`SELECT count(*)::int AS n FROM simulation_chunks WHERE simulation_id = $1`, [id]))
      .rows[0].n as number;
  const row = async (e: Env, id: string) =>
    (await e.t.sql.query(`SELECT status, error FROM simulations WHERE id = $1`, [id])).rows[0] as {
      status: string;
      error: string | null;
    };

  beforeAll(async () => {
    redis = await startRedisServer();
    watched = await environment({ REDIS_PREFIX: prefix, SIMULATION_WATCHDOG_SECONDS: '1' }, ROWS);
  }, 120_000);

  afterAll(async () => {
    await killWorkers(workers);
    await watched?.t.close();
    await redis?.kill();
  });

  it('queues again the chunks of a run whose jobs Redis lost mid-run: it completes with the figures of a clean run', async () => {
    const worker = startWorkerProcess({
      DATABASE_URL: watched.t.db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      SIMULATION_WATCHDOG_SECONDS: '1',
    });
    workers.push(worker);
    const clean = await waitForSimulation(
      watched.t,
      watched.analyst.token,
      ok(await run(watched)).runSimulation.id,
      60_000,
    );
    expect(clean.status).toBe('COMPLETED');

    const sim = ok(await run(watched, { f: true })).runSimulation;
    expect(sim.chunkCount).toBe(CHUNKS);
    const until = Date.now() + 60_000;
    while ((await chunksStored(watched, sim.id)) < 3) {
      if (Date.now() > until) throw new Error('the worker did not start');
      await sleep(20);
    }
    await redis.kill();
    expect(await chunksStored(watched, sim.id)).toBeLessThan(CHUNKS);
    expect((await row(watched, sim.id)).status).toBe('RUNNING');
    await redis.start();

    const done = await waitForSimulation(watched.t, watched.analyst.token, sim.id, 60_000);
    expect(done.status).toBe('COMPLETED');
    expect(done.progress).toEqual({ rowsDone: ROWS, rowsTotal: ROWS, chunksDone: CHUNKS });
    expect(done.results).toEqual(clean.results);
    expect(done.comparison).toEqual(clean.comparison);
    worker.child.kill('SIGTERM');
    await worker.exited;
  }, 120_000);

  it('answers UNAVAILABLE within 2 s while Redis is down, and never hands back a run whose jobs Redis lost', async () => {
    // The watchdog of this API is as good as off: what reuse does alone shows.
    const e = await environment(
      { REDIS_PREFIX: uniquePrefix('recovery-reuse'), SIMULATION_WATCHDOG_SECONDS: '3600' },
      1000,
    );
    try {
      const first = ok(await run(e)).runSimulation;
      expect(first.status).toBe('QUEUED'); // no worker: its jobs wait in Redis
      // Past the few seconds a new run may take to be queued.
      await e.t.sql.query(
        `UPDATE simulations SET created_at = created_at - interval '1 minute' WHERE id = $1`,
        [first.id],
      );
      expect(ok(await run(e)).runSimulation.id).toBe(first.id);

      await redis.kill();
      const simulations = async () =>
        (await e.t.sql.query(`SELECT count(*)::int AS n FROM simulations`)).rows[0].n as number;
      const before = await simulations();
      for (const force of [false, true]) {
        const started = Date.now();
        const res = await run(e, { f: force });
        expect(Date.now() - started).toBeLessThan(2000);
        expect(res.data).toBeNull();
        expect(res.errors?.[0]?.extensions).toMatchObject({
          code: 'UNAVAILABLE',
          retryable: true,
          retryAfterSeconds: 5,
        });
        expect(res.errors?.[0]?.message).toMatch(/job queue \(Redis\) does not answer/);
      }
      expect(await simulations()).toBe(before);

      await redis.start(); // empty: the first run's jobs are gone
      let again = await run(e);
      for (
        const until = Date.now() + 20_000;
        errorCode(again) === 'UNAVAILABLE' && Date.now() < until;
        again = await run(e)
      )
        await sleep(200);
      const second = ok(again).runSimulation;
      expect(second.id).not.toBe(first.id);
      expect(second.status).toBe('QUEUED');
      expect((await row(e, first.id)).status).toBe('QUEUED');

      // The watchdog's pass queues the lost run again — and fails it once it has been lost too often.
      const watchdog = e.t.app.get(SimulationWatchdog);
      const flush = async () => {
        const client = new IORedis(redis.url);
        await client.flushall(); // also drops the watchdog's claim of the period
        await client.quit();
      };
      for (let requeues = 1; requeues <= MAX_REQUEUES; requeues++) {
        await watchdog.check();
        expect(await row(e, first.id)).toEqual({ status: 'QUEUED', error: null });
        expect(ok(await run(e)).runSimulation.id).toBe(second.id); // the newest run the queue holds
        await flush();
        await e.t.sql.query(
          `UPDATE simulations SET created_at = now() - interval '30 seconds' WHERE id = $1`,
          [second.id],
        );
      }
      await watchdog.check();
      expect(await row(e, first.id)).toEqual({
        status: 'FAILED',
        error: expect.stringMatching(/jobs were lost from the job queue 3 times/),
      });
    } finally {
      await e.t.close();
    }
  }, 120_000);
});
