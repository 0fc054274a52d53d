// `npm run bench -- api` (simulations part): simulation rows/s end to end on a generated
// 1,000,000-row dataset shaped like the coupon data — upload through the real REST route to a built
// API child process (fresh database, REDIS_URL), then the BullMQ flow with 1 and with 2 worker
// child processes — and beside them their in-process ceilings: the dataset import without storing
// (parse, type, report) and the engine with and without the simulation accumulator.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { importDataset, readCsvFields } from '@arbiter/datasets';
import { compileStrategy, seededRandom, SimulationAccumulator, type DecisionInput } from '@arbiter/engine';
import {
  coupon,
  COUPON_CSV_COLUMNS,
  couponCsvRow,
  couponRowToInput,
  exampleEnvironment,
} from '@arbiter/engine/examples';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { ADMIN_URL, printTable, saveResults } from './bench-results';

const ROWS = Number(process.env['SIMULATION_BENCH_ROWS'] ?? 1_000_000);
/** While iterating: SIMULATION_BENCH_WORKERS=1 skips the 2-worker run (its figures are then 0). */
const WORKER_RUNS = (process.env['SIMULATION_BENCH_WORKERS'] ?? '1,2').split(',').map(Number);
const API_DIR = join(__dirname, '..');
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const MAPPING = { loggedAction: ['coupon', 'expiration'], outcome: 'Y' };
const SAMPLE = join(
  API_DIR,
  'data',
  'samples',
  'uci-in-vehicle-coupon-recommendation',
  'in-vehicle-coupon-recommendation.csv',
);

/** Coupon-shaped lines: every column drawn independently from its values in the real survey. */
function* couponLines(rows: number, seed = 7): Generator<string> {
  const sample = readCsvFields(readFileSync(SAMPLE, 'utf8')).slice(1);
  const next = seededRandom(seed);
  for (let i = 0; i < rows; i++)
    yield COUPON_CSV_COLUMNS.map((_, c) => sample[Math.floor(next() * sample.length)]![c] ?? '').join(',');
}

