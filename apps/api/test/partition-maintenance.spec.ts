import { Queue } from 'bullmq';
import { DAY_MS, dayOf } from '../src/common/daily-partitions.repository';
import { DecisionLogWriter, type DecisionRecord } from '../src/decision-log/decision-log.writer';
import { MAINTENANCE_QUEUE } from '../src/retention/maintenance-schedule';
import { PartitionMaintenanceService } from '../src/retention/partition-maintenance.service';
import { publishStrategy } from './support/decision-api';
import { startRedisServer, type RedisServer } from './support/redis-server';
import { Scenario } from './support/scenario';
import { startTestApp, type TestApp } from './support/test-app';
import { contactPolicyDoc, decisionRecord } from './support/fixtures';

/** A strategy whose contact policy reads 60 days of a customer's interactions. */
const SIXTY_DAY_POLICY = contactPolicyDoc(
  { limits: [{ scope: 'action', max: 3, windowDays: 60, count: ['shown'] }] },
  1,
);

const stamp = (day: number) => new Date(day).toISOString().slice(0, 10).replaceAll('-', '');

/** Issue 21: the decision log and the interactions grow by the day; maintenance keeps them bounded, on a real PostgreSQL. */
describe('partition maintenance of the decision log and the interactions', () => {
  let t: TestApp;
  let writer: DecisionLogWriter;
  let maintenance: PartitionMaintenanceService;
  const today = dayOf(Date.now());

  beforeAll(async () => {
    t = await startTestApp({
      DECISION_LOG_RETENTION_DAYS: '30',
      INTERACTIONS_RETENTION_DAYS: '30',
      PARTITIONS_AHEAD_DAYS: '3',
    });
    writer = t.app.get(DecisionLogWriter);
    maintenance = t.app.get(PartitionMaintenanceService);
  });
  afterAll(() => t?.close());

  const partitions = async (table: string): Promise<string[]> =>
    (
      await t.sql.query(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`,
        [table],
      )
    ).rows.map((r) => r.relname as string);

  /** The partition each decision's row is in, and the partitions of its shown interactions. */
  const whereStored = async (ids: string[]) => {
    const decisions = await t.sql.query(
      `SELECT id, tableoid::regclass::text AS p FROM decision_log WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const shown = await t.sql.query(
      `SELECT decision_id AS id, tableoid::regclass::text AS p FROM interactions WHERE decision_id = ANY($1::uuid[])`,
      [ids],
    );
    return {
      decisions: Object.fromEntries(decisions.rows.map((r) => [r.id, r.p])) as Record<string, string>,
      shown: Object.fromEntries(shown.rows.map((r) => [r.id, r.p])) as Record<string, string>,
    };
  };

  const decision = (decidedAt: number) => decisionRecord({ decidedAt: new Date(decidedAt) });

  const log = async (...records: DecisionRecord[]) => {
    for (const r of records) writer.append(r);
    await writer.flush();
    expect(writer.pendingCount).toBe(0);
  };

  it('has a partition for today and the days ahead, and every pass keeps them ahead', async () => {
    await maintenance.run();
    const ahead = [0, 1, 2, 3].map((d) => stamp(today + d * DAY_MS));
    for (const table of ['decision_log', 'interactions']) {
      const names = await partitions(table);
      expect(names).toContain(`${table}_default`);
      for (const day of ahead) expect(names).toContain(`${table}_p${day}`);
    }

    const [decisions] = await maintenance.run(Date.now() + 2 * DAY_MS);
    expect(decisions!.created).toEqual(
      [4, 5].map((d) => new Date(today + d * DAY_MS).toISOString().slice(0, 10)),
    );
    expect(await partitions('decision_log')).toContain(`decision_log_p${stamp(today + 5 * DAY_MS)}`);
  });

  it('stores a decision whose time is far in the past or the future, and moves it into its day once that day is due', async () => {
    const future = decision(today + 20 * DAY_MS + 3_600_000);
    const past = decision(Date.UTC(2001, 0, 1, 12));
    await log(future, past);

    // Neither day has a partition: both land in the default partitions instead of failing.
    const before = await whereStored([future.id, past.id]);
    expect(before.decisions).toEqual({
      [future.id]: 'decision_log_default',
      [past.id]: 'decision_log_default',
    });
    expect(before.shown).toEqual({ [future.id]: 'interactions_default', [past.id]: 'interactions_default' });

    // Eighteen days on, the future day is within the 3 days ahead; the 2001 row is long expired.
    const [decisions, interactions] = await maintenance.run(Date.now() + 18 * DAY_MS);
    expect(decisions!.moved).toBe(1);
    expect(interactions!.moved).toBe(1);
    expect(decisions!.strayDeleted).toBe(1);
    const after = await whereStored([future.id, past.id]);
    expect(after.decisions).toEqual({ [future.id]: `decision_log_p${stamp(today + 20 * DAY_MS)}` });
    expect(after.shown).toEqual({ [future.id]: `interactions_p${stamp(today + 20 * DAY_MS)}` });
  });

  it('loses no decision written while maintenance moves its day out of the default partition', async () => {
    const day = today - 5 * DAY_MS;
    const records = Array.from({ length: 300 }, (_, i) => decision(day + i * 1000));
    await log(records[0]!);
    const pass = maintenance.run();
    for (const r of records.slice(1)) {
      writer.append(r);
      if (writer.pendingCount >= 20) await writer.flush();
    }
    await pass;
    while (writer.pendingCount) await writer.flush();

    const ids = records.map((r) => r.id);
    const stored = await t.sql.query(
      `SELECT count(*)::int AS n FROM decision_log WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(stored.rows[0].n).toBe(records.length);
    const dead = await t.sql.query(
      `SELECT count(*)::int AS n FROM decision_log_dead_letters WHERE decision_id = ANY($1::text[])`,
      [ids],
    );
    expect(dead.rows[0].n).toBe(0);
    expect(await partitions('decision_log')).toContain(`decision_log_p${stamp(day)}`);
  });

  it('drops expired days whole, and keeps interactions as long as a published contact policy reads them', async () => {
    const s = await new Scenario(t).init();
    await publishStrategy(t, s, SIXTY_DAY_POLICY);
    expect(await maintenance.interactionsRetention()).toBe(60);

    const recent = decision(today - 10 * DAY_MS);
    const older = decision(today - 45 * DAY_MS);
    const oldest = decision(today - 90 * DAY_MS);
    await log(recent, older, oldest);

    // Today: the decision log keeps 30 days, the interactions 60 (the contact policy's window, not the configured 30).
    const [decisions, interactions] = await maintenance.run();
    expect(decisions!.retentionDays).toBe(30);
    expect(interactions!.retentionDays).toBe(60);
    let stored = await whereStored([recent.id, older.id, oldest.id]);
    expect(stored.decisions).toEqual({ [recent.id]: `decision_log_p${stamp(today - 10 * DAY_MS)}` });
    expect(stored.shown).toEqual({
      [recent.id]: `interactions_p${stamp(today - 10 * DAY_MS)}`,
      [older.id]: `interactions_p${stamp(today - 45 * DAY_MS)}`,
    });

    // Twenty-five days later those days have expired: their partitions are dropped, not emptied.
    const [laterDecisions, laterInteractions] = await maintenance.run(Date.now() + 25 * DAY_MS);
    expect(laterDecisions!.dropped).toContain(new Date(today - 10 * DAY_MS).toISOString().slice(0, 10));
    expect(laterInteractions!.dropped).toEqual([new Date(today - 45 * DAY_MS).toISOString().slice(0, 10)]);
    stored = await whereStored([recent.id, older.id, oldest.id]);
    expect(stored.decisions).toEqual({});
    expect(stored.shown).toEqual({ [recent.id]: `interactions_p${stamp(today - 10 * DAY_MS)}` });
    expect(await partitions('decision_log')).not.toContain(`decision_log_p${stamp(today - 10 * DAY_MS)}`);
    expect(await partitions('interactions')).not.toContain(`interactions_p${stamp(today - 45 * DAY_MS)}`);
  });
});

describe('partition maintenance with Redis', () => {
  let redis: RedisServer;
  let t: TestApp;
  let queue: Queue;

  beforeAll(async () => {
    redis = await startRedisServer();
    t = await startTestApp({ REDIS_URL: redis.url, REDIS_PREFIX: 'pm', PARTITION_MAINTENANCE_MINUTES: '15' });
    queue = new Queue(MAINTENANCE_QUEUE, { connection: { url: redis.url }, prefix: 'pm' });
  });
  afterAll(async () => {
    await queue?.close();
    await t?.close();
    await redis?.kill();
  });

  it('runs as a BullMQ repeatable job, one per period across API instances', async () => {
    let scheduler: Awaited<ReturnType<Queue['getJobScheduler']>>;
    for (let i = 0; i < 100 && !scheduler; i++) {
      scheduler = await queue.getJobScheduler('partition-maintenance');
      if (!scheduler) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(scheduler).toMatchObject({ every: 15 * 60_000 });
  });
});
