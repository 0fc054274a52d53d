// Decision API load bench (`npm run bench -- api`; needs `npm run build -w apps/api` first).
// Starts the built API as a child process on a fresh database `arbiter_bench_<random>` and the local
// Redis, seeds the telco example strategy as PUBLISHED plus an API key, then drives
// POST /api/v1/decisions from this process (127.0.0.1 only, bounded in time): 1,000 requests/s for
// 20 s (an open-loop generator: one request every millisecond on keep-alive sockets, latency counted
// from the scheduled send time; autocannon's own rate limit sends each second's budget in a burst),
// then autocannon as fast as it goes for 10 s with 32 connections, then POST /api/v1/decisions:batch
// with 1,000 customers per call. Every request is for a customer not seen before (no cached history).
// A bare Node http server answering a fixed JSON body is the ceiling. After a graceful stop of the
// API, decision_log rows are counted. BENCH_DECISION_RUNS=paced,max,batch (any of them) runs only
// those; BENCH_API_NODE_ARGS adds node flags to the API process (e.g. --cpu-prof). Per run it also
// reads the API's event-loop delay and GC time (its /metrics, reset by each scrape) and the API
// process's CPU time per decision (which the load of other processes on the machine changes least).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type IORedis from 'ioredis';
import { Client } from 'pg';
import { compileStrategy, contentHash, type DecisionInput } from '@arbiter/engine';
import { exampleEnvironment, telcoRetention } from '@arbiter/engine/examples';
import { hashPassword } from '../src/auth/passwords';
import { ADMIN_URL, printTable, saveResults } from './bench-results';

const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** BENCH_API_MAIN: another build of the API to measure (e.g. the one before a change, for a side-by-side run). */
const DIST_MAIN = process.env['BENCH_API_MAIN'] ?? join(__dirname, '..', 'dist', 'main.js');
const RATE = 1000;
const FIXED_SECONDS = 20;
const MAX_SECONDS = 10;
const CONNECTIONS = 32;
const BATCH_SIZE = 1000;
const BATCH_CALLS = 20;
const RUNS = new Set(
  (process.env['BENCH_DECISION_RUNS'] ?? 'paced,max,batch').split(',').map((r) => r.trim()),
);

interface Run {
  name: string;
  requestsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  ok: number;
}

