import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { HistoryService } from '../src/interactions/history.service';
import { UsersService } from '../src/users/users.service';
import { customersCsv, CUSTOMERS_MAPPING } from './support/datasets';
import { RUN, simulationSetup } from './support/simulations';
import { Role, TEST_PASSWORD, type TestApp } from './support/test-app';

const REGISTER_TS = join(__dirname, '../../../tools/register-ts.js');

/**
 * The quick start's mode: embedded PostgreSQL (PGlite, which allows one transaction at a time
 * across its connections) and the in-process job runner. Upload and simulation must not wait on a
 * second connection while holding a transaction, or they would hang here.
 */
describe('datasets and simulations on the embedded database, in-process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-pglite-sim-'));
  let child: ChildProcess;
  let app: NestExpressApplication;

  beforeAll(async () => {
    const script = `require(${JSON.stringify(join(__dirname, '../src/database/embedded-postgres.ts'))}).startEmbeddedPostgres(${JSON.stringify(dir)})
      .then((db) => { console.log('URL ' + db.url); process.on('SIGTERM', () => db.stop().then(() => process.exit(0))); })`;
    child = spawn(process.execPath, ['-r', REGISTER_TS, '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const match = /URL (\S+)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`embedded database exited with ${code}`)));
    });
    app = await createApp(
      // One connection, as `npm start` gives the embedded database (database-url.ts).
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: '1',
        LOG_LEVEL: 'silent',
        SIMULATION_CHUNK_SIZE: '200',
      }),
    );
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (child) {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a dataset and completes a simulation with a baseline', async () => {
    const server = app.getHttpServer();
    const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      return res.body.data;
    };
    const login = async (roles: Role[], email: string) => {
      await app.get(UsersService).create(null, { email, displayName: email, password: TEST_PASSWORD, roles });
      return (
        await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
          e: email,
          p: TEST_PASSWORD,
        })
      ).login.accessToken as string;
    };
    const analyst = await login([Role.analyst], 'analyst@embedded.test');
    const designer = await login([Role.designer], 'designer@embedded.test');
    const versions = await simulationSetup(
      {
        gql: (q: string, v?: Record<string, unknown>, tk?: string) =>
          gql(q, v, tk).then((data) => ({ status: 200, data, headers: {} })),
      } as Pick<TestApp, 'gql'>,
      designer,
    );
    const upload = await request(server)
      .post('/api/v1/datasets?name=embedded')
      .set('authorization', `Bearer ${analyst}`)
      .set('content-type', 'text/csv')
      .set('x-dataset-mapping', JSON.stringify({ ...CUSTOMERS_MAPPING, useCustomerSchema: false }))
      .send(Buffer.from(customersCsv(1000)));
    expect(upload.status).toBe(201);
    const sim = (
      await gql(RUN, { v: versions.draft.id, d: upload.body.id, b: versions.baseline.id }, analyst)
    ).runSimulation;
    expect(sim.chunkCount).toBe(5);
    let done: {
      status: string;
      results: { rows: number };
      comparison: { rowsWithoutRecommendation: { change: number } };
    };
    for (;;) {
      done = (
        await gql(
          `query($id: ID!) { simulation(id: $id) { status results comparison } }`,
          { id: sim.id },
          analyst,
        )
      ).simulation;
      if (done.status !== 'QUEUED' && done.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(done.status).toBe('COMPLETED');
    expect(done.results.rows).toBe(1000);
    expect(done.comparison.rowsWithoutRecommendation.change).toBe(300);
  }, 120_000);

  it('reads decision histories on every connection (PGlite keeps one session for all of them)', async () => {
    const history = app.get(HistoryService);
    expect((await history.window('first-customer')).items).toEqual([]);
    // Several at once: the pool opens more connections, each new to the session's prepared statements.
    const windows = await Promise.all(Array.from({ length: 6 }, (_, i) => history.window(`customer-${i}`)));
    expect(windows.map((w) => w.items)).toEqual(Array.from({ length: 6 }, () => []));
  });
});
