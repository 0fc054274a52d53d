import request from 'supertest';
import type { TestApp } from './test-app';

export interface UploadResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** `POST /api/v1/datasets` with the file as the raw body, as the studio sends it. */
export async function uploadDataset(
  t: TestApp,
  token: string | undefined,
  name: string,
  content: string | Buffer,
  mapping?: unknown,
  format?: string,
  datasetId?: string,
): Promise<UploadResponse> {
  const query = new URLSearchParams({ name, ...(format && { format }) });
  const req = request(t.app.getHttpServer())
    .post(`/api/v1/datasets?${query}`)
    .set('content-type', 'text/csv');
  if (token) req.set('authorization', `Bearer ${token}`);
  if (mapping !== undefined) req.set('x-dataset-mapping', JSON.stringify(mapping));
  if (datasetId !== undefined) req.set('x-dataset-id', datasetId);
  const res = await req.send(typeof content === 'string' ? Buffer.from(content) : content);
  return { status: res.status, body: res.body };
}

/** A JSON Lines file of `lines` (each ended by a newline), uploaded as by `uploadDataset`. */
export function uploadJsonl(
  t: TestApp,
  token: string | undefined,
  name: string,
  lines: string[],
  mapping?: unknown,
): Promise<UploadResponse> {
  return uploadDataset(t, token, name, lines.map((line) => `${line}\n`).join(''), mapping, 'jsonl');
}

/** A CSV of `rows` customers: id, age (0–99 cycling), segment, and a logged offer with its outcome and propensity. */
export function customersCsv(rows: number): string {
  const lines = ['id,age,segment,offer,accepted,p'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `c${i},${i % 100},${['gold', 'silver', 'bronze'][i % 3]},${i % 2 ? 'loan' : 'card'},${i % 7 === 0 ? 1 : 0},0.5`,
    );
  return `${lines.join('\n')}\n`;
}

export const CUSTOMERS_MAPPING = {
  customerId: 'id',
  loggedAction: 'offer',
  outcome: 'accepted',
  loggingPropensity: 'p',
};

/** Polls until the simulation is no longer QUEUED or RUNNING. */
export async function waitForSimulation(
  t: TestApp,
  token: string,
  id: string,
  timeoutMs = 90_000,
): Promise<{
  status: string;
  results: unknown;
  comparison: unknown;
  progress: { rowsDone: number; rowsTotal: number; chunksDone: number };
}> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.gql(
      `query($id: ID!) { simulation(id: $id) { status results comparison error progress { rowsDone rowsTotal chunksDone } } }`,
      { id },
      token,
    );
    const sim = res.data?.simulation;
    if (sim && !['QUEUED', 'RUNNING'].includes(sim.status)) return sim;
    if (Date.now() > until)
      throw new Error(
        `simulation ${id} still ${sim?.status} (${JSON.stringify(res.errors ?? sim?.progress)})`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}
