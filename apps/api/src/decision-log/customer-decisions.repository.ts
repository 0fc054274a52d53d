import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { asciiText } from './decision-log.writer';

export interface DecisionExport {
  id: string;
  decidedAt: string;
  strategyId: string;
  versionNumber: number;
  actions: unknown;
  inputs: unknown;
  source: string;
}

const DECISION_COLUMNS = 'id, decided_at, strategy_id, version_number, actions, inputs, source';

interface DecisionRow {
  id: string;
  decided_at: Date;
  strategy_id: string;
  version_number: number;
  actions: unknown;
  inputs: unknown;
  source: string;
}

const toDecisionExport = (r: DecisionRow): DecisionExport => ({
  id: r.id,
  decidedAt: r.decided_at.toISOString(),
  strategyId: r.strategy_id,
  versionNumber: r.version_number,
  actions: r.actions,
  inputs: r.inputs,
  source: r.source,
});

/** One customer's logged decisions, for access requests and erasure. */
@Injectable()
export class CustomerDecisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async export(customerId: string): Promise<DecisionExport[]> {
    const rows: DecisionRow[] = await this.dataSource.query(
      `SELECT ${DECISION_COLUMNS} FROM decision_log WHERE customer_id = $1 ORDER BY decided_at DESC`,
      [customerId],
    );
    return rows.map(toDecisionExport);
  }

  /** Recent decisions of a customer for the studio: what was returned, and what it was decided on (to explain it). */
  async recent(customerId: string, limit: number): Promise<(DecisionExport & { arms: unknown })[]> {
    const rows: (DecisionRow & { arms: unknown })[] = await this.dataSource.query(
      `SELECT ${DECISION_COLUMNS}, arms FROM decision_log WHERE customer_id = $1 ORDER BY decided_at DESC LIMIT $2`,
      [customerId, limit],
    );
    return rows.map((r) => ({ ...toDecisionExport(r), arms: r.arms }));
  }

  /**
   * Decisions stay (counts per version, off-policy evidence, learning need them) under a pseudonym
   * that links to nothing, without their inputs (the customer's field values). Dead letters (records
   * PostgreSQL refused, kept whole) of the customer are deleted. Returns [decisions, dead letters].
   */
  async pseudonymise(em: EntityManager, customerId: string, pseudonym: string): Promise<[number, number]> {
    const decisions: { n: number }[] = await em.query(
      `WITH changed AS (UPDATE decision_log SET customer_id = $2, inputs = NULL WHERE customer_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM changed`,
      [customerId, pseudonym],
    );
    // The dead letter's record is the writer's ASCII-escaped JSON: the customer id appears exactly so.
    const marker = `"customerId":${asciiText(JSON.stringify(customerId))},`;
    const letters: { n: number }[] = await em.query(
      `WITH gone AS (DELETE FROM decision_log_dead_letters WHERE strpos(record, $1) > 0 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [marker],
    );
    return [decisions[0]!.n, letters[0]!.n];
  }
}
