import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: faster profile upserts. Every stored field is a row of `customer_profile_fields`, so an
 * upsert of a 13-field profile writes 13 rows: the foreign key to `profile_sources` (checked per
 * row) and the (source, field) index (maintained per row) cost about as much as the rows
 * themselves. The profiles service checks the source of every write against the declared ones, and
 * no operation removes a source; the quality summary reads the whole table anyway.
 */
export class ProfileUpsertSpeed1764800000005 implements MigrationInterface {
  name = 'ProfileUpsertSpeed1764800000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_profile_fields DROP CONSTRAINT customer_profile_fields_source_fkey`);
    await q.query(`DROP INDEX customer_profile_fields_source`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX customer_profile_fields_source ON customer_profile_fields (source, field)`);
    await q.query(
      `ALTER TABLE customer_profile_fields ADD CONSTRAINT customer_profile_fields_source_fkey FOREIGN KEY (source) REFERENCES profile_sources (name)`,
    );
  }
}
