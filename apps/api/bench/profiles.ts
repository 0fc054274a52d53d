// Customer profile bench (`npm run bench -- profiles`; `npm run bench` builds the API first).
// Starts the built API as a child process on a fresh database `arbiter_bench_<random>` and the local
// Redis, seeds the telco example strategy as PUBLISHED, an API key and a profile source, then:
// 1. upserts PROFILES profiles (every customer field of the telco schema) through
//    POST /api/v1/customers:batch, BATCH per call, CONCURRENCY calls in flight: profiles/s;
// 2. imports IMPORT_ROWS profiles from a CSV through POST /api/v1/customers:import: rows/s, and
//    uploads the same file as a dataset (the time budget of the import): rows/s, and their ratio
//    (ROUNDS alternating rounds, new customers each, the best of each);
// 3. decisions at RATE req/s for SECONDS s (open loop), alternating a request that sends only the
//    customer id (the profile supplies every field) with one that sends every field (a customer
//    without a profile): both read the profile cache, warmed first; the p99 difference is the
//    cost of a profile lookup and merge.
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { telcoRetention } from '@arbiter/engine/examples';
import { query, signIn, startBenchApi } from './decisions';
import { printTable, saveResults } from './bench-results';

const DIST_MAIN = join(__dirname, '..', 'dist', 'main.js');
const PROFILES = Number(process.env['BENCH_PROFILES'] ?? 100_000);
const IMPORT_ROWS = Number(process.env['BENCH_PROFILE_IMPORT_ROWS'] ?? 100_000);
const BATCH = 1000;
/** Rounds of "import, then upload" (new customers each round): the best of each counts. */
const ROUNDS = 2;
const CONCURRENCY = 4;
const RATE = 200;
const SECONDS = Number(process.env['BENCH_PROFILE_SECONDS'] ?? 20);
/** Customers per kind in the decision run: each is decided about twice. */
const DECIDED = (RATE * SECONDS) / 4;
const SOURCE = 'bench';

const samples = telcoRetention.sampleInputs.map((s) => s.input);
/** The telco customer fields of sample i, without the id. */
const fieldsOf = (i: number): Record<string, unknown> => {
  const { id: _id, ...fields } = samples[i % samples.length]!.customer as Record<string, unknown>;
  return fields;
};

export async function main(): Promise<void> {
  if (!existsSync(DIST_MAIN))
    throw new Error(
      'apps/api/dist/main.js is missing: run the bench with `npm run bench -- profiles`, which builds it.',
    );
  const api = await startBenchApi([DIST_MAIN]);
  const { base, dbUrl, secret, strategyId } = api;
  try {
    await query(
      dbUrl,
      `INSERT INTO profile_sources (name, description) VALUES ('${SOURCE}', 'the profiles bench')`,
    );
    // The import takes a user token.
    const token = await signIn(base, dbUrl, 'importer@arbiter.local', 'analyst,admin');

    const upserts = await batchUpserts(base, secret);
    const imported = await importFile(base, token);
    const importVsUpload = imported.profiles / imported.dataset;
    const decisions = await decisionLatencies(base, secret, strategyId);

    printTable([
      {
        what: `batch upserts (${PROFILES} profiles, ${BATCH} per call, ${CONCURRENCY} calls in flight)`,
        'per s': Math.round(upserts),
      },
      {
        what: `dataset import as profiles (${IMPORT_ROWS} rows, CSV, best of ${ROUNDS})`,
        'per s': Math.round(imported.profiles),
      },
      {
        what: `the same file as a dataset upload (best of ${ROUNDS})`,
        'per s': Math.round(imported.dataset),
      },
      { what: `import ÷ upload (same run)`, 'per s': `${round(importVsUpload, 2)}×` },
    ]);
    console.log();
    printTable(
      decisions.runs.map((r) => ({
        'decisions (alternating in one open-loop run)': r.name,
        requests: r.count,
        'p50 ms': r.p50.toFixed(2),
        'p99 ms': r.p99.toFixed(2),
        errors: r.errors,
      })),
    );
    const [withProfile, withoutProfile] = decisions.runs;
    const delta = withProfile!.p99 - withoutProfile!.p99;
    console.log(`\np99 with profile lookup − p99 with every field in the request: ${delta.toFixed(2)} ms`);
    console.log(
      `goals: ≥ 20,000 profiles/s by batch REST: ${upserts >= 20_000 ? 'met' : 'MISSED'}; import at least as fast as a dataset upload: ${importVsUpload >= 1 ? 'met' : 'MISSED'}; lookup adds ≤ 1 ms to p99: ${delta <= 1 ? 'met' : 'MISSED'}`,
    );
    saveResults('profiles', {
      upsertsPerSec: Math.round(upserts),
      importRowsPerSec: Math.round(imported.profiles),
      datasetUploadRowsPerSec: Math.round(imported.dataset),
      importVsUpload: round(importVsUpload, 3),
      p99DeltaMs: round(delta),
      p50DeltaMs: round(withProfile!.p50 - withoutProfile!.p50),
      p99WithProfileMs: round(withProfile!.p99),
      p99WithoutProfileMs: round(withoutProfile!.p99),
      decisionErrors: withProfile!.errors + withoutProfile!.errors,
    });
  } finally {
    await api.stop();
  }
}

