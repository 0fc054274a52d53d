import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decisionIdTime } from './decision-id';
import type { LoggedAction } from './logged-action';

/**
 * How far a decision's stored time may be from the time in its id when the request did not set
 * `context.now` (both are read moments apart while deciding).
 */
const ID_TIME_SLACK_MS = 60_000;

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

  /**
   * The log is partitioned by decided_at: a decision id of newDecisionId carries its time, so the
   * lookup first reads only the partitions around it; what it misses (a request that set
   * `context.now`, or an id of another kind) is looked up in every partition.
   */
  async byIds(ids: readonly string[]): Promise<Map<string, DecisionFacts>> {
    if (!ids.length) return new Map();
    const select = `SELECT id, version_id, customer_id, inputs FROM decision_log WHERE id = ANY($1::uuid[])`;
    const rows = await this.withinIdTimes<{
      id: string;
      version_id: string;
      customer_id: string;
      inputs: DecisionFacts['inputs'];
    }>(select, ids);
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, versionId: r.version_id, customerId: r.customer_id, inputs: r.inputs },
      ]),
    );
  }

  /** By id, as byIds(): the partitions around the id's time first. */
  async outcomeTarget(id: string): Promise<OutcomeTarget | undefined> {
    const rows = await this.withinIdTimes<{
      id: string;
      customer_id: string;
      strategy_id: string;
      actions: LoggedAction[];
    }>(`SELECT id, customer_id, strategy_id, actions FROM decision_log WHERE id = ANY($1::uuid[])`, [id]);
    const r = rows[0];
    return r && { customerId: r.customer_id, strategyId: r.strategy_id, actions: r.actions };
  }

  /** `select` (rows with an `id`, ids as $1) within the time range of the ids, then everywhere for the ids not found. */
  private async withinIdTimes<R extends { id: string }>(
    select: string,
    ids: readonly string[],
  ): Promise<R[]> {
    let first = Infinity;
    let last = -Infinity;
    for (const id of ids) {
      const t = decisionIdTime(id);
      if (t !== undefined) [first, last] = [Math.min(first, t), Math.max(last, t)];
    }
    let found: R[] = [];
    if (first <= last) {
      found = await this.dataSource.query(`${select} AND decided_at >= $2 AND decided_at < $3`, [
        ids,
        new Date(first - ID_TIME_SLACK_MS),
        new Date(last + ID_TIME_SLACK_MS),
      ]);
      if (found.length === ids.length) return found;
    }
    const seen = new Set(found.map((r) => r.id));
    const rest = ids.filter((id) => !seen.has(id));
    return rest.length ? [...found, ...(await this.dataSource.query(select, [rest]))] : found;
  }
}
