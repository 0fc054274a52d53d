import { setTimeout as sleep } from 'node:timers/promises';
import { customersCsv, CUSTOMERS_MAPPING, uploadDataset, waitForSimulation } from './support/datasets';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { RUN, simulationSetup } from './support/simulations';
import { ok, Role, startTestApp, type TestApp, type TestUser } from './support/test-app';
import { killWorkers, logged, startWorkerProcess, type WorkerProcess } from './support/worker-processes';

const CHUNK = 500;
const LARGE = 40_000; // 80 chunks
const SMALL = 1_000; // 2 chunks

interface Env {
  t: TestApp;
  analyst: TestUser;
  versionId: string;
  large: string;
  small: string;
}

async function environment(overrides: Record<string, string>): Promise<Env> {
  const t = await startTestApp({ SIMULATION_CHUNK_SIZE: String(CHUNK), ...overrides });
  const analyst = await t.user([Role.analyst]);
  const designer = await t.user([Role.designer]);
  const versions = await simulationSetup(t, designer.token);
  const dataset = async (name: string, rows: number) => {
    const upload = await uploadDataset(t, analyst.token, name, customersCsv(rows), {
      ...CUSTOMERS_MAPPING,
      useCustomerSchema: false,
    });
    expect(upload.status).toBe(201);
    return upload.body.id as string;
  };
  return {
    t,
    analyst,
    versionId: versions.draft.id,
    large: await dataset('large', LARGE),
    small: await dataset('small', SMALL),
  };
}

const run = async (e: Env, datasetId: string): Promise<string> =>
  ok(await e.t.gql(RUN, { v: e.versionId, d: datasetId, f: true }, e.analyst.token)).runSimulation.id;

/** What a user watching the runs saw: each stored chunk and each completion, in the order they happened. */
async function history(e: Env, ids: string[]): Promise<{ id: string; chunkNo: number | null }[]> {
  const rows = await e.t.sql.query(
    `SELECT simulation_id AS id, chunk_no AS "chunkNo", completed_at AS at FROM simulation_chunks WHERE simulation_id = ANY($1)
     UNION ALL SELECT id, NULL, completed_at FROM simulations WHERE id = ANY($1) AND completed_at IS NOT NULL
     ORDER BY at, "chunkNo" NULLS LAST`,
    [ids],
  );
  return rows.rows.map((r) => ({ id: r.id as string, chunkNo: r.chunkNo as number | null }));
}

/** Chunks stored per run before the first run completed, and which run that was. */
function atFirstCompletion(
  events: { id: string; chunkNo: number | null }[],
  ids: string[],
): { first: string; chunks: number[] } {
  const end = events.findIndex((event) => event.chunkNo === null);
  expect(end).toBeGreaterThan(0);
  const before = events.slice(0, end);
  return {
    first: events[end]!.id,
    chunks: ids.map((id) => before.filter((event) => event.id === id).length),
  };
}

async function completeAll(e: Env, ids: string[]): Promise<void> {
  for (const id of ids) {
    const done = await waitForSimulation(e.t, e.analyst.token, id, 120_000);
    expect(done.status).toBe('COMPLETED');
  }
}

/** Four runs queued together, three large then one small: all advance from the start and the small one completes first. */
async function fourTogether(
  e: Env,
  whenQueued: () => Promise<void> = async () => undefined,
): Promise<{ ids: string[]; events: { id: string; chunkNo: number | null }[] }> {
  const large = [await run(e, e.large), await run(e, e.large), await run(e, e.large)];
  const small = await run(e, e.small);
  await whenQueued();
  const ids = [...large, small];
  await completeAll(e, ids);
  const events = await history(e, ids);
  const { first, chunks } = atFirstCompletion(events, ids);
  expect(first).toBe(small);
  // When the small run completed, each large one had results stored and far from all of them.
  for (const stored of chunks.slice(0, 3)) {
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(LARGE / CHUNK / 2);
  }
  expect(chunks[3]).toBe(SMALL / CHUNK);
  // Every run's first result came before any run's last.
  const firstChunks = ids.map((id) => events.findIndex((event) => event.id === id && event.chunkNo !== null));
  const completions = ids.map((id) => events.findIndex((event) => event.id === id && event.chunkNo === null));
  expect(Math.max(...firstChunks)).toBeLessThan(Math.min(...completions));
  return { ids, events };
}

/** A small run started while a large one is under way completes while the large one is still running. */
async function smallAfterLarge(e: Env): Promise<void> {
  const large = await run(e, e.large);
  const until = Date.now() + 60_000;
  while (
    Number(
      (await e.t.sql.query(`SELECT count(*) AS n FROM simulation_chunks WHERE simulation_id = $1`, [large]))
        .rows[0].n,
    ) < 2
  ) {
    if (Date.now() > until) throw new Error('the large run did not start');
    await sleep(20);
  }
  const small = await run(e, e.small);
  await completeAll(e, [large, small]);
  const { first, chunks } = atFirstCompletion(await history(e, [large, small]), [large, small]);
  expect(first).toBe(small);
  expect(chunks[0]).toBeLessThan(LARGE / CHUNK);
}

describe('simulations share the workers fairly (chunk k of every run before chunk k + 1 of any)', () => {
  describe('BullMQ with real worker processes', () => {
    const prefix = uniquePrefix('fair-sharing');
    let e: Env;
    const workers: WorkerProcess[] = [];
    const startWorker = async () => {
      const worker = startWorkerProcess({ DATABASE_URL: e.t.db.url, REDIS_URL, REDIS_PREFIX: prefix });
      workers.push(worker);
      await logged(worker, /^Simulation worker running/);
    };

    beforeAll(async () => {
      e = await environment({ REDIS_URL, REDIS_PREFIX: prefix, RUN_WORKER: 'false' });
    }, 120_000);
    afterAll(async () => {
      await killWorkers(workers);
      await e?.t.close();
      await dropPrefix(prefix);
    });

    it('four runs queued together advance together: one worker takes the first chunk of each, then the second of each, and the small run completes first', async () => {
      const { ids, events } = await fourTogether(e, startWorker);
      // One worker: the four first chunks, in the order the runs were queued, then the four second ones.
      const chunks = events.filter((event) => event.chunkNo !== null);
      expect(chunks.slice(0, 8)).toEqual([0, 1].flatMap((chunkNo) => ids.map((id) => ({ id, chunkNo }))));
    }, 180_000);

    it('with two workers, a small run started behind a large one under way completes first', async () => {
      await startWorker();
      await smallAfterLarge(e);
    }, 180_000);
  });

  describe('in-process (quick start): the same order', () => {
    let e: Env;
    beforeAll(async () => {
      e = await environment({});
    }, 120_000);
    afterAll(async () => {
      await e?.t.close();
    });

    it('four runs started together all advance from the start and the small one completes first', async () => {
      await fourTogether(e);
    }, 180_000);

    it('a small run started behind a large one under way completes first', async () => {
      await smallAfterLarge(e);
    }, 180_000);
  });
});
