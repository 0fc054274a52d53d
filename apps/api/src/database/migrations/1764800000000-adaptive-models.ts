import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: adaptive models. A registry model gains a kind (trained | adaptive); an adaptive model's
 * version is its immutable configuration (algorithm ADAPTIVE). What it learns lives in snapshots
 * (every one kept: learned, reset or rolled back, with its evidence and hash) and one control row per
 * model version (frozen or not, the snapshot served).
 */
export class AdaptiveModels1764800000000 implements MigrationInterface {
  name = 'AdaptiveModels1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE models ADD COLUMN kind text NOT NULL DEFAULT 'trained' CHECK (kind IN ('trained', 'adaptive'))`,
    );
    await q.query(`ALTER TABLE model_versions DROP CONSTRAINT model_versions_algorithm_check`);
    await q.query(
      `ALTER TABLE model_versions ADD CONSTRAINT model_versions_algorithm_check CHECK (algorithm IN ('LOGISTIC','GBDT','NAIVE_BAYES','ADAPTIVE'))`,
    );
    await q.query(`
      CREATE TABLE adaptive_snapshots (
        id bigserial PRIMARY KEY,
        model_id uuid NOT NULL,
        version integer NOT NULL,
        seq bigint NOT NULL CHECK (seq >= 0),
        evidence integer NOT NULL CHECK (evidence >= 0),
        positives integer NOT NULL CHECK (positives >= 0),
        state text NOT NULL,
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        guard jsonb NOT NULL,
        reason text NOT NULL CHECK (reason IN ('learned', 'reset', 'rollback')),
        comment text CHECK (comment IS NULL OR length(comment) <= 2000),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version)
      )`);
    await q.query(`CREATE INDEX adaptive_snapshots_model ON adaptive_snapshots (model_id, version, id DESC)`);
    await q.query(`
      CREATE TABLE adaptive_controls (
        model_id uuid NOT NULL,
        version integer NOT NULL,
        frozen boolean NOT NULL DEFAULT false,
        serving_snapshot_id bigint NOT NULL REFERENCES adaptive_snapshots(id),
        -- How far the learner has read the outcome stream for this model (learned or skipped), and when.
        scanned_seq bigint NOT NULL DEFAULT 0,
        scanned_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (model_id, version),
        FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE adaptive_controls`);
    await q.query(`DROP TABLE adaptive_snapshots`);
    await q.query(`DELETE FROM model_versions WHERE algorithm = 'ADAPTIVE'`);
    await q.query(`ALTER TABLE model_versions DROP CONSTRAINT model_versions_algorithm_check`);
    await q.query(
      `ALTER TABLE model_versions ADD CONSTRAINT model_versions_algorithm_check CHECK (algorithm IN ('LOGISTIC','GBDT','NAIVE_BAYES'))`,
    );
    await q.query(`ALTER TABLE models DROP COLUMN kind`);
  }
}