export async function main(): Promise<void> {
  // `npm run bench` builds it first.
  if (!existsSync(DIST_MAIN))
    throw new Error(
      'apps/api/dist/main.js is missing: run the bench with `npm run bench -- api`, which builds it.',
    );
  const api = await startBenchApi([
    ...(process.env['BENCH_API_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
    DIST_MAIN,
  ]);
  const { base, dbUrl, secret, strategyId } = api;
  try {
    const inputs = telcoRetention.sampleInputs.map((s) => s.input);
    const engineRate = engineThroughput(inputs);

    // Each run has its own customers: every request reads a history that is not cached yet.
    const one = (run: string, i: number) => {
      const sample = inputs[i % inputs.length]!;
      return { customer: { ...sample.customer, id: `${run}-${i}` }, context: sample.context };
    };
    const bodyOf = (run: string) => (i: number) => JSON.stringify({ strategy: strategyId, ...one(run, i) });
    // Warm-up: compiles the plan, fills pools and caches (not measured, but counted for the log check).
    await load(base, secret, bodyOf('warm'), { connections: 8, amount: 500 });
    const loops: Record<string, LoopStats> = {};
    const cpu: Record<string, number> = {};
    const measured = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
      if (!RUNS.has(name)) return undefined;
      await loopStats(base); // resets the API's event-loop histogram
      const before = await decisionsAnswered(base);
      const cpuBefore = cpuMs(api.child.pid);
      const result = await run();
      loops[name] = await loopStats(base);
      // CPU time of the API process per decision: what the load of other processes changes least.
      await new Promise((resolve) => setTimeout(resolve, 500));
      cpu[name] =
        ((cpuMs(api.child.pid) - cpuBefore) * 1000) / Math.max(1, (await decisionsAnswered(base)) - before);
      return result;
    };
    const fixed = await measured('paced', () => paced(base, secret, bodyOf('paced'), RATE, FIXED_SECONDS));
    const max = await measured('max', () =>
      load(base, secret, bodyOf('max'), { connections: CONNECTIONS, duration: MAX_SECONDS }),
    );
    const batchBody = (call: number) =>
      JSON.stringify({
        strategy: strategyId,
        requests: Array.from({ length: BATCH_SIZE }, (_, i) => one('batch', call * BATCH_SIZE + i)),
      });
    const batch = await measured('batch', async () => {
      await batches(base, secret, batchBody, 0, 2); // warm-up
      return batches(base, secret, batchBody, 2, BATCH_CALLS);
    });
    const engineBatchRate = RUNS.has('batch') ? engineBatchThroughput(inputs) : 0;
    // Answered according to the API itself (a client may give up on responses in flight at the end).
    // Requests a client gave up on at the end of a run may still be finishing: wait until the count is stable.
    let answered = await decisionsAnswered(base);
    for (let previous = -1; previous !== answered;) {
      await new Promise((r) => setTimeout(r, 500));
      previous = answered;
      answered = await decisionsAnswered(base);
    }

    const writerMetrics = (await (await fetch(`${base}/metrics`)).text())
      .split('\n')
      .filter((line) => line.startsWith('arbiter_decision_log_'));
    // Graceful stop: the API must write every buffered decision before it exits.
    api.child.kill('SIGTERM');
    await new Promise((resolve) => api.child.once('exit', resolve));
    const logged = Number((await query(dbUrl, 'SELECT count(*) AS n FROM decision_log'))[0]!['n']);
    const lost = answered - logged;
    if (lost !== 0)
      console.log(
        'decision_log rows per run:',
        await query(
          dbUrl,
          `SELECT split_part(customer_id, '-', 1) AS run, count(*)::int AS n FROM decision_log GROUP BY 1`,
        ),
        '; the writer before the stop:',
        writerMetrics,
      );

    const ceiling = max ? await bareCeiling() : undefined;
    const maxVsBare = max && ceiling ? max.requestsPerSec / ceiling.requestsPerSec : undefined;
    const rows = [fixed, max, ceiling]
      .filter((r): r is Run => r !== undefined)
      .map((r) => ({
        run: r.name,
        'req/s': Math.round(r.requestsPerSec),
        'p50 ms': r.p50.toFixed(2),
        'p95 ms': r.p95.toFixed(2),
        'p99 ms': r.p99.toFixed(2),
        errors: r.errors,
      }));
    if (rows.length) printTable(rows);
    console.log(
      `\nAPI event loop per run (delay p99 / max ms, GC ms): ${
        Object.entries(loops)
          .map(([name, l]) => `${name} ${l.delayP99Ms} / ${l.delayMaxMs}, GC ${l.gcMs}`)
          .join('; ') || 'none'
      }`,
    );
    if (Object.values(cpu).every(Number.isFinite))
      console.log(
        `API process CPU per decision (incl. log writes): ${Object.entries(cpu)
          .map(([name, us]) => `${name} ${Math.round(us)} µs`)
          .join('; ')}`,
      );
    const ratio = max ? max.requestsPerSec / engineRate : undefined;
    console.log(
      `in-process engine (same strategy and inputs): ${Math.round(engineRate)} decisions/s${ratio === undefined ? '' : `; API at max rate / engine = ${ratio.toFixed(4)}`}`,
    );
    if (maxVsBare !== undefined)
      console.log(`API at max rate / bare Node http ceiling = ${maxVsBare.toFixed(3)}`);
    if (batch)
      console.log(
        `batch of ${BATCH_SIZE} customers, ${BATCH_CALLS} calls one after another: ${Math.round(batch.decisionsPerSec)} decisions/s (p99 of a call ${batch.p99.toFixed(1)} ms, errors ${batch.errors}); in-process engine decideBatch of ${BATCH_SIZE}: ${Math.round(engineBatchRate)} decisions/s (API / engine = ${(batch.decisionsPerSec / engineBatchRate).toFixed(3)})`,
      );
    console.log(
      `decisions answered: ${answered}; decision_log rows after graceful stop: ${logged}; lost: ${lost}`,
    );
    const errors = (fixed?.errors ?? 0) + (max?.errors ?? 0) + (batch?.errors ?? 0);
    const verdict = (met: boolean | undefined) => (met === undefined ? 'not run' : met ? 'met' : 'MISSED');
    console.log(
      `goals: p99 ≤ 10 ms at ${RATE} req/s: ${verdict(fixed && fixed.p99 <= 10)}; max rate ≥ 25% of bare: ${verdict(maxVsBare === undefined ? undefined : maxVsBare >= 0.25)}; batch ≥ 50,000 decisions/s: ${verdict(batch && batch.decisionsPerSec >= 50_000)}; zero errors: ${verdict(errors === 0)}; no log rows lost: ${verdict(lost === 0)}`,
    );
    saveResults('api', {
      ...(max && {
        requestsPerSec: Math.round(max.requestsPerSec),
        maxVsBare: round(maxVsBare!, 4),
        maxRateP99Ms: round(max.p99),
        ratioVsEngine: round(ratio!, 5),
        bareHttpRequestsPerSec: Math.round(ceiling!.requestsPerSec),
      }),
      ...(fixed && {
        fixedRateRequestsPerSec: Math.round(fixed.requestsPerSec),
        p50Ms: round(fixed.p50),
        p95Ms: round(fixed.p95),
        p99Ms: round(fixed.p99),
        p99MsAt1000: round(fixed.p99),
      }),
      ...(Number.isFinite(cpu['paced']) && { cpuMicrosPerDecisionAt1000: Math.round(cpu['paced']!) }),
      ...(Number.isFinite(cpu['max']) && { cpuMicrosPerDecisionMax: Math.round(cpu['max']!) }),
      ...(Number.isFinite(cpu['batch']) && { cpuMicrosPerBatchDecision: Math.round(cpu['batch']!) }),
      ...(loops['paced'] && {
        eventLoopDelayP99MsAt1000: loops['paced'].delayP99Ms,
        eventLoopDelayMaxMsAt1000: loops['paced'].delayMaxMs,
        gcMsAt1000: loops['paced'].gcMs,
      }),
      ...(batch && {
        batchDecisionsPerSec: Math.round(batch.decisionsPerSec),
        batchP99Ms: round(batch.p99),
        engineBatchDecisionsPerSec: Math.round(engineBatchRate),
      }),
      errors,
      lostLogRows: lost,
      engineDecisionsPerSec: Math.round(engineRate),
    });
  } finally {
    await api.stop();
  }
}

/** The telco example as a PUBLISHED version, its catalog and schema, and an API key (written by SQL, as the API would). */
export async function seed(dbUrl: string): Promise<{ secret: string; strategyId: string }> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const user = (
      await db.query(
        `INSERT INTO users (email, display_name, password_hash, roles) VALUES ('bench@arbiter.local', 'Bench', 'x', '{admin}') RETURNING id`,
      )
    ).rows[0].id as string;
    for (const a of telcoRetention.actions) {
      await db.query(
        `INSERT INTO actions (id, name, "group", channel, value, cost, valid_from, valid_to, tags, attributes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          a.id,
          a.name,
          a.group ?? null,
          a.channel ?? null,
          a.value ?? null,
          a.cost ?? null,
          a.validFrom ?? null,
          a.validTo ?? null,
          a.tags ?? [],
          JSON.stringify(a.attributes ?? {}),
        ],
      );
    }
    for (const scope of ['customer', 'context'] as const) {
      for (const f of telcoRetention.schema[scope] ?? []) {
        await db.query(
          `INSERT INTO schema_fields (scope, name, type, label, description, allowed_values, personal) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            scope,
            f.name,
            f.type,
            f.label ?? null,
            f.description ?? null,
            f.allowedValues ? JSON.stringify(f.allowedValues) : null,
            f.personal ?? false,
          ],
        );
      }
    }
    const strategyId = (
      await db.query(
        `INSERT INTO strategies (name, description, created_by) VALUES ($1, $2, $3) RETURNING id`,
        [telcoRetention.title, telcoRetention.description, user],
      )
    ).rows[0].id as string;
    await db.query(
      `INSERT INTO strategy_versions (strategy_id, number, status, document, content_hash, created_by, published_by, published_at) VALUES ($1, 1, 'PUBLISHED', $2, $3, $4, $4, now())`,
      [strategyId, JSON.stringify(telcoRetention.document), contentHash(telcoRetention.document), user],
    );
    const secret = `arb_${randomBytes(24).toString('base64url')}`;
    await db.query(`INSERT INTO api_keys (name, prefix, key_hash, created_by) VALUES ('bench', $1, $2, $3)`, [
      secret.slice(0, 12),
      createHash('sha256').update(secret).digest('hex'),
      user,
    ]);
    return { secret, strategyId };
  } finally {
    await db.end();
  }
}

