import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../src/database/data-source-options';
import { PartitionedDecisionLogInteractions1764900000010 } from '../src/database/migrations/1764900000010-partitioned-decision-log-interactions';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** Issue 21: partitioning the decision log and the interactions keeps every existing row, and so does undoing it. */
describe('migration 1764900000010: partitioned decision log and interactions', () => {
  let db: TestDatabase;
  let ds: DataSource;
  /** Undoes migrations down to (and including) the partitioning one. */
  const undoPartitioning = async () => {
    const after = MIGRATIONS.length - MIGRATIONS.indexOf(PartitionedDecisionLogInteractions1764900000010);
    for (let i = 0; i < after; i++) await ds.undoLastMigration();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(
      dataSourceOptions({ database: { url: db.url, poolSize: 2, migrateOnStart: false } }),
    ).initialize();
    await ds.runMigrations();
    await undoPartitioning();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('moves existing rows into their days (and the default partition), with their idempotency keys, and back', async () => {
    await ds.query(
      `INSERT INTO decision_log (id, decided_at, customer_id, strategy_id, version_id, version_number, content_hash, actions, latency_ms, source)
       SELECT gen_random_uuid(), t, c, gen_random_uuid(), gen_random_uuid(), 1, 'hash', '[]', 1, 'rest'
       FROM (VALUES ('2025-01-02T03:00:00Z'::timestamptz, 'c1'), (now(), 'c2'), ('infinity', 'c3')) AS v(t, c)`,
    );
    const apiKey = '0193b1c2-0000-7000-8000-000000000003';
    await ds.query(
      `INSERT INTO interactions (customer_id, action_id, outcome, at, idempotency_key, api_key_id) VALUES
       ('c1', 'offer', 'accepted', '2025-01-02T03:00:00Z', 'k1', NULL),
       ('c1', 'offer', 'accepted', '2025-01-03T03:00:00Z', 'k1', $1),
       ('c2', 'offer', 'shown', now(), NULL, NULL)`,
      [apiKey],
    );

    await ds.runMigrations();
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    expect(
      await ds.query(`SELECT tableoid::regclass::text AS p, customer_id AS c FROM decision_log ORDER BY 2`),
    ).toEqual([
      { p: 'decision_log_p20250102', c: 'c1' },
      { p: `decision_log_p${today}`, c: 'c2' },
      { p: 'decision_log_default', c: 'c3' },
    ]);
    expect(
      await ds.query(
        `SELECT tableoid::regclass::text AS p, id::int, idempotency_key AS k FROM interactions ORDER BY id`,
      ),
    ).toEqual([
      { p: 'interactions_p20250102', id: 1, k: 'k1' },
      { p: 'interactions_p20250103', id: 2, k: 'k1' },
      { p: `interactions_p${today}`, id: 3, k: null },
    ]);
    expect(
      await ds.query(
        `SELECT namespace::text, key, interaction_id::int AS id FROM interaction_idempotency_keys ORDER BY 3`,
      ),
    ).toEqual([
      { namespace: '00000000-0000-0000-0000-000000000000', key: 'k1', id: 1 },
      { namespace: apiKey, key: 'k1', id: 2 },
    ]);
    // The id sequence goes on: the adaptive learner's cursor reads interactions in id order.
    const [next] = await ds.query(
      `INSERT INTO interactions (customer_id, action_id, outcome, at) VALUES ('c4', 'offer', 'shown', now()) RETURNING id::int`,
    );
    expect(next.id).toBe(4);

    await undoPartitioning();
    expect(
      await ds.query(`SELECT relkind FROM pg_class WHERE relname IN ('decision_log', 'interactions')`),
    ).toEqual([{ relkind: 'r' }, { relkind: 'r' }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM decision_log`)).toEqual([{ n: 3 }]);
    expect(await ds.query(`SELECT id::int, idempotency_key AS k FROM interactions ORDER BY id`)).toEqual([
      { id: 1, k: 'k1' },
      { id: 2, k: 'k1' },
      { id: 3, k: null },
      { id: 4, k: null },
    ]);
  });
});
