import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, experiments: each logged decision keeps the split arm it went through
 * (`[{ splitStepId, arm }]`, null for a strategy without splits), and the experiment results find
 * a version's decisions and their outcomes by index.
 */
export class DecisionLogSplitArms1764800000018 implements MigrationInterface {
  name = 'DecisionLogSplitArms1764800000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_log ADD COLUMN arms jsonb`);
    await q.query(
      `CREATE INDEX decision_log_version_arms ON decision_log (version_id) WHERE arms IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX interactions_decision_outcomes ON interactions (decision_id) WHERE decision_id IS NOT NULL AND outcome <> 'shown'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interactions_decision_outcomes`);
    await q.query(`DROP INDEX decision_log_version_arms`);
    await q.query(`ALTER TABLE decision_log DROP COLUMN arms`);
  }
}
