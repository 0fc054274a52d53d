import type { MigrationInterface, QueryRunner } from 'typeorm';

const DAY_MS = 86_400_000;
/** Days from today created with the tables; the partition maintenance job keeps PARTITIONS_AHEAD_DAYS ahead afterwards. */
const AHEAD_DAYS = 3;
const STUDIO_NAMESPACE = '00000000-0000-0000-0000-000000000000';

const DECISION_LOG_COLUMNS =
  'id, decided_at, customer_id, strategy_id, version_id, version_number, content_hash, actions, inputs, latency_ms, api_key_id, source, arms';
const INTERACTION_COLUMNS =
  'id, customer_id, action_id, outcome, channel, at, decision_id, strategy_id, idempotency_key, api_key_id, created_at, override_action_id, override_reason';

/**
 * Issue 21: the decision log and the interactions become tables partitioned by day (UTC) on their
 * time column (`decided_at`, `at`), so that retention drops a day's partition instead of deleting
 * rows one by one. Daily: at 1,000 decisions/s a day is ~86 million rows, small enough to drop
 * and index; weekly partitions would be 600 million. A DEFAULT partition takes rows of days that
 * have no partition yet (a decision with a `context.now` far away, the maintenance job late), so an
 * insert never fails for want of a partition; the job moves them into their day's partition.
 *
 * A unique index of a partitioned table must contain the partition key, so the primary keys become
 * (id, decided_at) and (id, at), and the outcomes' idempotency keys (unique per API key) move to
 * `interaction_idempotency_keys`, which names the interaction they stored.
 */
export class PartitionedDecisionLogInteractions1764900000010 implements MigrationInterface {
  name = 'PartitionedDecisionLogInteractions1764900000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_log RENAME TO decision_log_unpartitioned`);
    await q.query(`ALTER INDEX decision_log_pkey RENAME TO decision_log_unpartitioned_pkey`);
    await q.query(`DROP INDEX decision_log_customer, decision_log_strategy, decision_log_version_arms`);
    await q.query(`
      CREATE TABLE decision_log (
        id uuid NOT NULL,
        decided_at timestamptz NOT NULL,
        customer_id text NOT NULL,
        strategy_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version_number int NOT NULL,
        content_hash text NOT NULL,
        actions jsonb NOT NULL,
        inputs jsonb,
        latency_ms double precision NOT NULL,
        api_key_id uuid,
        source text NOT NULL,
        arms jsonb,
        PRIMARY KEY (id, decided_at)
      ) PARTITION BY RANGE (decided_at)`);
    await q.query(`CREATE INDEX decision_log_customer ON decision_log (customer_id, decided_at DESC)`);
    await q.query(`CREATE INDEX decision_log_strategy ON decision_log (strategy_id, decided_at DESC)`);
    await q.query(
      `CREATE INDEX decision_log_version_arms ON decision_log (version_id) WHERE arms IS NOT NULL`,
    );
    await createDailyPartitions(q, 'decision_log', 'decided_at', 'decision_log_unpartitioned');
    await q.query(
      `INSERT INTO decision_log (${DECISION_LOG_COLUMNS}) SELECT ${DECISION_LOG_COLUMNS} FROM decision_log_unpartitioned`,
    );
    await q.query(`DROP TABLE decision_log_unpartitioned`);

    await q.query(`ALTER TABLE interactions RENAME TO interactions_unpartitioned`);
    await q.query(`ALTER INDEX interactions_pkey RENAME TO interactions_unpartitioned_pkey`);
    await q.query(
      `DROP INDEX interactions_customer_at, interactions_idempotency_key, interactions_decision_outcomes`,
    );
    await q.query(`
      CREATE TABLE interactions (
        id bigint NOT NULL DEFAULT nextval('interactions_id_seq'),
        customer_id text NOT NULL,
        action_id text NOT NULL,
        outcome text NOT NULL CONSTRAINT interactions_outcome_check CHECK (outcome IN ('shown', 'accepted', 'declined', 'ignored', 'clicked', 'converted')),
        channel text,
        at timestamptz NOT NULL,
        decision_id uuid,
        strategy_id uuid,
        idempotency_key text,
        api_key_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        override_action_id text,
        override_reason text,
        CONSTRAINT interactions_override_complete CHECK ((override_action_id IS NULL) = (override_reason IS NULL)),
        PRIMARY KEY (id, at)
      ) PARTITION BY RANGE (at)`);
    // The sequence outlives the old table: ids keep growing (the adaptive learner's cursor reads them in order).
    await q.query(`ALTER SEQUENCE interactions_id_seq OWNED BY interactions.id`);
    await q.query(`CREATE INDEX interactions_customer_at ON interactions (customer_id, at DESC)`);
    await q.query(
      `CREATE INDEX interactions_decision_outcomes ON interactions (decision_id) WHERE decision_id IS NOT NULL AND outcome <> 'shown'`,
    );
    await createDailyPartitions(q, 'interactions', 'at', 'interactions_unpartitioned');
    await q.query(
      `INSERT INTO interactions (${INTERACTION_COLUMNS}) SELECT ${INTERACTION_COLUMNS} FROM interactions_unpartitioned`,
    );
    // Race-proof idempotency of outcomes across partitions: a repeated key (of the same API key) never makes a second row.
    await q.query(`
      CREATE TABLE interaction_idempotency_keys (
        namespace uuid NOT NULL,
        key text NOT NULL,
        interaction_id bigint NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (namespace, key)
      )`);
    await q.query(`CREATE INDEX interaction_idempotency_keys_at ON interaction_idempotency_keys (at)`);
    await q.query(
      `INSERT INTO interaction_idempotency_keys (namespace, key, interaction_id, at)
       SELECT coalesce(api_key_id, '${STUDIO_NAMESPACE}'::uuid), idempotency_key, id, at FROM interactions_unpartitioned
       WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`DROP TABLE interactions_unpartitioned`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_log RENAME TO decision_log_partitioned`);
    await q.query(`ALTER INDEX decision_log_pkey RENAME TO decision_log_partitioned_pkey`);
    await q.query(`DROP INDEX decision_log_customer, decision_log_strategy, decision_log_version_arms`);
    await q.query(`
      CREATE TABLE decision_log (
        id uuid PRIMARY KEY,
        decided_at timestamptz NOT NULL,
        customer_id text NOT NULL,
        strategy_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version_number int NOT NULL,
        content_hash text NOT NULL,
        actions jsonb NOT NULL,
        inputs jsonb,
        latency_ms double precision NOT NULL,
        api_key_id uuid,
        source text NOT NULL,
        arms jsonb
      )`);
    await q.query(
      `INSERT INTO decision_log (${DECISION_LOG_COLUMNS}) SELECT ${DECISION_LOG_COLUMNS} FROM decision_log_partitioned`,
    );
    await q.query(`DROP TABLE decision_log_partitioned`);
    await q.query(`CREATE INDEX decision_log_customer ON decision_log (customer_id, decided_at DESC)`);
    await q.query(`CREATE INDEX decision_log_strategy ON decision_log (strategy_id, decided_at DESC)`);
    await q.query(
      `CREATE INDEX decision_log_version_arms ON decision_log (version_id) WHERE arms IS NOT NULL`,
    );

