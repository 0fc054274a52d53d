import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../common/database-errors';
import { AppError, unavailable, validationFailed } from '../common/errors';
import { decisionIdTime } from '../decision-log/decision-id';
import { DecisionFactsRepository } from '../decision-log/decision-facts.repository';
import { DecisionLogWriter, FLUSH_INTERVAL_MS } from '../decision-log/decision-log.writer';
import type { LoggedAction } from '../decision-log/logged-action';
import { HISTORY_DAYS, HistoryService } from './history.service';
import { InteractionsRepository, type InteractionRow } from './interactions.repository';
import type { OutcomeRequest, OutcomeResult } from './outcomes';

type LoggedDecision = { customerId: string; strategyId: string; actions: LoggedAction[] };

/** A decision this recent that no instance has stored yet may still be in another instance's buffer (or waiting out a database outage). */
const RECENT_DECISION_MS = 120_000;
/** Long enough for another instance's next flushes. */
const SETTLE_MS = 3 * FLUSH_INTERVAL_MS;

/**
 * Outcomes (stored once per idempotency key and API key) and the interaction history of customers.
 * An API key limited to some strategies (`strategyIds`) reports outcomes only of its strategies'
 * decisions and reads only their part of a customer's history.
 */
@Injectable()
export class InteractionsService {
  constructor(
    private readonly repository: InteractionsRepository,
    private readonly decisions: DecisionFactsRepository,
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
      const existing = await this.repository.byKey(key, apiKeyId);
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
    let row: InteractionRow | undefined;
    try {
      row = await this.repository.insertOutcome({
        customerId: customerId!,
        actionId: actionId!,
        outcome: request.outcome,
        channel,
        at,
        decisionId: request.decisionId ?? null,
        strategyId,
        idempotencyKey: key,
        apiKeyId,
        override: request.override ?? null,
      });
    } catch (error) {
      // Two requests with the same key at once: the loser answers the winner's row.
      if (key && isUniqueViolation(error)) row = await this.repository.byKey(key, apiKeyId);
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
    return this.decisions.outcomeTarget(id);
  }
}

function toResult(r: InteractionRow, replayed: boolean): OutcomeResult {
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
