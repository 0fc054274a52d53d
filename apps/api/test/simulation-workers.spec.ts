import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { chunkJobId, SIMULATION_CHUNK_QUEUE } from '../src/jobs/job-runner';
import { customersCsv, CUSTOMERS_MAPPING, uploadDataset, waitForSimulation } from './support/datasets';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { RUN, simulationSetup } from './support/simulations';
import { ok, Role, startTestApp, type TestApp, type TestUser } from './support/test-app';
import { killWorkers, logged, startWorkerProcess, type WorkerProcess } from './support/worker-processes';

const ROWS = 100_000;
const UNDER_30 = 30_000;

/** All 50 chunks done, and the results of every row: the customers under 30 get nothing, the others both offers. */
function expectEveryRowSimulated(done: { progress: unknown; results: unknown }) {
  expect(done.progress).toEqual({ rowsDone: ROWS, rowsTotal: ROWS, chunksDone: 50 });
  expect(done.results).toMatchObject({ rows: ROWS, rowsWithoutRecommendation: UNDER_30 });
  const actions = (done.results as { actions: { actionId: string; eligible: number }[] }).actions;
  expect(actions.map((a) => [a.actionId, a.eligible])).toEqual([
    ['card', ROWS - UNDER_30],
    ['loan', ROWS - UNDER_30],
  ]);
}

/**
 * Real worker processes (`test/support/worker-process.js`, the sources of `npm run worker`) against
 * the test's PostgreSQL and Redis; the API process runs no worker (RUN_WORKER=false).
 */
