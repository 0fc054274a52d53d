import { Injectable } from '@nestjs/common';
import type { Interaction as EngineInteraction, Outcome } from '@arbiter/engine';
import { DataSource } from 'typeorm';

/** How far back and how many interactions a customer's history window holds. */
export const HISTORY_DAYS = 90;
export const HISTORY_LIMIT = 500;

interface Row {
  customer_id: string;
  action_id: string;
  outcome: Outcome;
  at: Date;
  channel: string | null;
}

/** Reads of customers' recent interactions (newest first), as contact-policy nodes see them. */
@Injectable()
export class InteractionHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Each customer's window, every customer asked for present (an empty window when it has none). */
  async windows(customerIds: readonly string[]): Promise<Map<string, EngineInteraction[]>> {
    const rows: Row[] =
      customerIds.length === 1
        ? await this.dataSource.query(
            `SELECT customer_id, action_id, outcome, at, channel FROM interactions
             WHERE customer_id = $1 AND at > now() - make_interval(days => $2)
             ORDER BY at DESC, id DESC LIMIT $3`,
            [customerIds[0], HISTORY_DAYS, HISTORY_LIMIT],
          )
        : await this.dataSource.query(
            `SELECT customer_id, action_id, outcome, at, channel FROM (
               SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY at DESC, id DESC) AS n FROM interactions
               WHERE customer_id = ANY($1) AND at > now() - make_interval(days => $2)) recent
             WHERE n <= $3 ORDER BY customer_id, at DESC, id DESC`,
            [customerIds, HISTORY_DAYS, HISTORY_LIMIT],
          );
    const windows = new Map<string, EngineInteraction[]>(customerIds.map((id) => [id, []]));
    for (const r of rows) windows.get(r.customer_id)!.push(toInteraction(r));
    return windows;
  }

  /** The window as these strategies' decisions and outcomes make it (what a limited API key sees). */
  async ofStrategies(customerId: string, strategyIds: readonly string[]): Promise<EngineInteraction[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT customer_id, action_id, outcome, at, channel FROM interactions
       WHERE customer_id = $1 AND strategy_id = ANY($4::uuid[]) AND at > now() - make_interval(days => $2)
       ORDER BY at DESC, id DESC LIMIT $3`,
      [customerId, HISTORY_DAYS, HISTORY_LIMIT, strategyIds],
    );
    return rows.map(toInteraction);
  }
}

function toInteraction(r: Row): EngineInteraction {
  return {
    actionId: r.action_id,
    outcome: r.outcome,
    at: new Date(r.at).toISOString(),
    ...(r.channel && { channel: r.channel }),
  };
}
