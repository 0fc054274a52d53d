import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: one row per customer instead of one per customer and field, so a 1,000-profile batch
 * writes 1,000 rows, not ~10,000. `fields` holds the values ({ field: value }), `meta` per field
 * where the value came from: { field: { "s": source, "t": source time in epoch milliseconds,
 * "h": 1 when stored as a keyed pseudonym } }. Upserts merge both per key (last writer wins by "t").
 * `updated_at` is when a write last reached the row (our clock, not the sources').
 * `profile_imports`: how far each dataset import as profiles is (the studio asks while it runs).
 */
export class CustomerProfilesOneRow1764900000001 implements MigrationInterface {
  name = 'CustomerProfilesOneRow1764900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_profiles (
        customer_id text PRIMARY KEY,
        fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
        meta jsonb NOT NULL CHECK (jsonb_typeof(meta) = 'object'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO customer_profiles (customer_id, fields, meta, updated_at)
      SELECT customer_id,
             jsonb_object_agg(field, value),
             jsonb_object_agg(field, jsonb_build_object('s', source, 't', round(extract(epoch FROM source_updated_at) * 1000))
               || CASE WHEN treatment = 'hashed' THEN '{"h": 1}'::jsonb ELSE '{}'::jsonb END),
             max(received_at)
      FROM customer_profile_fields GROUP BY customer_id`);
    await q.query(`DROP TABLE customer_profile_fields`);
    await q.query(`
      CREATE TABLE profile_imports (
        id uuid PRIMARY KEY,
        source text NOT NULL,
        started_by uuid,
        status text NOT NULL CHECK (status IN ('running', 'done', 'stopped')),
        rows_read bigint NOT NULL DEFAULT 0,
        rows_imported bigint NOT NULL DEFAULT 0,
        rows_rejected bigint NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE profile_imports`);
    // The table as 1764800000005 left it (no foreign key to profile_sources, no (source, field) index).
    await q.query(`
      CREATE TABLE customer_profile_fields (
        customer_id text NOT NULL,
        field text NOT NULL,
        value jsonb NOT NULL,
        treatment text NOT NULL CHECK (treatment IN ('clear', 'hashed')),
        source text NOT NULL,
        source_updated_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (customer_id, field)
      )`);
    await q.query(`
      INSERT INTO customer_profile_fields (customer_id, field, value, treatment, source, source_updated_at, received_at)
      SELECT p.customer_id, m.key, p.fields -> m.key,
             CASE WHEN m.value ? 'h' THEN 'hashed' ELSE 'clear' END,
             m.value ->> 's',
             timestamptz 'epoch' + (m.value ->> 't')::bigint * interval '1 millisecond',
             p.updated_at
      FROM customer_profiles p, jsonb_each(p.meta) m`);
    await q.query(`DROP TABLE customer_profiles`);
  }
}
