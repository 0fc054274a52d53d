import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface InteractionExport {
  id: string;
  actionId: string;
  outcome: string;
  channel: string | null;
  at: string;
  decisionId: string | null;
  strategyId: string | null;
}

/** One customer's interactions (shown actions and outcomes), for access requests and erasure. */
@Injectable()
export class CustomerInteractionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async export(customerId: string): Promise<InteractionExport[]> {
    const rows: {
      id: string;
      action_id: string;
      outcome: string;
      channel: string | null;
      at: Date;
      decision_id: string | null;
      strategy_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT id, action_id, outcome, channel, at, decision_id, strategy_id FROM interactions WHERE customer_id = $1 ORDER BY at DESC, id DESC`,
      [customerId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      actionId: r.action_id,
      outcome: r.outcome,
      channel: r.channel,
      at: r.at.toISOString(),
      decisionId: r.decision_id,
      strategyId: r.strategy_id,
    }));
  }

  /**
   * Replaces the customer id by a pseudonym that links to nothing: acceptance rates and learning
   * keep their counts, nobody can tell whose they were. Client idempotency keys may name the
   * customer, so they go too. Returns the rows changed.
   */
  async pseudonymise(em: EntityManager, customerId: string, pseudonym: string): Promise<number> {
    await em.query(
      `DELETE FROM interaction_idempotency_keys k USING interactions i WHERE i.customer_id = $1 AND k.interaction_id = i.id AND k.at = i.at`,
      [customerId],
    );
    const rows: { n: number }[] = await em.query(
      `WITH changed AS (UPDATE interactions SET customer_id = $2, idempotency_key = NULL WHERE customer_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM changed`,
      [customerId, pseudonym],
    );
    return rows[0]!.n;
  }
}
