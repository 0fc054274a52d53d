import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: customer profiles. One row per customer and declared field: its value, the source that
 * sent it and that source's timestamp (last writer wins by it). Sources must be declared first.
 */
export class CustomerProfiles1764700000003 implements MigrationInterface {
  name = 'CustomerProfiles1764700000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE profile_sources (
        name text PRIMARY KEY,
        description text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE customer_profile_fields (
        customer_id text NOT NULL,
        field text NOT NULL,
        value jsonb NOT NULL,
        -- 'clear', or 'hashed' (a personal field stored as its keyed pseudonym)
        treatment text NOT NULL CHECK (treatment IN ('clear', 'hashed')),
        source text NOT NULL REFERENCES profile_sources (name),
        source_updated_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (customer_id, field)
      )`);
    await q.query(`CREATE INDEX customer_profile_fields_source ON customer_profile_fields (source, field)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE customer_profile_fields`);
    await q.query(`DROP TABLE profile_sources`);
  }
}
