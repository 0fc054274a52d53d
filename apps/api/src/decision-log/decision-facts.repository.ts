import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What a logged decision saw, for learning from its outcomes. */
export interface DecisionFacts {
  id: string;
  versionId: string;
  customerId: string;
  /** `{ customer, context }` (the fields the strategy reads); null when DECISION_LOG_INPUTS=false. */
  inputs: { customer?: Record<string, unknown>; context?: Record<string, unknown> } | null;
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
}
