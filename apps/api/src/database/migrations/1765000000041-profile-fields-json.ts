import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A profile's `fields` as `json` (the text as written) instead of `jsonb`, as dataset rows are
 * (1765000000020): PostgreSQL converting each row's values to jsonb was half of a profile import's
 * COPY (200,000 telco profiles: 1.2–1.5 s as jsonb, 0.6–0.8 s as json, 0.6–0.8 s for the same rows
 * as a dataset upload). Decisions read profiles whole, and json comes back as stored, without the
 * jsonb-to-text step. The merges of later writes convert to jsonb, merge per key, and store the result.
 */
export class ProfileFieldsJson1765000000041 implements MigrationInterface {
  name = 'ProfileFieldsJson1765000000041';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_profiles DROP CONSTRAINT customer_profiles_fields_check`);
    await q.query(`DROP FUNCTION profile_meta(jsonb, jsonb, jsonb)`);
    await q.query(`
      ALTER TABLE customer_profiles
        ALTER COLUMN fields TYPE json USING fields::json,
        ADD CONSTRAINT customer_profiles_fields_check CHECK (json_typeof(fields) = 'object')`);
    await q.query(profileMeta('json', 'json_object_keys'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_profiles DROP CONSTRAINT customer_profiles_fields_check`);
    await q.query(`DROP FUNCTION profile_meta(json, jsonb, jsonb)`);
    await q.query(`
      ALTER TABLE customer_profiles
        ALTER COLUMN fields TYPE jsonb USING fields::jsonb,
        ADD CONSTRAINT customer_profiles_fields_check CHECK (jsonb_typeof(fields) = 'object')`);
    await q.query(profileMeta('jsonb', 'jsonb_object_keys'));
  }
}

/** `profile_meta` (1765000000040) for `fields` of the given type. */
const profileMeta = (type: 'json' | 'jsonb', keys: 'json_object_keys' | 'jsonb_object_keys') => `
  CREATE FUNCTION profile_meta(fields ${type}, meta jsonb, origin jsonb) RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN origin IS NULL THEN meta ELSE coalesce(
      (SELECT jsonb_object_agg(k, CASE WHEN (origin -> 'h') ? k
                                       THEN jsonb_build_object('s', origin -> 's', 't', origin -> 't', 'h', 1)
                                       ELSE jsonb_build_object('s', origin -> 's', 't', origin -> 't') END)
       FROM ${keys}(fields) k), '{}') END
  $$`;
