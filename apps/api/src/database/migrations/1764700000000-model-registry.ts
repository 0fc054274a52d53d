import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the model registry (models and their immutable, content-hashed versions) and the
 * training jobs that produce versions. A training job carries the id its model gets, so a new
 * model's row exists only once its first version is registered (both in one transaction).
 */
export class ModelRegistry1764700000000 implements MigrationInterface {
  name = 'ModelRegistry1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE models (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text CHECK (description IS NULL OR length(description) <= 5000),
        target text NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX models_name_key ON models (lower(name))`);

    await q.query(`
      CREATE TABLE model_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        model_id uuid NOT NULL REFERENCES models(id),
        version integer NOT NULL CHECK (version >= 1),
        algorithm text NOT NULL CHECK (algorithm IN ('LOGISTIC','GBDT','NAIVE_BAYES')),
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        spec jsonb NOT NULL,
        report jsonb NOT NULL,
        provenance jsonb NOT NULL,
        auc double precision,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT model_versions_number_key UNIQUE (model_id, version)
      )`);
    await q.query(`CREATE INDEX model_versions_content_hash ON model_versions (content_hash)`);
    // A version is evidence (strategies pin it, reviews approve it): never changed once written.
    await q.query(`
      CREATE FUNCTION model_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'model version % is immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER model_versions_immutable BEFORE UPDATE ON model_versions
      FOR EACH ROW EXECUTE FUNCTION model_versions_immutable()`);

    await q.query(`
      CREATE TABLE training_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        model_id uuid NOT NULL,
        model_name text NOT NULL CHECK (length(model_name) BETWEEN 1 AND 200),
        new_model boolean NOT NULL,
        dataset_id uuid REFERENCES datasets(id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('QUEUED','RUNNING','SUCCEEDED','FAILED','CANCELLED')),
        phase text,
        rows integer NOT NULL DEFAULT 0,
        iteration integer NOT NULL DEFAULT 0,
        iterations integer NOT NULL DEFAULT 0,
        eta_seconds double precision,
        error text,
        version_id uuid REFERENCES model_versions(id),
        request jsonb NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_jobs_succeeded_has_version CHECK ((status = 'SUCCEEDED') = (version_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX training_jobs_model ON training_jobs (model_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX training_jobs_unfinished ON training_jobs (created_at) WHERE status IN ('QUEUED','RUNNING')`,
    );
    // Two trainings under way for the same new name would race for it: the second is refused at once.
    await q.query(`
      CREATE UNIQUE INDEX training_jobs_new_model_name_key ON training_jobs (lower(model_name))
      WHERE new_model AND status IN ('QUEUED','RUNNING')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE training_jobs`);
    await q.query(`DROP TABLE model_versions`);
    await q.query(`DROP FUNCTION model_versions_immutable()`);
    await q.query(`DROP TABLE models`);
  }
}
