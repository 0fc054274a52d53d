import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A profile written whole by a dataset import keeps one `origin` ({ "s": source, "t": source time,
 * "h": [fields stored as pseudonyms] }) for all its fields instead of a `meta` entry per field: the
 * per-field meta was more than half of a profile row (≈ 560 of 960 bytes with ten fields), and
 * writing it made an import's merge twice as slow as the dataset upload of the same file. Exactly one
 * of `meta` and `origin` is set; `profile_meta` gives the per-field form of either, and a later write
 * to the profile stores the per-field form again.
 */
export class ProfileImportOrigin1765000000040 implements MigrationInterface {
  name = 'ProfileImportOrigin1765000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE customer_profiles
        ALTER COLUMN meta DROP NOT NULL,
        ADD COLUMN origin jsonb CHECK (jsonb_typeof(origin) = 'object'),
        ADD CONSTRAINT customer_profiles_meta_or_origin CHECK ((meta IS NULL) <> (origin IS NULL))`);
    await q.query(`
      CREATE FUNCTION profile_meta(fields jsonb, meta jsonb, origin jsonb) RETURNS jsonb
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN origin IS NULL THEN meta ELSE coalesce(
          (SELECT jsonb_object_agg(k, CASE WHEN (origin -> 'h') ? k
                                           THEN jsonb_build_object('s', origin -> 's', 't', origin -> 't', 'h', 1)
                                           ELSE jsonb_build_object('s', origin -> 's', 't', origin -> 't') END)
           FROM jsonb_object_keys(fields) k), '{}') END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE customer_profiles SET meta = profile_meta(fields, meta, origin), origin = NULL WHERE origin IS NOT NULL`,
    );
    await q.query(`DROP FUNCTION profile_meta(jsonb, jsonb, jsonb)`);
    await q.query(`
      ALTER TABLE customer_profiles
        DROP CONSTRAINT customer_profiles_meta_or_origin,
        DROP COLUMN origin,
        ALTER COLUMN meta SET NOT NULL`);
  }
}
