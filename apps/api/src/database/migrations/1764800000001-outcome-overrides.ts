import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18: an outcome may say staff overrode the recommendation (the action chosen instead, and why). */
export class OutcomeOverrides1764800000001 implements MigrationInterface {
  name = 'OutcomeOverrides1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE interactions ADD COLUMN override_action_id text, ADD COLUMN override_reason text`,
    );
    await q.query(
      `ALTER TABLE interactions ADD CONSTRAINT interactions_override_complete CHECK ((override_action_id IS NULL) = (override_reason IS NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interactions DROP COLUMN override_action_id, DROP COLUMN override_reason`);
  }
}
