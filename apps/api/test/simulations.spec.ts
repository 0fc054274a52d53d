import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { InProcessJobRunner } from '../src/jobs/in-process-job-runner';
import { JOB_RUNNER } from '../src/jobs/job-runner';
import { SimulationProcessor } from '../src/simulations/simulation-processor';
import { SimulationWatchdog } from '../src/simulations/simulation-watchdog';
import { customersCsv, CUSTOMERS_MAPPING, uploadDataset, waitForSimulation } from './support/datasets';
import { mutate } from './support/fixtures';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { RUN, simulationSetup } from './support/simulations';
import { errorCode, ok, Role, startTestApp, type TestApp, type TestUser } from './support/test-app';

const ROWS = 2400; // ages 0–99 cycling: 720 rows are under 30
const UNDER_30 = 720;
const CHUNK = '500'; // 5 chunks, the last one partial

interface Env {
  t: TestApp;
  analyst: TestUser;
  designer: TestUser;
  datasetId: string;
  versions: Awaited<ReturnType<typeof simulationSetup>>;
}

async function environment(overrides: Record<string, string>): Promise<Env> {
  const t = await startTestApp({ SIMULATION_CHUNK_SIZE: CHUNK, ...overrides });
  const analyst = await t.user([Role.analyst]);
  const designer = await t.user([Role.designer]);
  const versions = await simulationSetup(t, designer.token);
  const upload = await uploadDataset(t, analyst.token, 'customers', customersCsv(ROWS), {
    ...CUSTOMERS_MAPPING,
    segmentColumns: ['segment'],
    useCustomerSchema: false,
  });
  expect(upload.status).toBe(201);
  return { t, analyst, designer, datasetId: upload.body.id, versions };
}

