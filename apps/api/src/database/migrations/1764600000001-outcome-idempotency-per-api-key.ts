import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: idempotency keys of outcomes are per API key (the studio, without one, has its own
 * namespace): one caller can no longer read or pre-empt another caller's outcome by guessing its key.
 */
export class OutcomeIdempotencyPerApiKey1764600000001 implements MigrationInterface {
  name = 'OutcomeIdempotencyPerApiKey1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interactions_idempotency_key`);
    await q.query(`
      CREATE UNIQUE INDEX interactions_idempotency_key ON interactions ((coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid)), idempotency_key)
      WHERE idempotency_key IS NOT NULL`);
  }

  /** Fails when two API keys have used the same idempotency key since: that cannot be one namespace again. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interactions_idempotency_key`);
    await q.query(
      `CREATE UNIQUE INDEX interactions_idempotency_key ON interactions (idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
  }
}
