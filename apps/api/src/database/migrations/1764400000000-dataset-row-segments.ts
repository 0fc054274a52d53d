import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segment values per dataset row, for per-segment simulation results: NULL unless the dataset maps
 * segment columns (rows imported before this migration have none). Newest-first simulation lists.
 */
export class DatasetRowSegments1764400000000 implements MigrationInterface {
  name = 'DatasetRowSegments1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dataset_rows ADD COLUMN segments jsonb`);
    await q.query(`CREATE INDEX simulations_created_at ON simulations (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX simulations_created_at`);
    await q.query(`ALTER TABLE dataset_rows DROP COLUMN segments`);
  }
}