describe('simulations', () => {
  const prefix = uniquePrefix('simulations');
  let bull: Env;
  let local: Env;

  beforeAll(async () => {
    bull = await environment({ REDIS_URL, REDIS_PREFIX: prefix });
    local = await environment({});
  });
  afterAll(async () => {
    await bull?.t.close();
    await local?.t.close();
    await dropPrefix(prefix);
  });

  const run = async (e: Env, v: string, b?: string, force?: boolean) =>
    ok(await e.t.gql(RUN, { v, d: e.datasetId, b, f: force }, e.analyst.token)).runSimulation;

  it('runs a version over a dataset as a BullMQ flow, and the in-process runner gives identical results', async () => {
    const queued = await run(bull, bull.versions.draft.id);
    expect(queued).toMatchObject({
      status: 'QUEUED',
      contentHash: bull.versions.draft.contentHash,
      rowsTotal: ROWS,
      chunkCount: 5,
    });
    const done = await waitForSimulation(bull.t, bull.analyst.token, queued.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.progress).toEqual({ rowsDone: ROWS, rowsTotal: ROWS, chunksDone: 5 });
    const results = done.results as {
      rows: number;
      rowsWithoutRecommendation: number;
      offPolicy: { top: { rows: number } };
      nodes: { nodeId: string }[];
    };
    expect(results).toMatchObject({ rows: ROWS, rowsWithoutRecommendation: UNDER_30 });
    expect(results.offPolicy.top.rows).toBe(ROWS);
    expect(results.nodes.map((n) => n.nodeId)).toEqual(
      expect.arrayContaining(['candidates', 'thirty-plus', 'output']),
    );

    const localRun = await run(local, local.versions.draft.id);
    const localDone = await waitForSimulation(local.t, local.analyst.token, localRun.id);
    expect(localDone.status).toBe('COMPLETED');
    expect(localDone.results).toEqual(done.results);
  });

  it('reuses the result of the same content, dataset and baseline unless forced', async () => {
    const first = await run(bull, bull.versions.draft.id);
    const again = await run(bull, bull.versions.draft.id);
    expect(again.id).toBe(first.id);
    const forced = await run(bull, bull.versions.draft.id, undefined, true);
    expect(forced.id).not.toBe(first.id);
    expect((await waitForSimulation(bull.t, bull.analyst.token, forced.id)).status).toBe('COMPLETED');
  });

  it('compares a draft with a baseline on the same rows: the known difference, exactly', async () => {
    const sim = await run(bull, bull.versions.draft.id, bull.versions.baseline.id);
    const done = await waitForSimulation(bull.t, bull.analyst.token, sim.id);
    expect(done.status).toBe('COMPLETED');
    const c = done.comparison as {
      rows: { change: number };
      rowsWithoutRecommendation: { baseline: number; draft: number; change: number };
      topActions: {
        compared: number;
        changed: number;
        examples: { customerId: string; before: string | null; after: string | null }[];
      };
      uplift: { top: { paired: boolean } };
    };
    expect(c.rows.change).toBe(0);
    expect(c.rowsWithoutRecommendation).toEqual({ baseline: 0, draft: UNDER_30, change: UNDER_30 });
    expect(c.topActions).toMatchObject({ compared: ROWS, changed: UNDER_30 });
    expect(c.topActions.examples[0]).toEqual({ customerId: 'c0', before: expect.any(String), after: null });
    expect(c.uplift.top.paired).toBe(true);

    // Per segment (the dataset's segment column): gold, silver and bronze get every third row.
    const rowsOf = (segment: number) =>
      Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 3 === segment);
    const expected = ['gold', 'silver', 'bronze'].map((segment, n) => ({
      segment,
      rows: rowsOf(n).length,
      under30: rowsOf(n).filter((i) => i % 100 < 30).length,
    }));
    const groups = (
      done.results as {
        segments: {
          groups: { segment: string; rows: number; rowsWithoutRecommendation: number }[];
          complete: boolean;
        };
      }
    ).segments;
    expect(groups.complete).toBe(true);
    expect(
      groups.groups
        .map((g) => ({ segment: g.segment, rows: g.rows, under30: g.rowsWithoutRecommendation }))
        .sort((a, b) => a.segment.localeCompare(b.segment)),
    ).toEqual(expected.sort((a, b) => a.segment.localeCompare(b.segment)));
    const segments = (
      done.comparison as {
        segments: { segment: string; rowsWithoutRecommendation: { baseline: number; draft: number } }[];
      }
    ).segments;
    expect(
      segments
        .map((g) => [g.segment, g.rowsWithoutRecommendation.baseline, g.rowsWithoutRecommendation.draft])
        .sort(),
    ).toEqual(expected.map((e) => [e.segment, 0, e.under30]).sort());
  });

  it('in-process (quick start): a run left RUNNING by a restart gets its missing chunks queued again by the watchdog', async () => {
    const sim = await run(local, local.versions.baseline.id, undefined, true);
    const done = await waitForSimulation(local.t, local.analyst.token, sim.id);
    // As a restart mid-run leaves it: RUNNING, two chunks stored, nothing in this process's queue.
    await local.t.sql.query(
      `UPDATE simulations SET status = 'RUNNING', results = NULL, completed_at = NULL, created_at = created_at - interval '1 minute' WHERE id = $1`,
      [sim.id],
    );
    await local.t.sql.query(
      `DELETE FROM simulation_chunks WHERE simulation_id = $1 AND chunk_no IN (1, 3, 4)`,
      [sim.id],
    );
    await local.t.app.get(SimulationWatchdog).check();
    await local.t.app.get<symbol, InProcessJobRunner>(JOB_RUNNER).idle();
    const again = ok(
      await local.t.gql(
        `query($id: ID!) { simulation(id: $id) { status results progress { rowsDone chunksDone } } }`,
        { id: sim.id },
        local.analyst.token,
      ),
    ).simulation;
    expect(again).toEqual({
      status: 'COMPLETED',
      results: done.results,
      progress: { rowsDone: ROWS, chunksDone: 5 },
    });
  });

  it('a chunk processed again does not count twice', async () => {
    const sim = await run(bull, bull.versions.baseline.id);
    const done = await waitForSimulation(bull.t, bull.analyst.token, sim.id);
    const processor = bull.t.app.get(SimulationProcessor);
    // Replay the end of the run as a retried job would: the chunks again (one of them lost first), then the parent.
    await bull.t.sql.query(`UPDATE simulations SET status = 'RUNNING' WHERE id = $1`, [sim.id]);
    await bull.t.sql.query(`DELETE FROM simulation_chunks WHERE simulation_id = $1 AND chunk_no = 2`, [
      sim.id,
    ]);
    for (const chunk of [0, 2, 2, 4]) await processor.processChunk(sim.id, chunk);
    await Promise.all([processor.processChunk(sim.id, 3), processor.processChunk(sim.id, 3)]);
    expect(
      (
        await bull.t.sql.query(
          `SELECT count(*)::int AS n, sum(rows)::int AS rows FROM simulation_chunks WHERE simulation_id = $1`,
          [sim.id],
        )
      ).rows[0],
    ).toEqual({ n: 5, rows: ROWS });
    await processor.finish(sim.id);
    const again = ok(
      await bull.t.gql(
        `query($id: ID!) { simulation(id: $id) { status results } }`,
        { id: sim.id },
        bull.analyst.token,
      ),
    ).simulation;
    expect(again.status).toBe('COMPLETED');
    expect(again.results).toEqual(done.results);
  });

  it('warns when the strategy reads a field the dataset holds hashed, or lacks', async () => {
    const warningsOn = async (mapping: Record<string, unknown>) => {
      const upload = await uploadDataset(local.t, local.analyst.token, 'warned', customersCsv(20), {
        ...CUSTOMERS_MAPPING,
        useCustomerSchema: false,
        ...mapping,
      });
      expect(upload.status).toBe(201);
      const sim = ok(
        await local.t.gql(RUN, { v: local.versions.draft.id, d: upload.body.id }, local.analyst.token),
      ).runSimulation;
      await waitForSimulation(local.t, local.analyst.token, sim.id);
      return ok(
        await local.t.gql(
          `query($id: ID!) { simulation(id: $id) { dataWarnings } }`,
          { id: sim.id },
          local.analyst.token,
        ),
      ).simulation.dataWarnings as string[];
    };
    expect(await warningsOn({})).toEqual([]);
    const hashed = await warningsOn({ personal: { age: 'hash' } });
    expect(hashed).toEqual([
      expect.stringMatching(/^The strategy reads customer\.age, which this dataset holds hashed/),
    ]);
    const missing = await warningsOn({ fields: ['segment'] });
    expect(missing).toEqual([
      expect.stringMatching(/^The strategy reads customer\.age, which this dataset does not have/),
    ]);
  });

  it('is the evidence approval needs', async () => {
    const reviewer = await bull.t.user([Role.reviewer]);
    const { designer, versions } = bull;
    ok(await mutate.submit(bull.t, designer.token, versions.draft.id));
    await bull.t.sql.query(`DELETE FROM simulations WHERE content_hash = $1`, [versions.draft.contentHash]);
    expect(errorCode(await mutate.approve(bull.t, reviewer.token, versions.draft.id, 'ok'))).toBe(
      'INVALID_STATE',
    );
    const sim = await run(bull, versions.draft.id);
    expect((await waitForSimulation(bull.t, bull.analyst.token, sim.id)).status).toBe('COMPLETED');
    expect(
      ok(await mutate.approve(bull.t, reviewer.token, versions.draft.id, 'ok')).approveVersion.status,
    ).toBe('APPROVED');
  });

  it('pushes progress over a graphql-ws subscription until the end', async () => {
    const server = await bull.t.app.listen(0, '127.0.0.1');
    const port = (server.address() as { port: number }).port;
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${bull.analyst.token}` },
      retryAttempts: 0,
    });
    try {
      const sim = await run(bull, bull.versions.baseline.id, undefined, true);
      const events: { status: string; rowsDone: number; rowsTotal: number }[] = [];
      await new Promise<void>((resolve, reject) => {
        client.subscribe<{ simulationProgress: { status: string; rowsDone: number; rowsTotal: number } }>(
          {
            query: `subscription($id: ID!) { simulationProgress(id: $id) { status rowsDone rowsTotal rowsPerSecond etaSeconds } }`,
            variables: { id: sim.id },
          },
          {
            next: (m) =>
              m.data ? events.push(m.data.simulationProgress) : reject(new Error(JSON.stringify(m.errors))),
            error: reject,
            complete: resolve,
          },
        );
      });
      expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', rowsDone: ROWS, rowsTotal: ROWS });
      const anonymous = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      const refused = await new Promise<unknown>((resolve) => {
        anonymous.subscribe(
          {
            query: `subscription($id: ID!) { simulationProgress(id: $id) { status } }`,
            variables: { id: sim.id },
          },
          { next: (m) => resolve(m.errors?.[0]), error: resolve, complete: () => resolve(null) },
        );
      });
      await anonymous.dispose();
      expect(JSON.stringify(refused)).toMatch(/UNAUTHENTICATED|Sign in/);
    } finally {
      await client.dispose();
    }
  });
});
