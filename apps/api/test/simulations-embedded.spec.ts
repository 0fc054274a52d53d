import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { HistoryService } from '../src/interactions/history.service';
import { customersCsv, CUSTOMERS_MAPPING } from './support/datasets';
import { RUN, simulationSetup } from './support/simulations';
import { startEmbeddedApp, type EmbeddedApp } from './support/embedded-app';
import { Role, type TestApp } from './support/test-app';

/**
 * The quick start's mode: embedded PostgreSQL (PGlite, which allows one transaction at a time
 * across its connections) and the in-process job runner. Upload and simulation must not wait on a
 * second connection while holding a transaction, or they would hang here.
 */
describe('datasets and simulations on the embedded database, in-process', () => {
  let embedded: EmbeddedApp;
  let app: NestExpressApplication;

  beforeAll(async () => {
    embedded = await startEmbeddedApp('sim', { SIMULATION_CHUNK_SIZE: '200' });
    app = embedded.app;
  }, 180_000);

  afterAll(() => embedded?.close());

  it('uploads a dataset and completes a simulation with a baseline', async () => {
    const server = app.getHttpServer();
    const { gql } = embedded;
    const analyst = await embedded.signIn([Role.analyst], 'analyst@embedded.test');
    const designer = await embedded.signIn([Role.designer], 'designer@embedded.test');
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
