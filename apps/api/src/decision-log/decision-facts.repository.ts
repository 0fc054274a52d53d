import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LoggedAction } from './decision-log.writer';

/** What a logged decision saw, for learning from its outcomes. */
export interface DecisionFacts {
  id: string;
  versionId: string;
  customerId: string;
  /** `{ customer, context }` (the fields the strategy reads); null when DECISION_LOG_INPUTS=false. */
  inputs: { customer?: Record<string, unknown>; context?: Record<string, unknown> } | null;
}

/** Who a logged decision was for and what it returned: what an outcome reported on it is checked against. */
export interface OutcomeTarget {
  customerId: string;
  strategyId: string;
  actions: LoggedAction[];
}

@Injectable()
export class DecisionFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(ids: readonly string[]): Promise<Map<string, DecisionFacts>> {
    if (!ids.length) return new Map();
    const rows: { id: string; version_id: string; customer_id: string; inputs: DecisionFacts['inputs'] }[] =
      await this.dataSource.query(
        `SELECT id, version_id, customer_id, inputs FROM decision_log WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, versionId: r.version_id, customerId: r.customer_id, inputs: r.inputs },
      ]),
    );
  }

  /** By id alone: the log is partitioned by decided_at, so this probes each day's primary-key index. */
  async outcomeTarget(id: string): Promise<OutcomeTarget | undefined> {
    const rows: { customer_id: string; strategy_id: string; actions: LoggedAction[] }[] =
      await this.dataSource.query(
        `SELECT customer_id, strategy_id, actions FROM decision_log WHERE id = $1`,
        [id],
      );
    const r = rows[0];
    return r && { customerId: r.customer_id, strategyId: r.strategy_id, actions: r.actions };
  }
}
