import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Datasets and their rows, simulation runs (what, over which rows, progress) and their per-chunk results. */
export class DatasetsSimulations1764300000000 implements MigrationInterface {
  name = 'DatasetsSimulations1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE datasets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        format text NOT NULL CHECK (format IN ('csv','jsonl')),
        status text NOT NULL CHECK (status IN ('UPLOADING','READY','FAILED')),
        mapping jsonb NOT NULL DEFAULT '{}',
        personal_columns jsonb NOT NULL DEFAULT '{}',
        report jsonb,
        error text,
        rows_read integer NOT NULL DEFAULT 0,
        row_count integer NOT NULL DEFAULT 0,
        bytes_read bigint NOT NULL DEFAULT 0,
        total_bytes bigint,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX datasets_created_at ON datasets (created_at DESC)`);
    await q.query(`
      CREATE TABLE dataset_rows (
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        row_no integer NOT NULL,
        customer_id text,
        customer jsonb NOT NULL,
        logged jsonb,
        PRIMARY KEY (dataset_id, row_no)
      )`);

    await q.query(
      `ALTER TABLE simulations ADD CONSTRAINT simulations_dataset_fk FOREIGN KEY (dataset_id) REFERENCES datasets(id) ON DELETE SET NULL`,
    );
    await q.query(`
      ALTER TABLE simulations
        ADD COLUMN version_id uuid REFERENCES strategy_versions(id),
        ADD COLUMN baseline_version_id uuid REFERENCES strategy_versions(id),
        ADD COLUMN baseline_content_hash text,
        ADD COLUMN options jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN decision_time timestamptz,
        ADD COLUMN rows_total integer NOT NULL DEFAULT 0,
        ADD COLUMN chunk_size integer NOT NULL DEFAULT 10000,
        ADD COLUMN chunk_count integer NOT NULL DEFAULT 0,
        ADD COLUMN started_at timestamptz,
        ADD COLUMN error text,
        ADD COLUMN comparison jsonb`);
    await q.query(`CREATE INDEX simulations_reuse ON simulations (content_hash, dataset_id, status)`);
    await q.query(`
      CREATE TABLE simulation_chunks (
        simulation_id uuid NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
        chunk_no integer NOT NULL CHECK (chunk_no >= 0),
        rows integer NOT NULL,
        result jsonb NOT NULL,
        baseline_result jsonb,
        paired jsonb,
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (simulation_id, chunk_no)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulation_chunks`);
    await q.query(`DROP INDEX simulations_reuse`);
    await q.query(`
      ALTER TABLE simulations
        DROP COLUMN version_id, DROP COLUMN baseline_version_id, DROP COLUMN baseline_content_hash, DROP COLUMN options,
        DROP COLUMN decision_time, DROP COLUMN rows_total, DROP COLUMN chunk_size, DROP COLUMN chunk_count,
        DROP COLUMN started_at, DROP COLUMN error, DROP COLUMN comparison`);
    await q.query(`ALTER TABLE simulations DROP CONSTRAINT simulations_dataset_fk`);
    await q.query(`DROP TABLE dataset_rows`);
    await q.query(`DROP TABLE datasets`);
  }
}
