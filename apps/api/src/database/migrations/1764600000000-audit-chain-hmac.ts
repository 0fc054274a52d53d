import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the audit chain is keyed. Each entry records how its hash was made (`hash_alg`): the
 * entries written before this migration keep their plain SHA-256 ('sha256') and still verify; every
 * new one is an HMAC-SHA-256 with AUDIT_HMAC_SECRET ('hmac-sha256'). The first keyed entry covers
 * the last plain one through its prev_hash, so the old entries cannot be rewritten either.
 *
 * A trigger makes the database itself refuse an INSERT that does not continue the chain (seq =
 * head + 1, prev_hash = the head's hash) or that is not keyed: rows added behind the application's
 * back can no longer be slipped in anywhere, and never as plain SHA-256 entries.
 */
export class AuditChainHmac1764600000000 implements MigrationInterface {
  name = 'AuditChainHmac1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE audit_log ADD COLUMN hash_alg text NOT NULL DEFAULT 'sha256' CHECK (hash_alg IN ('sha256', 'hmac-sha256'))`,
    );
    // New rows name their algorithm; only the existing ones were plain SHA-256.
    await q.query(`ALTER TABLE audit_log ALTER COLUMN hash_alg DROP DEFAULT`);
    // 1098015337 = 0x41726269, the advisory lock AuditRepository.lockChain takes: inserts are serialized whoever makes them.
    await q.query(`
      CREATE FUNCTION audit_log_continues_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(1098015337);
        IF NEW.hash_alg IS DISTINCT FROM 'hmac-sha256' THEN
          RAISE EXCEPTION 'audit_log: new entries must be signed with hmac-sha256, not %', NEW.hash_alg USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        SELECT seq, hash INTO head_seq, head_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
        IF NEW.seq IS DISTINCT FROM coalesce(head_seq, 0) + 1 OR NEW.prev_hash IS DISTINCT FROM coalesce(head_hash, repeat('0', 64)) THEN
          RAISE EXCEPTION 'audit_log: entry % does not continue the chain (the head is entry %)', NEW.seq, coalesce(head_seq, 0)
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_continues_chain BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_continues_chain()`);
  }

  /** Keyed entries stay in the table; the code before this migration would report them as changed. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_continues_chain ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_continues_chain()`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN hash_alg`);
  }
}
