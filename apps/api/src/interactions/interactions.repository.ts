import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { copyRows, copyText } from '../common/copy-rows';
import { isoTime } from '../decision-log/decided-at';
import type { DecisionRecord, WrittenAlongside } from '../decision-log/decision-log.writer';
import type { OutcomeResult } from './outcomes';

/** An interaction row as the outcome API answers it. */
export interface InteractionRow {
  id: string;
  customer_id: string;
  action_id: string;
  outcome: OutcomeResult['outcome'];
  channel: string | null;
  at: Date;
  decision_id: string | null;
  idempotency_key: string | null;
  override_action_id: string | null;
  override_reason: string | null;
}

export interface NewOutcome {
  customerId: string;
  actionId: string;
  outcome: OutcomeResult['outcome'];
  channel: string | null;
  at: Date;
  decisionId: string | null;
  strategyId: string | null;
  idempotencyKey: string | null;
  apiKeyId: string | null;
  override: { actionId: string; reason: string } | null;
}

const RETURNED =
  'id, customer_id, action_id, outcome, channel, at, decision_id, idempotency_key, override_action_id, override_reason';

/** Idempotency keys of the studio (no API key) share one namespace. */
const STUDIO_NAMESPACE = '00000000-0000-0000-0000-000000000000';

/**
 * Writes of the interactions table: the `shown` rows of each decision-log flush (registered with
 * the writer, in its transaction) and reported outcomes, whose idempotency keys live in
 * `interaction_idempotency_keys` (a partitioned table's unique index would have to include `at`).
 */
@Injectable()
export class InteractionsRepository implements WrittenAlongside {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per returned action of each decision, `shown` at the decision's time. */
  async insert(em: EntityManager, batch: readonly DecisionRecord[]): Promise<void> {
    const shown = batch.flatMap((r) => r.actions.map((a) => ({ r, a })));
    if (!shown.length) return;
    await em.query(
      `INSERT INTO interactions (customer_id, action_id, outcome, channel, at, decision_id, strategy_id, api_key_id)
       SELECT c, a, 'shown', ch, t, d, s, k FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::uuid[], $6::uuid[], $7::uuid[]) AS u(c, a, ch, t, d, s, k)`,
      [
        shown.map(({ r }) => r.customerId),
        shown.map(({ a }) => a.actionId),
        shown.map(({ r, a }) => a.channel ?? r.channel ?? null),
        shown.map(({ r }) => r.decidedAt.toISOString()),
        shown.map(({ r }) => r.id),
        shown.map(({ r }) => r.strategyId),
        shown.map(({ r }) => r.apiKeyId),
      ],
    );
  }

  /** insert() as a COPY (the writer's usual way; see DecisionLogWriter). */
  async copy(em: EntityManager, batch: readonly DecisionRecord[]): Promise<void> {
    await copyRows(
      em,
      `COPY interactions (customer_id, action_id, outcome, channel, at, decision_id, strategy_id, api_key_id) FROM STDIN`,
      batch,
      (r) => {
        // The rows of one decision: one per returned action.
        const customer = copyText(r.customerId);
        const tail = `\t${isoTime(r.decidedAt)}\t${r.id}\t${r.strategyId}\t${r.apiKeyId ?? '\\N'}\n`;
        let lines = '';
        for (const a of r.actions) {
          const channel = a.channel ?? r.channel;
          lines += `${customer}\t${copyText(a.actionId)}\tshown\t${channel == null ? '\\N' : copyText(channel)}${tail}`;
        }
        return lines;
      },
    );
  }

  /**
   * Stores an outcome and its idempotency key in one statement: a key already taken (by this API
   * key) fails it with a unique violation and nothing is stored.
   */
  async insertOutcome(o: NewOutcome): Promise<InteractionRow> {
    const rows: InteractionRow[] = await this.dataSource.query(
      `WITH stored AS (
         INSERT INTO interactions (customer_id, action_id, outcome, channel, at, decision_id, strategy_id, idempotency_key, api_key_id, override_action_id, override_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING ${RETURNED}
       ), keyed AS (
         INSERT INTO interaction_idempotency_keys (namespace, key, interaction_id, at)
         SELECT coalesce($9::uuid, '${STUDIO_NAMESPACE}'::uuid), idempotency_key, id, at FROM stored WHERE idempotency_key IS NOT NULL
       )
       SELECT * FROM stored`,
      [
        o.customerId,
        o.actionId,
        o.outcome,
        o.channel,
        o.at,
        o.decisionId,
        o.strategyId,
        o.idempotencyKey,
        o.apiKeyId,
        o.override?.actionId ?? null,
        o.override?.reason ?? null,
      ],
    );
    return rows[0]!;
  }

  /** The outcome stored with this idempotency key of this API key (each API key has its own keys). */
  async byKey(key: string, apiKeyId: string | null): Promise<InteractionRow | undefined> {
    const rows: InteractionRow[] = await this.dataSource.query(
      `SELECT ${RETURNED.split(', ')
        .map((c) => `i.${c}`)
        .join(', ')} FROM interaction_idempotency_keys k
       JOIN interactions i ON i.id = k.interaction_id AND i.at = k.at
       WHERE k.namespace = $2::uuid AND k.key = $1`,
      [key, apiKeyId ?? STUDIO_NAMESPACE],
    );
    return rows[0];
  }
}