    await q.query(`ALTER TABLE interactions RENAME TO interactions_partitioned`);
    await q.query(`ALTER INDEX interactions_pkey RENAME TO interactions_partitioned_pkey`);
    await q.query(`DROP INDEX interactions_customer_at, interactions_decision_outcomes`);
    await q.query(`
      CREATE TABLE interactions (
        id bigint PRIMARY KEY DEFAULT nextval('interactions_id_seq'),
        customer_id text NOT NULL,
        action_id text NOT NULL,
        outcome text NOT NULL CONSTRAINT interactions_outcome_check CHECK (outcome IN ('shown', 'accepted', 'declined', 'ignored', 'clicked', 'converted')),
        channel text,
        at timestamptz NOT NULL,
        decision_id uuid,
        strategy_id uuid,
        idempotency_key text,
        api_key_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        override_action_id text,
        override_reason text,
        CONSTRAINT interactions_override_complete CHECK ((override_action_id IS NULL) = (override_reason IS NULL))
      )`);
    await q.query(`ALTER SEQUENCE interactions_id_seq OWNED BY interactions.id`);
    // Only the keys still in interaction_idempotency_keys stay keys: the table kept them unique.
    await q.query(
      `INSERT INTO interactions (${INTERACTION_COLUMNS})
       SELECT ${INTERACTION_COLUMNS.split(', ')
         .map((c) => (c === 'idempotency_key' ? 'k.key' : `i.${c}`))
         .join(', ')}
       FROM interactions_partitioned i
       LEFT JOIN interaction_idempotency_keys k ON k.interaction_id = i.id AND k.key = i.idempotency_key`,
    );
    await q.query(`DROP TABLE interactions_partitioned`);
    await q.query(`DROP TABLE interaction_idempotency_keys`);
    await q.query(`CREATE INDEX interactions_customer_at ON interactions (customer_id, at DESC)`);
    await q.query(
      `CREATE UNIQUE INDEX interactions_idempotency_key ON interactions ((coalesce(api_key_id, '${STUDIO_NAMESPACE}'::uuid)), idempotency_key)`,
    );
    await q.query(
      `CREATE INDEX interactions_decision_outcomes ON interactions (decision_id) WHERE decision_id IS NOT NULL AND outcome <> 'shown'`,
    );
  }
}

/**
 * The default partition, one partition per day (UTC) that holds rows of `source`, and today plus a
 * few days ahead. Names and bounds as the partition maintenance job makes them (common/daily-partitions.repository.ts).
 */
async function createDailyPartitions(q: QueryRunner, table: string, column: string, source: string) {
  await q.query(`CREATE TABLE ${table}_default PARTITION OF ${table} DEFAULT`);
  const rows: { day: Date }[] = await q.query(
    `SELECT DISTINCT date_trunc('day', ${column}, 'UTC') AS day FROM ${source}`,
  );
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const days = new Set(rows.map((r) => new Date(r.day).getTime()).filter(Number.isFinite));
  for (let d = 0; d <= AHEAD_DAYS; d++) days.add(today + d * DAY_MS);
  for (const day of days) {
    const from = new Date(day).toISOString();
    const to = new Date(day + DAY_MS).toISOString();
    // Years outside 0000–9999 have no such name: their rows stay in the default partition.
    if (!/^\d{4}-\d\d-\d\dT/.test(from)) continue;
    const name = `${table}_p${from.slice(0, 10).replaceAll('-', '')}`;
    await q.query(`CREATE TABLE ${name} PARTITION OF ${table} FOR VALUES FROM ('${from}') TO ('${to}')`);
  }
}
