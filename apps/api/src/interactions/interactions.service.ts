import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../common/database-errors';
import { AppError, unavailable, validationFailed } from '../common/errors';
import { decisionIdTime } from '../decision-log/decision-id';
import { DecisionLogWriter, FLUSH_INTERVAL_MS, type LoggedAction } from '../decision-log/decision-log.writer';
import { HISTORY_DAYS, HistoryService } from './history.service';
import type { OutcomeRequest, OutcomeResult } from './outcomes';

type LoggedDecision = { customerId: string; strategyId: string; actions: LoggedAction[] };

/** A decision this recent that no instance has stored yet may still be in another instance's buffer (or waiting out a database outage). */
const RECENT_DECISION_MS = 120_000;
/** Long enough for another instance's next flushes. */
const SETTLE_MS = 3 * FLUSH_INTERVAL_MS;

interface Row {
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

const RETURNED =
  'id, customer_id, action_id, outcome, channel, at, decision_id, idempotency_key, override_action_id, override_reason';

/** Idempotency keys of the studio (no API key) share one namespace; the same expression as the unique index interactions_idempotency_key. */
const STUDIO_NAMESPACE = '00000000-0000-0000-0000-000000000000';

/**
 * Outcomes (stored once per idempotency key and API key) and the interaction history of customers.
 * An API key limited to some strategies (`strategyIds`) reports outcomes only of its strategies'
 * decisions and reads only their part of a customer's history.
 */
@Injectable()
export class InteractionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: DecisionLogWriter,
    private readonly history: HistoryService,
  ) {}

  /**
   * Stores an outcome as an interaction. With a decisionId, the customer comes from the decision
   * and the action must be one it returned. A repeated idempotency key (of the same API key)
   * answers the first result.
   */
  async record(
    request: OutcomeRequest,
    apiKeyId: string | null,
    strategyIds: readonly string[] | null = null,
  ): Promise<OutcomeResult> {
    if (strategyIds && !request.decisionId) {
      // Without a decision the outcome belongs to no strategy, and every strategy's contact policies would read it.
      throw new AppError(
        'FORBIDDEN',
        'This API key is limited to some strategies: report an outcome with the decisionId of one of their decisions. Outcomes by customerId and actionId alone need a key for all strategies.',
        { field: 'decisionId' },
      );
    }
    const key = request.idempotencyKey ?? null;
    if (key) {
      const existing = await this.byKey(key, apiKeyId);
      if (existing) return toResult(existing, true);
    }
    let customerId = request.customerId;
    let actionId = request.actionId;
    let strategyId: string | null = null;
    let channel = request.channel ?? null;
    if (request.decisionId) {
      const decision = await this.decision(request.decisionId);
      if (!decision || (strategyIds && !strategyIds.includes(decision.strategyId))) {
        throw validationFailed([
          { field: 'decisionId', message: `no decision ${request.decisionId} is known` },
        ]);
      }
      if (customerId && customerId !== decision.customerId)
        throw validationFailed([{ field: 'customerId', message: 'is not the customer of this decision' }]);
      if (!actionId && decision.actions.length === 1) actionId = decision.actions[0]!.actionId;
      const action = decision.actions.find((a) => a.actionId === actionId);
      if (!action)
        throw validationFailed([
          {
            field: 'actionId',
            message: `${JSON.stringify(actionId ?? null)} was not returned by decision ${request.decisionId}`,
          },
        ]);
      customerId = decision.customerId;
      strategyId = decision.strategyId;
      channel ??= action.channel ?? null;
    }
    const at = request.at ? new Date(request.at) : new Date();
    let row: Row | undefined;
    try {
      const rows: Row[] = await this.dataSource.query(
        `INSERT INTO interactions (customer_id, action_id, outcome, channel, at, decision_id, strategy_id, idempotency_key, api_key_id, override_action_id, override_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING ${RETURNED}`,
        [
          customerId,
          actionId,
          request.outcome,
          channel,
          at,
          request.decisionId ?? null,
          strategyId,
          key,
          apiKeyId,
          request.override?.actionId ?? null,
          request.override?.reason ?? null,
        ],
      );
      row = rows[0];
    } catch (error) {
      // Two requests with the same key at once: the loser answers the winner's row.
      if (key && isUniqueViolation(error)) row = await this.byKey(key, apiKeyId);
      if (!row) throw error;
      await this.history.invalidate(row.customer_id);
      return toResult(row, true);
    }
    await this.history.invalidate(customerId!);
    return toResult(row!, false);
  }

  /** The customer's history; with `strategyIds` (a limited API key) only what those strategies showed and were told. */
  async interactions(customerId: string, strategyIds: readonly string[] | null = null) {
    const interactions = strategyIds
      ? await this.history.ofStrategies(customerId, strategyIds)
      : await this.history.get(customerId);
    return { customerId, windowDays: HISTORY_DAYS, interactions };
  }

  /** Each API key has its own idempotency keys: one caller can neither read nor pre-empt another's outcome. */
  private async byKey(key: string, apiKeyId: string | null): Promise<Row | undefined> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${RETURNED} FROM interactions
       WHERE coalesce(api_key_id, '${STUDIO_NAMESPACE}'::uuid) = $2::uuid AND idempotency_key = $1`,
      [key, apiKeyId ?? STUDIO_NAMESPACE],
    );
    return rows[0];
  }

  /**
   * The decision of an outcome. One made moments ago may still be in another instance's log buffer
   * (a load balancer sends the outcome elsewhere): wait for that instance's flush, and if it is still
   * missing, answer a retryable error rather than calling a valid decision unknown.
   */
  private async decision(id: string): Promise<LoggedDecision | undefined> {
    const found = await this.findDecision(id);
    const madeAt = decisionIdTime(id);
    if (found || madeAt === undefined || Math.abs(Date.now() - madeAt) > RECENT_DECISION_MS) return found;
    while (Date.now() < madeAt + SETTLE_MS) {
      await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS / 2));
      const settled = await this.findDecision(id);
      if (settled) return settled;
    }
    throw unavailable(
      `Decision ${id} was made moments ago and is not stored yet; send the outcome again in a second.`,
      1,
    );
  }

  private async findDecision(id: string): Promise<LoggedDecision | undefined> {
    const pending = this.writer.findPending(id);
    if (pending) return pending;
    const rows: { customer_id: string; strategy_id: string; actions: LoggedAction[] }[] =
      await this.dataSource.query(
        `SELECT customer_id, strategy_id, actions FROM decision_log WHERE id = $1`,
        [id],
      );
    const r = rows[0];
    return r && { customerId: r.customer_id, strategyId: r.strategy_id, actions: r.actions };
  }
}

function toResult(r: Row, replayed: boolean): OutcomeResult {
  return {
    id: String(r.id),
    customerId: r.customer_id,
    actionId: r.action_id,
    outcome: r.outcome,
    channel: r.channel,
    at: new Date(r.at).toISOString(),
    decisionId: r.decision_id,
    idempotencyKey: r.idempotency_key,
    override:
      r.override_action_id === null ? null : { actionId: r.override_action_id, reason: r.override_reason! },
    replayed,
  };
}