/** Decisions per second of the compiled strategy in this process, on the same inputs (no history). */
function engineThroughput(inputs: DecisionInput[]): number {
  const compiled = compileStrategy(telcoRetention.document, exampleEnvironment(telcoRetention));
  const rows = inputs.map((input, i) => ({
    ...input,
    customer: { ...input.customer, id: `cust-${i}` },
    history: [],
  }));
  for (let i = 0; i < 20_000; i++) compiled.decide(rows[i % rows.length]!);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) {
    for (let i = 0; i < 1000; i++) compiled.decide(rows[(n + i) % rows.length]!);
    n += 1000;
  }
  return n / ((performance.now() - start) / 1000);
}

/** decideBatch of BATCH_SIZE rows in this process (what one batch call asks for): the ceiling of the batch route. */
function engineBatchThroughput(inputs: DecisionInput[]): number {
  const compiled = compileStrategy(telcoRetention.document, exampleEnvironment(telcoRetention));
  const rows = Array.from({ length: BATCH_SIZE }, (_, i) => ({
    ...inputs[i % inputs.length]!,
    customer: { ...inputs[i % inputs.length]!.customer, id: `cust-${i}` },
    history: [],
  }));
  for (let i = 0; i < 20; i++) compiled.decideBatch(rows);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) {
    compiled.decideBatch(rows);
    n += BATCH_SIZE;
  }
  return n / ((performance.now() - start) / 1000);
}