describe('simulation workers', () => {
  const prefix = uniquePrefix('workers');
  let t: TestApp;
  let analyst: TestUser;
  let datasetId: string;
  let versions: Awaited<ReturnType<typeof simulationSetup>>;
  const workers: ChildProcess[] = [];
  const logging: WorkerProcess[] = [];
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  const chunkJobs = new Queue(SIMULATION_CHUNK_QUEUE, { connection: redis, prefix });

  const startWorker = (): ChildProcess => {
    const child = spawn(process.execPath, [join(__dirname, 'support', 'worker-process.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: t.db.url,
        REDIS_URL,
        REDIS_PREFIX: prefix,
        LOG_LEVEL: 'silent',
        DATABASE_POOL_SIZE: '3',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    workers.push(child);
    return child;
  };
  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
  const progress = async (id: string) =>
    (
      await t.sql.query(
        `SELECT count(*)::int AS chunks, coalesce(sum(rows), 0)::int AS rows FROM simulation_chunks WHERE simulation_id = $1`,
        [id],
      )
    ).rows[0] as { chunks: number; rows: number };
  const status = async (id: string) =>
    (await t.sql.query(`SELECT status FROM simulations WHERE id = $1`, [id])).rows[0].status as string;

  beforeAll(async () => {
    t = await startTestApp({
      REDIS_URL,
      REDIS_PREFIX: prefix,
      RUN_WORKER: 'false',
      SIMULATION_CHUNK_SIZE: '2000',
    });
    analyst = await t.user([Role.analyst]);
    const designer = await t.user([Role.designer]);
    versions = await simulationSetup(t, designer.token);
    const upload = await uploadDataset(t, analyst.token, 'customers', customersCsv(ROWS), {
      ...CUSTOMERS_MAPPING,
      useCustomerSchema: false,
    });
    expect(upload.status).toBe(201);
    datasetId = upload.body.id;
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    await Promise.all(workers.map(exited));
    await killWorkers(logging);
    await chunkJobs.close();
    await redis.quit();
    await t?.close();
    await dropPrefix(prefix);
  });

  it('cancels a queued simulation: its jobs are removed and a worker started later does nothing for it', async () => {
    const sim = ok(await t.gql(RUN, { v: versions.baseline.id, d: datasetId }, analyst.token)).runSimulation;
    const cancelled = ok(
      await t.gql(
        `mutation($id: ID!) { cancelSimulation(id: $id) { status } }`,
        { id: sim.id },
        analyst.token,
      ),
    ).cancelSimulation;
    expect(cancelled.status).toBe('CANCELLED');
    // Its chunk jobs (waiting by priority) are gone from the queue.
    expect(await chunkJobs.getJobCountByTypes('prioritized', 'waiting')).toBe(0);
    const again = await t.gql(
      `mutation($id: ID!) { cancelSimulation(id: $id) { status } }`,
      { id: sim.id },
      analyst.token,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const audit = await t.sql.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [
      sim.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['simulation.run', 'simulation.cancel']);
    // A cancelled simulation is not reused.
    expect(
      ok(await t.gql(RUN, { v: versions.baseline.id, d: datasetId }, analyst.token)).runSimulation.id,
    ).not.toBe(sim.id);
    await t.sql.query(`UPDATE simulations SET status = 'CANCELLED' WHERE id <> $1 AND status = 'QUEUED'`, [
      sim.id,
    ]);
    const worker = startWorker();
    await new Promise((r) => setTimeout(r, 4000));
    expect(await progress(sim.id)).toEqual({ chunks: 0, rows: 0 });
    expect(await status(sim.id)).toBe('CANCELLED');
    worker.kill('SIGTERM');
    await exited(worker);
  }, 60_000);

  it('finishes with exact totals when a worker is SIGKILLed mid-run and another takes over', async () => {
    const sim = ok(
      await t.gql(RUN, { v: versions.draft.id, d: datasetId, f: true }, analyst.token),
    ).runSimulation;
    expect(sim.chunkCount).toBe(50);
    const first = startWorker();
    const until = Date.now() + 60_000;
    while ((await progress(sim.id)).chunks < 3) {
      if (Date.now() > until) throw new Error('the first worker did not start');
      await new Promise((r) => setTimeout(r, 20));
    }
    first.kill('SIGKILL');
    await exited(first);
    const atKill = await progress(sim.id);
    expect(atKill.chunks).toBeLessThan(50);
    expect(await status(sim.id)).toBe('RUNNING');

    startWorker();
    const done = await waitForSimulation(t, analyst.token, sim.id, 90_000);
    expect(done.status).toBe('COMPLETED');
    expectEveryRowSimulated(done);
  }, 150_000);

  it('hands the chunk of a worker told to stop (SIGTERM) back to the queue at once; another worker takes it and the totals stay exact', async () => {
    // This worker alone, its signal handlers installed.
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    await Promise.all(workers.map(exited));
    const env = { DATABASE_URL: t.db.url, REDIS_URL, REDIS_PREFIX: prefix };
    const first = startWorkerProcess(env);
    logging.push(first);
    await logged(first, /^Simulation worker running/);
    const sim = ok(
      await t.gql(RUN, { v: versions.draft.id, d: datasetId, f: true }, analyst.token),
    ).runSimulation;
    const stored = async (chunkNo: number) =>
      (
        await t.sql.query(`SELECT 1 FROM simulation_chunks WHERE simulation_id = $1 AND chunk_no = $2`, [
          sim.id,
          chunkNo,
        ])
      ).rowCount === 1;
    const until = Date.now() + 60_000;
    while ((await progress(sim.id)).chunks < 2) {
      if (Date.now() > until) throw new Error('the first worker did not start');
      await sleep(20);
    }
    // Frozen (SIGSTOP) in the middle of a chunk: its job active in Redis, its result not stored; then told to stop.
    let chunkNo: number | undefined;
    for (let tries = 0; chunkNo === undefined; tries++) {
      if (tries === 20) throw new Error('could not catch the worker in the middle of a chunk');
      first.child.kill('SIGSTOP');
      await sleep(300); // what it had already sent to PostgreSQL lands
      const active = await chunkJobs.getActive();
      if (active.length === 1 && !(await stored(active[0]!.data.chunkNo)))
        chunkNo = active[0]!.data.chunkNo as number;
      else {
        first.child.kill('SIGCONT');
        await sleep(30);
      }
    }
    expect((await progress(sim.id)).chunks).toBeLessThan(50);
    first.child.kill('SIGTERM');
    first.child.kill('SIGCONT');
    await first.exited;
    expect(first.child.exitCode).toBe(0);
    // Back among the waiting chunks (`prioritized`: fair sharing) as the worker left — not active until the stalled check (lock 6 s + check every 3 s).
    expect(await chunkJobs.getJobState(chunkJobId(sim.id, chunkNo))).toBe('prioritized');
    expect(await stored(chunkNo)).toBe(false);
    const storedAtExit = (
      await t.sql.query(`SELECT chunk_no FROM simulation_chunks WHERE simulation_id = $1`, [sim.id])
    ).rows.map((r) => r.chunk_no as number);
    expect(first.messages).toContainEqual(
      expect.stringContaining(`chunk ${chunkNo} of simulation ${sim.id} handed back to the queue`),
    );

    const second = startWorkerProcess(env);
    logging.push(second);
    await logged(second, /^Simulation worker running/);
    const readyAt = Date.now();
    while (!(await stored(chunkNo))) {
      if (Date.now() - readyAt > 30_000)
        throw new Error(`chunk ${chunkNo} was not taken by the second worker`);
      await sleep(20);
    }
    // Well before the stalled check alone would have released it (lock 6 s, then a check every 3 s).
    expect(Date.now() - readyAt).toBeLessThan(5000);
    const done = await waitForSimulation(t, analyst.token, sim.id, 90_000);
    expect(done.status).toBe('COMPLETED');
    // It was the second worker's first chunk: the head of the waiting list, not left for later.
    const firstTaken = await t.sql.query(
      `SELECT chunk_no FROM simulation_chunks WHERE simulation_id = $1 AND chunk_no <> ALL($2::int[]) ORDER BY completed_at, chunk_no LIMIT 1`,
      [sim.id, storedAtExit],
    );
    expect(firstTaken.rows[0].chunk_no).toBe(chunkNo);
    expectEveryRowSimulated(done);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 150_000);
});
