// Storage bench (`npm run bench -- storage`): what the data that grows with every decision costs.
// 1. Migrates a fresh database `arbiter_bench_<random>` and writes DECISIONS decisions of the telco
//    example (decided by the engine on its sample customers, each a distinct customer) through the
//    real DecisionLogWriter, which also writes their `shown` interactions; then reads
//    pg_total_relation_size (table, TOAST and indexes) of every partition of decision_log and
//    interactions: bytes per decision, and rows and GB per day at 1,000 decisions/s.
// 2. Starts a redis-server of its own on a free port and stores HISTORY_CUSTOMERS customers' history
//    windows through the real HistoryService (keys `<prefix>:history:<customer>`, HISTORY_ITEMS shown
//    interactions each); used_memory before and after: bytes per customer and MB per million.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import IORedis from 'ioredis';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { compileStrategy, type Interaction, type Recommendation } from '@arbiter/engine';
import { exampleEnvironment, telcoRetention } from '@arbiter/engine/examples';
import { loadConfig } from '../src/config/app-config';
import { newDecisionId } from '../src/decision-log/decision-id';
import { loggedAction } from '../src/decision-log/logged-action';
import type { DecisionRecord } from '../src/decision-log/decision-log.writer';
import type * as DataSourceOptionsModule from '../src/database/data-source-options';
import type * as WriterModule from '../src/decision-log/decision-log.writer';
import type * as HistoryModule from '../src/interactions/history.service';
import type * as InteractionsRepositoryModule from '../src/interactions/interactions.repository';
import type * as MetricsModule from '../src/metrics/metrics.service';
import { startRedisServer } from '../test/support/redis-server';
import { admin, withDatabase } from './decisions';
import { ADMIN_URL, printTable, saveResults } from './bench-results';

// The API's classes with decorators come from its build (`npm run bench` builds it first).
const DIST = join(__dirname, '..', 'dist');
const built = <T>(path: string): T => {
  const file = join(DIST, `${path}.js`);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run the bench with \`npm run bench -- storage\`, which builds it.`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
};
const { dataSourceOptions } = built<typeof DataSourceOptionsModule>('database/data-source-options');
const { DecisionLogWriter } = built<typeof WriterModule>('decision-log/decision-log.writer');
const { HistoryService } = built<typeof HistoryModule>('interactions/history.service');
const { InteractionsRepository } = built<typeof InteractionsRepositoryModule>(
  'interactions/interactions.repository',
);
const { MetricsService } = built<typeof MetricsModule>('metrics/metrics.service');

const DECISIONS = Number(process.env['BENCH_STORAGE_DECISIONS'] ?? 50_000);
const HISTORY_CUSTOMERS = Number(process.env['BENCH_HISTORY_CUSTOMERS'] ?? 100_000);
const HISTORY_ITEMS = Number(process.env['BENCH_HISTORY_ITEMS'] ?? 10);
const PER_DAY_AT_1000 = 1000 * 86_400;

export async function main(): Promise<void> {
  const storage = await decisionStorage();
  console.log(storage);
  const redis = await historyMemory();
  const figures = { ...storage, ...redis };
  printTable(Object.entries(figures).map(([figure, value]) => ({ figure: `storage.${figure}`, value })));
  saveResults('storage', figures);
}

