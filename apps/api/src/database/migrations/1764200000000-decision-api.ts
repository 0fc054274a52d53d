import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 6: API keys of calling systems, interaction history (shown + outcomes) and the decision log. */
export class DecisionApi1764200000000 implements MigrationInterface {
  name = 'DecisionApi1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        strategy_ids uuid[],
        rate_limit_per_second int CHECK (rate_limit_per_second IS NULL OR rate_limit_per_second > 0),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE interactions (
        id bigserial PRIMARY KEY,
        customer_id text NOT NULL,
        action_id text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('shown', 'accepted', 'declined', 'ignored', 'clicked', 'converted')),
        channel text,
        at timestamptz NOT NULL,
        decision_id uuid,
        strategy_id uuid,
        idempotency_key text,
        api_key_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX interactions_customer_at ON interactions (customer_id, at DESC)`);
    // Race-proof idempotency of outcomes: a repeated key never makes a second row.
    await q.query(
      `CREATE UNIQUE INDEX interactions_idempotency_key ON interactions (idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE decision_log (
        id uuid PRIMARY KEY,
        decided_at timestamptz NOT NULL,
        customer_id text NOT NULL,
        strategy_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version_number int NOT NULL,
        content_hash text NOT NULL,
        actions jsonb NOT NULL,
        inputs jsonb,
        latency_ms double precision NOT NULL,
        api_key_id uuid,
        source text NOT NULL
      )`);
    await q.query(`CREATE INDEX decision_log_customer ON decision_log (customer_id, decided_at DESC)`);
    await q.query(`CREATE INDEX decision_log_strategy ON decision_log (strategy_id, decided_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_log`);
    await q.query(`DROP TABLE interactions`);
    await q.query(`DROP TABLE api_keys`);
  }
}