/** User + system CPU time of a process in ms (Linux /proc; NaN elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
  } catch {
    return NaN;
  }
}
/** USER_HZ: 100 on Linux. */
const CLOCK_TICKS = 100;

interface LoopStats {
  delayP99Ms: number;
  delayMaxMs: number;
  gcMs: number;
}

/** The API's event-loop delay (p99, max) and GC time since the previous scrape (prom-client resets the delay histogram on each). */
async function loopStats(base: string): Promise<LoopStats> {
  const lines = (await (await fetch(`${base}/metrics`)).text()).split('\n');
  const value = (prefix: string) =>
    lines
      .filter((line) => line.startsWith(prefix))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  const gc = value('arbiter_nodejs_gc_duration_seconds_sum');
  const previous = gcSeen.get(base) ?? 0;
  gcSeen.set(base, gc);
  return {
    delayP99Ms: round(value('arbiter_nodejs_eventloop_lag_p99_seconds ') * 1000),
    delayMaxMs: round(value('arbiter_nodejs_eventloop_lag_max_seconds ') * 1000),
    gcMs: Math.round((gc - previous) * 1000),
  };
}
const gcSeen = new Map<string, number>();

async function load(
  base: string,
  key: string,
  body: (i: number) => string,
  options: { connections: number; duration?: number; amount?: number; overallRate?: number },
): Promise<Run> {
  let i = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}/api/v1/decisions`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        connections: options.connections,
        ...(options.duration && { duration: options.duration }),
        ...(options.amount && { amount: options.amount }),
        ...(options.overallRate && { overallRate: options.overallRate }),
        requests: [{ setupRequest: (req) => ({ ...req, body: body(i++) }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const name = options.overallRate
    ? `API, ${options.overallRate} req/s for ${options.duration} s`
    : options.duration
      ? `API, max rate for ${options.duration} s`
      : 'warm-up';
  return {
    name,
    requestsPerSec: result.requests.total / (result.duration || 1),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    errors: result.errors + result.timeouts + result.non2xx,
    ok: result['2xx'],
  };
}

/** Open loop at a fixed rate: request i is due at start + i / rate, whatever the earlier ones do. */
export async function paced(
  base: string,
  key: string,
  body: (i: number) => string,
  rate: number,
  seconds: number,
): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(`${base}/api/v1/decisions`);
  const total = rate * seconds;
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  let ok = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const finish = () => {
      done += 1;
      if (done === total) resolve();
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const scheduled = start + sent * interval;
        const payload = body(sent);
        sent += 1;
        const req = request(
          url,
          {
            method: 'POST',
            agent,
            timeout: 10_000,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${key}`,
              'content-length': Buffer.byteLength(payload),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - scheduled);
              if (res.statusCode === 200) ok += 1;
              else errors += 1;
              finish();
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', () => {
          errors += 1;
          finish();
        });
        req.end(payload);
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    name: `API, ${rate} req/s for ${seconds} s (open loop)`,
    requestsPerSec: total / elapsed,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    errors,
    ok,
  };
}