function* csvChunks(rows: number): Generator<string> {
  let buffer = `${COUPON_CSV_COLUMNS.join(',')}\n`;
  for (const line of couponLines(rows)) {
    buffer += `${line}\n`;
    if (buffer.length > 256 * 1024) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function gql<T = Record<string, any>>(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The file sent to the API, generated beforehand so that the upload times the API, not the generator. */
function upload(base: string, token: string, body: Buffer[]): Promise<{ id: string; rowCount: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${base}/api/v1/datasets?name=bench&format=csv`);
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        'x-dataset-mapping': JSON.stringify({ ...MAPPING, useCustomerSchema: false }),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () =>
        res.statusCode === 201
          ? resolve(JSON.parse(text))
          : reject(new Error(`upload: ${res.statusCode} ${text}`)),
      );
    });
    req.on('error', reject);
    Readable.from(body).pipe(req);
  });
}

/** The same generated file through the import library alone, rows dropped: the ceiling for the upload. */
async function importRowsPerSecond(rows: number): Promise<number> {
  const file = Array.from(csvChunks(rows), (chunk) => Buffer.from(chunk)); // generated beforehand, as for the upload
  const start = process.hrtime.bigint();
  const report = await importDataset(Readable.from(file), {
    format: { kind: 'csv' },
    mapping: MAPPING,
    hashSalt: 'bench',
    onRows: () => undefined,
  });
  if (report.rowsKept !== rows) throw new Error(`import kept ${report.rowsKept} of ${rows} rows`);
  return rows / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Rows/s of the in-process engine as the processor decides (funnel trace), with and without the accumulator. */
function engineRowsPerSecond(rows: number): { withAccumulator: number; alone: number } {
  const strategy = compileStrategy(coupon.document, exampleEnvironment(coupon));
  const inputs: DecisionInput[] = [];
  for (const line of couponLines(rows, 11)) inputs.push(couponRowToInput(couponCsvRow(line)));
  const time = (work: () => void) => {
    const start = process.hrtime.bigint();
    work();
    return rows / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  const trace = { trace: 'funnel' } as const;
  time(() => inputs.slice(0, 20_000).forEach((input) => strategy.decide(input, trace))); // warm-up
  const alone = time(() => inputs.forEach((input) => strategy.decide(input, trace)));
  const acc = new SimulationAccumulator();
  // As the processor does: each row decided with a funnel trace and counted before the next.
  const withAccumulator = time(() =>
    inputs.forEach((input) => acc.add({ result: strategy.decide(input, trace) })),
  );
  return { withAccumulator, alone };
}

export async function main(): Promise<void> {
  const dbName = `arbiter_bench_${randomBytes(4).toString('hex')}`;
  const prefix = `arbiter-bench-${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const port = 3900 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUDIT_HMAC_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    RUN_WORKER: 'false',
    DEMO_SEED: 'false',
  };
  const children: ChildProcess[] = [];
  const start = (script: string) => {
    const child = spawn(process.execPath, [join(API_DIR, 'dist', script)], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  };
  const stop = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };

  try {
    start('main.js');
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error('the API did not start');
      const ok = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(100);
    }
    // One user with the designer and analyst roles, written directly (no admin exists in a fresh database).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { hashPassword } = require(join(API_DIR, 'dist', 'auth', 'passwords.js')) as {
      hashPassword(p: string): Promise<string>;
    };
    const password = randomBytes(12).toString('hex');
    const db = new Client({ connectionString: dbUrl.toString() });
    await db.connect();
    await db.query(
      `INSERT INTO users (email, display_name, password_hash, roles) VALUES ('bench@arbiter.local', 'Bench', $1, ARRAY['designer','analyst'])`,
      [await hashPassword(password)],
    );
    const token = (
      await gql<{ login: { accessToken: string } }>(
        base,
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
        { e: 'bench@arbiter.local', p: password },
      )
    ).login.accessToken;
    for (const a of coupon.actions) {
      const { id, name, group, channel, value, cost, attributes, tags } = a as typeof a & {
        cost?: number;
        tags?: string[];
      };
      await gql(
        base,
        `mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`,
        { i: { id, name, group, channel, value, cost, attributes, tags } },
        token,
      );
    }
    const versionId = (
      await gql<{ createStrategy: { versions: { id: string }[] } }>(
        base,
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { versions { id } } }`,
        { i: { name: 'Coupons', document: coupon.document } },
        token,
      )
    ).createStrategy.versions[0]!.id;

    const file = Array.from(csvChunks(ROWS), (chunk) => Buffer.from(chunk));
    console.log(`Uploading ${ROWS.toLocaleString('en')} generated coupon rows…`);
    const t0 = Date.now();
    const dataset = await upload(base, token, file);
    file.length = 0;
    const uploadSeconds = (Date.now() - t0) / 1000;
    if (dataset.rowCount !== ROWS) throw new Error(`kept ${dataset.rowCount} of ${ROWS} rows`);

    const simulate = async (workers: number): Promise<number> => {
      const procs = Array.from({ length: workers }, () => start('worker.js'));
      await sleep(3000); // workers connected
      const t = Date.now();
      const sim = (
        await gql<{ runSimulation: { id: string } }>(
          base,
          `mutation($v: ID!, $d: ID!) { runSimulation(versionId: $v, datasetId: $d, force: true) { id } }`,
          { v: versionId, d: dataset.id },
          token,
        )
      ).runSimulation;
      for (;;) {
        const s = (
          await gql<{ simulation: { status: string; results: { rows: number } | null } }>(
            base,
            `query($id: ID!) { simulation(id: $id) { status results } }`,
            { id: sim.id },
            token,
          )
        ).simulation;
        if (s.status === 'COMPLETED') {
          if (s.results?.rows !== ROWS) throw new Error(`simulated ${s.results?.rows} rows`);
          break;
        }
        if (s.status !== 'QUEUED' && s.status !== 'RUNNING') throw new Error(`simulation ${s.status}`);
        await sleep(100);
      }
      const seconds = (Date.now() - t) / 1000;
      await Promise.all(procs.map(stop));
      return seconds;
    };
    console.log('Simulating with 1 worker…');
    const seconds1 = WORKER_RUNS.includes(1) ? await simulate(1) : Infinity;
    console.log('Simulating with 2 workers…');
    const seconds2 = WORKER_RUNS.includes(2) ? await simulate(2) : Infinity;
    await db.end();

    const inProcessRows = Math.min(ROWS, 200_000);
    const engine = engineRowsPerSecond(inProcessRows);
    const importRate = await importRowsPerSecond(inProcessRows);
    const figures = {
      rows: ROWS,
      uploadRowsPerSec: Math.round(ROWS / uploadSeconds),
      rowsPerSec1Worker: Math.round(ROWS / seconds1),
      rowsPerSec2Workers: Math.round(ROWS / seconds2),
      secondsFor1M: Number(((uploadSeconds + Math.min(seconds1, seconds2)) * (1_000_000 / ROWS)).toFixed(1)),
      engineRowsPerSec: Math.round(engine.withAccumulator),
      engineAloneRowsPerSec: Math.round(engine.alone),
      importRowsPerSec: Math.round(importRate),
    };
    printTable([
      {
        step: 'upload (REST stream → dataset_rows)',
        seconds: uploadSeconds.toFixed(1),
        'rows/s': figures.uploadRowsPerSec,
      },
      {
        step: 'in-process import, rows not stored',
        seconds: `${(inProcessRows / importRate).toFixed(1)} (${inProcessRows / 1000}k)`,
        'rows/s': figures.importRowsPerSec,
      },
      {
        step: 'simulation, 1 worker (flow → aggregated result)',
        seconds: seconds1.toFixed(1),
        'rows/s': figures.rowsPerSec1Worker,
      },
      { step: 'simulation, 2 workers', seconds: seconds2.toFixed(1), 'rows/s': figures.rowsPerSec2Workers },
      {
        step: 'in-process engine + accumulator',
        seconds: `${(inProcessRows / engine.withAccumulator).toFixed(1)} (${inProcessRows / 1000}k)`,
        'rows/s': figures.engineRowsPerSec,
      },
      {
        step: 'in-process engine alone (funnel trace)',
        seconds: `${(inProcessRows / engine.alone).toFixed(1)} (${inProcessRows / 1000}k)`,
        'rows/s': figures.engineAloneRowsPerSec,
      },
    ]);
    console.log(
      `End to end for 1M rows (upload + best simulation): ${figures.secondsFor1M} s; storage overhead: import / upload = ${(importRate / figures.uploadRowsPerSec).toFixed(2)}×; accumulator overhead: engine alone / engine + accumulator = ${(engine.alone / engine.withAccumulator).toFixed(2)}×; queue overhead per worker: engine + accumulator / 1 worker = ${(engine.withAccumulator / figures.rowsPerSec1Worker).toFixed(2)}×`,
    );
    saveResults('simulation', figures);
  } finally {
    await Promise.all(children.map(stop));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    const redis = new IORedis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
}
