import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each version keeps the catalog entries and declared fields it reads (see pinned-environment.ts).
 * NULL for versions made before: they keep deciding with the live catalog and schema, as they did.
 */
export class PinnedEnvironments1764500000001 implements MigrationInterface {
  name = 'PinnedEnvironments1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE strategy_versions ADD COLUMN environment jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE strategy_versions DROP COLUMN environment`);
  }
}