/** Batch calls one after another, each of BATCH_SIZE customers: decisions per second end to end (bodies made before the clock starts). */
async function batches(
  base: string,
  key: string,
  body: (call: number) => string,
  first: number,
  calls: number,
): Promise<{ decisionsPerSec: number; p99: number; errors: number }> {
  const payloads = Array.from({ length: calls }, (_, i) => body(first + i));
  const times: number[] = [];
  let errors = 0;
  const start = performance.now();
  for (const payload of payloads) {
    const sent = performance.now();
    const res = await fetch(`${base}/api/v1/decisions:batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: payload,
    });
    const answer = (await res.json()) as { results?: unknown[] };
    if (res.status !== 200 || answer.results?.length !== BATCH_SIZE) errors += 1;
    times.push(performance.now() - sent);
  }
  const elapsed = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return {
    decisionsPerSec: (calls * BATCH_SIZE) / elapsed,
    p99: times[Math.min(times.length - 1, Math.floor(0.99 * times.length))] ?? 0,
    errors,
  };
}

/** The API's own count of decisions answered (GET /metrics, allowed from this machine). */
async function decisionsAnswered(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('arbiter_decisions_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/** The ceiling on this machine: a bare Node http server answering a fixed JSON body, in a child process. */
async function bareCeiling(): Promise<Run> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      '-e',
      `const body = JSON.stringify({ decisionId: '00000000-0000-4000-8000-000000000000', actions: [{ rank: 1, actionId: 'a' }] });
       require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); }); }).listen(${port}, '127.0.0.1');`,
    ],
    { stdio: 'inherit' },
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/`, 10_000);
    const run = await load(`http://127.0.0.1:${port}`, 'x', () => '{}', {
      connections: CONNECTIONS,
      duration: MAX_SECONDS,
    });
    return { ...run, name: `bare Node http, max rate for ${MAX_SECONDS} s` };
  } finally {
    server.kill('SIGTERM');
  }
}

/** The environment of the built API or worker in a bench: its own database and Redis prefix, no worker, no rate limits. */
export function benchEnv(dbUrl: string, prefix: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUDIT_HMAC_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    DEMO_SEED: 'false',
    RUN_WORKER: 'false',
    API_KEY_RATE_LIMIT: '1000000',
  };
}

/** The built API of a bench, seeded (see `seed`), on a database and Redis prefix of its own. */
export interface BenchApi {
  /** `http://127.0.0.1:<port>` */
  base: string;
  dbUrl: string;
  /** Its environment without the `extraEnv` it was started with: for a worker beside it. */
  env: NodeJS.ProcessEnv;
  /** The API key and the PUBLISHED strategy `seed` wrote. */
  secret: string;
  strategyId: string;
  child: ChildProcess;
  /** Kills the API (unless it has ended) and drops its database and Redis keys. */
  stop(): Promise<void>;
}

/**
 * Starts the built API (`args`: node's arguments, the main file last) on a fresh database and the
 * local Redis (prefix: the database's name), with `extraEnv` over the bench environment; once it is
 * live, seeds it. A start that fails cleans up after itself.
 */
export async function startBenchApi(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<BenchApi> {
  const { dbName, dbUrl } = await benchDatabase();
  const env = benchEnv(dbUrl, dbName);
  let child: ChildProcess | undefined;
  const stop = async () => {
    await killProcess(child);
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await cleanRedis(dbName);
  };
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawnApi(args, { ...env, ...extraEnv }, port);
    await waitFor(`${base}/health/live`, 60_000);
    const { secret, strategyId } = await seed(dbUrl);
    return { base, dbUrl, env, secret, strategyId, child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A user with `roles` (comma-separated) and a random password, signed in through GraphQL `login`: the access token. */
export async function signIn(base: string, dbUrl: string, email: string, roles: string): Promise<string> {
  const password = randomBytes(16).toString('hex');
  await query(
    dbUrl,
    `INSERT INTO users (email, display_name, password_hash, roles) VALUES ('${email}', '${email}', '${await hashPassword(password)}', '{${roles}}')`,
  );
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
      variables: { e: email, p: password },
    }),
  });
  const body = (await res.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`login of ${email} failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

/** The built API (`args`: node's arguments) listening on `port` with `env` (see benchEnv). */
export function spawnApi(args: string[], env: NodeJS.ProcessEnv, port: number): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Kills a process the bench started (the API, a worker; when there is one and it runs) and waits for its end. */
export async function killProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

export async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A fresh database `arbiter_bench_<random>` to run a bench on: its name and URL. */
export async function benchDatabase(): Promise<{ dbName: string; dbUrl: string }> {
  const dbName = `arbiter_bench_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${dbName}`);
  return { dbName, dbUrl: withDatabase(ADMIN_URL, dbName) };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function admin(sql: string): Promise<void> {
  await query(ADMIN_URL, sql);
}

export async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function cleanRedis(prefix: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Redis = require('ioredis') as typeof IORedis;
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