async function decisionStorage() {
  const dbName = `arbiter_bench_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: withDatabase(ADMIN_URL, dbName) });
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const writer = new DecisionLogWriter(dataSource, new MetricsService());
    writer.writeAlongside(new InteractionsRepository(dataSource));
    const compiled = compileStrategy(telcoRetention.document, exampleEnvironment(telcoRetention));
    const samples = telcoRetention.sampleInputs.map((s) => s.input);
    const started = Date.now();
    for (let i = 0; i < DECISIONS; i++) {
      const sample = samples[i % samples.length]!;
      const customer = { ...sample.customer, id: `bench-customer-${i}` };
      const { now: _now, ...context } = sample.context as Record<string, unknown>;
      const result = compiled.decide({ customer, context, history: [] });
      writer.append(record(i, started, customer, context, result.recommendations));
      if (writer.pendingCount >= 2000) await writer.flush();
    }
    while (writer.pendingCount) await writer.flush();
    await dataSource.query('VACUUM ANALYZE decision_log');
    await dataSource.query('VACUUM ANALYZE interactions');
    const size = async (table: string) => {
      const rows: { bytes: string; n: string }[] = await dataSource.query(
        `SELECT (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = $1::regclass)::bigint AS bytes,
                (SELECT count(*) FROM ${table})::bigint AS n`,
        [table],
      );
      return { bytes: Number(rows[0]!.bytes), rows: Number(rows[0]!.n) };
    };
    const log = await size('decision_log');
    const shown = await size('interactions');
    const bytesPerDecision = Math.round((log.bytes + shown.bytes) / DECISIONS);
    return {
      decisions: DECISIONS,
      decisionLogBytesPerDecision: Math.round(log.bytes / DECISIONS),
      interactionRowsPerDecision: round(shown.rows / DECISIONS, 2),
      interactionBytesPerRow: Math.round(shown.bytes / shown.rows),
      bytesPerDecision,
      rowsPerDayAt1000PerSec: Math.round(PER_DAY_AT_1000 * (1 + shown.rows / DECISIONS)),
      gbPerDayAt1000PerSec: round((bytesPerDecision * PER_DAY_AT_1000) / 1e9, 1),
    };
  } finally {
    await dataSource.destroy();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

function record(
  i: number,
  started: number,
  customer: Record<string, unknown>,
  context: Record<string, unknown>,
  recommendations: Recommendation[],
): DecisionRecord {
  return {
    id: newDecisionId(started + i),
    // Spread over a day, as a day of traffic is.
    decidedAt: new Date(started + Math.floor((i / DECISIONS) * 86_000_000)),
    customerId: String(customer['id']),
    strategyId: STRATEGY_ID,
    versionId: VERSION_ID,
    versionNumber: 1,
    contentHash: 'a'.repeat(64),
    actions: recommendations.map(loggedAction),
    // Every customer field: an upper bound of what a strategy reads (DECISION_LOG_INPUTS=true).
    inputs: { customer, context: { channel: context['channel'] } },
    latencyMs: 0.3,
    apiKeyId: API_KEY_ID,
    source: 'rest',
    channel: typeof context['channel'] === 'string' ? context['channel'] : undefined,
  };
}

async function historyMemory() {
  const server = await startRedisServer();
  const probe = new IORedis(server.url);
  try {
    const used = async () => Number(/used_memory:(\d+)/.exec(await probe.info('memory'))![1]);
    const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: server.url, REDIS_PREFIX: 'arbiter' });
    const history = new HistoryService(undefined as never, undefined as never, config);
    history.onModuleInit();
    await sleep(200);
    const before = await used();
    const at = Date.now();
    for (let c = 0; c < HISTORY_CUSTOMERS; c++) {
      const items: Interaction[] = Array.from({ length: HISTORY_ITEMS }, (_, k) => ({
        actionId: ['retention-call', 'fibre-upgrade', 'handset-offer', 'data-boost'][k % 4]!,
        outcome: 'shown',
        at: new Date(at - k * 86_400_000).toISOString(),
        channel: 'call-center',
      }));
      history.shown(`bench-customer-${c}`, [], items);
      if (c % 1000 === 999) await probe.ping();
    }
    await sleep(500);
    const keys = await probe.dbsize();
    const bytesPerCustomer = Math.round(((await used()) - before) / HISTORY_CUSTOMERS);
    await history.onApplicationShutdown();
    return {
      historyCustomers: keys,
      historyItemsPerCustomer: HISTORY_ITEMS,
      redisBytesPerCustomerHistory: bytesPerCustomer,
      redisMbPerMillionCustomers: Math.round(bytesPerCustomer),
    };
  } finally {
    probe.disconnect();
    await server.kill();
  }
}

const STRATEGY_ID = '0193b1c2-0000-7000-8000-000000000001';
const VERSION_ID = '0193b1c2-0000-7000-8000-000000000002';
const API_KEY_ID = '0193b1c2-0000-7000-8000-000000000003';

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
