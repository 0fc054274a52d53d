import type { DataSource, EntityManager } from 'typeorm';
import { copyJson, copyRows, copyText } from '../common/copy-rows';
import { isoTime } from './decided-at';
import type { DecisionRecord } from './decision-log.writer';

/** The decision log's writes (`decision_log`, `decision_log_dead_letters`); the writer decides when. */
export class DecisionLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether flushes may COPY (not on the quick start's embedded database). */
  async takesCopy(): Promise<boolean> {
    const rows = await this.dataSource.query<{ version: string }[]>(`SELECT version()`);
    return !/PGlite/i.test(rows[0]?.version ?? '');
  }

  /**
   * COPY of the batch: cheaper than the INSERT for PostgreSQL and for this process, but without its
   * ON CONFLICT: a decision already stored fails it (23505), and the writer then uses insert().
   */
  async copy(em: EntityManager, batch: readonly DecisionRecord[]): Promise<void> {
    await copyRows(
      em,
      `COPY decision_log (id, decided_at, customer_id, strategy_id, version_id, version_number, content_hash, actions, inputs, latency_ms, api_key_id, source, arms) FROM STDIN`,
      batch,
      (r) =>
        `${r.id}\t${isoTime(r.decidedAt)}\t${copyText(r.customerId)}\t${r.strategyId}\t${r.versionId}\t${r.versionNumber}\t${copyText(r.contentHash)}\t${copyJson(r.actions)}\t${r.inputs ? copyJson(r.inputs) : '\\N'}\t${r.latencyMs}\t${r.apiKeyId ?? '\\N'}\t${r.source}\t${r.arms ? copyJson(r.arms) : '\\N'}\n`,
    );
  }

  /** One multi-row INSERT; a decision already stored (same id and time) is skipped. */
  async insert(em: EntityManager, batch: readonly DecisionRecord[]): Promise<void> {
    await em.query(
      `INSERT INTO decision_log (id, decided_at, customer_id, strategy_id, version_id, version_number, content_hash, actions, inputs, latency_ms, api_key_id, source, arms)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::jsonb[], $9::jsonb[], $10::float8[], $11::uuid[], $12::text[], $13::jsonb[])
       ON CONFLICT (id, decided_at) DO NOTHING`,
      [
        batch.map((r) => r.id),
        batch.map((r) => r.decidedAt.toISOString()),
        batch.map((r) => r.customerId),
        batch.map((r) => r.strategyId),
        batch.map((r) => r.versionId),
        batch.map((r) => r.versionNumber),
        batch.map((r) => r.contentHash),
        batch.map((r) => JSON.stringify(r.actions)),
        batch.map((r) => (r.inputs ? JSON.stringify(r.inputs) : null)),
        batch.map((r) => r.latencyMs),
        batch.map((r) => r.apiKeyId),
        batch.map((r) => r.source),
        batch.map((r) => (r.arms ? JSON.stringify(r.arms) : null)),
      ],
    );
  }

  /** Keeps a decision that cannot be stored, once (the values are already made ASCII-safe). */
  async deadLetter(
    decisionId: string,
    sqlstate: string | null,
    reason: string,
    record: string,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO decision_log_dead_letters (decision_id, sqlstate, reason, record) VALUES ($1, $2, $3, $4) ON CONFLICT (decision_id) DO NOTHING`,
      [decisionId, sqlstate, reason, record],
    );
  }
}