/** Profiles per second through POST /api/v1/customers:batch (bodies built before the clock starts). */
async function batchUpserts(base: string, key: string): Promise<number> {
  const bodies: string[] = [];
  for (let from = 0; from < PROFILES; from += BATCH) {
    const items = [];
    for (let i = from; i < Math.min(PROFILES, from + BATCH); i++)
      items.push({ customerId: `p-${i}`, source: SOURCE, fields: fieldsOf(i), personal: { age: 'keep' } });
    bodies.push(JSON.stringify({ items }));
  }
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const { status, text } = await post(agent, `${base}/api/v1/customers:batch`, body, {
          'content-type': 'application/json',
          authorization: `Bearer ${key}`,
        });
        if (status !== 200) throw new Error(`batch upsert answered ${status}: ${text.slice(0, 500)}`);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return PROFILES / seconds;
}

/**
 * Rows per second of a CSV (new customers, every telco field) imported through
 * POST /api/v1/customers:import, and of the same file uploaded as a dataset (POST /api/v1/datasets):
 * the time budget the import is held to. Each is measured ROUNDS times, alternating (the first
 * pays the parser's warm-up; the machine's load varies), with new customer ids each round; the
 * best of each counts.
 */
async function importFile(base: string, token: string): Promise<{ profiles: number; dataset: number }> {
  const columns = Object.keys(fieldsOf(0));
  const csvOf = (round: number) => {
    const lines = [['id', ...columns].join(',')];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const fields = fieldsOf(i);
      lines.push([`f${round}-${i}`, ...columns.map((c) => String(fields[c] ?? ''))].join(','));
    }
    return `${lines.join('\n')}\n`;
  };
  const mapping = JSON.stringify({ customerId: 'id', personal: { age: 'keep' } });
  const timed = async (path: string, csv: string, expected: number) => {
    const agent = new Agent({ keepAlive: false });
    const start = performance.now();
    const { status, text } = await post(agent, `${base}${path}`, csv, {
      'content-type': 'text/csv',
      authorization: `Bearer ${token}`,
      'x-dataset-mapping': mapping,
    });
    const seconds = (performance.now() - start) / 1000;
    if (status !== expected) throw new Error(`${path} answered ${status}: ${text.slice(0, 500)}`);
    return { seconds, result: JSON.parse(text) as Record<string, unknown> };
  };
  let best = { profiles: 0, dataset: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const csv = csvOf(round);
    const profiles = await timed(`/api/v1/customers:import?source=${SOURCE}`, csv, 200);
    if (profiles.result['rowsImported'] !== IMPORT_ROWS)
      throw new Error(`imported ${String(profiles.result['rowsImported'])} of ${IMPORT_ROWS} rows`);
    const dataset = await timed(`/api/v1/datasets?name=bench-${round}&format=csv`, csv, 201);
    if (dataset.result['rowCount'] !== IMPORT_ROWS)
      throw new Error(`the dataset kept ${String(dataset.result['rowCount'])} of ${IMPORT_ROWS} rows`);
    best = {
      profiles: Math.max(best.profiles, IMPORT_ROWS / profiles.seconds),
      dataset: Math.max(best.dataset, IMPORT_ROWS / dataset.seconds),
    };
  }
  return best;
}

interface KindRun {
  name: string;
  count: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * One open-loop run at RATE req/s, requests alternating: even ones send only the id of a profiled
 * customer, odd ones every field of a customer without a profile. Every customer is decided once
 * before the run (the cache holds both kinds: profiles, and "no profile").
 */
async function decisionLatencies(
  base: string,
  key: string,
  strategyId: string,
): Promise<{ runs: KindRun[] }> {
  const context = samples[0]!.context;
  const body = (i: number) => {
    const n = Math.floor(i / 2) % DECIDED;
    return JSON.stringify(
      i % 2 === 0
        ? { strategy: strategyId, customer: { id: `p-${n}` }, context }
        : { strategy: strategyId, customer: { ...fieldsOf(n), id: `r-${n}` }, context },
    );
  };
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = `${base}/api/v1/decisions`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  // Warm-up: every customer of the run once (16 in flight), not measured.
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < DECIDED * 2) {
        const { status, text } = await post(agent, url, body(next++), headers);
        if (status !== 200) throw new Error(`decision answered ${status}: ${text.slice(0, 500)}`);
      }
    }),
  );

  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const latencies: [number[], number[]] = [[], []];
  const errors = [0, 0];
  let sent = 0;
  let done = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const scheduled = start + sent * interval;
        const kind = sent % 2;
        post(agent, url, body(sent), headers).then(
          ({ status }) => {
            latencies[kind]!.push(performance.now() - scheduled);
            if (status !== 200) errors[kind]! += 1;
            if (++done === total) resolve();
          },
          () => {
            errors[kind]! += 1;
            if (++done === total) resolve();
          },
        );
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  const names = ['only the id (profile lookup supplies the fields)', 'every field in the request'];
  return {
    runs: latencies.map((l, kind) => {
      l.sort((a, b) => a - b);
      const pct = (p: number) => l[Math.min(l.length - 1, Math.floor((p / 100) * l.length))] ?? 0;
      return { name: names[kind]!, count: l.length, p50: pct(50), p99: pct(99), errors: errors[kind]! };
    }),
  };
}

function post(
  agent: Agent,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        timeout: 120_000,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
