import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions the log could not store (a value PostgreSQL refuses), kept instead of blocking the log:
 * the record as escaped ASCII JSON text, so whatever made the row unstorable fits here.
 */
export class DecisionLogDeadLetters1764500000000 implements MigrationInterface {
  name = 'DecisionLogDeadLetters1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_log_dead_letters (
        decision_id text PRIMARY KEY,
        failed_at timestamptz NOT NULL DEFAULT now(),
        sqlstate text,
        reason text NOT NULL,
        record text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_log_dead_letters`);
  }
}
