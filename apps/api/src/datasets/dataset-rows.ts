import type { ImportedRow } from '@arbiter/datasets';
import type { EntityManager } from 'typeorm';

/** Rows per INSERT statement: 4 parameters each, well under PostgreSQL's 65,535 parameters. */
export const INSERT_BATCH = 2000;

/** Appends imported rows as row numbers `firstRowNo…`, one parameterised multi-row INSERT per batch. */
export async function insertDatasetRows(em: EntityManager, datasetId: string, firstRowNo: number, rows: readonly ImportedRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const params: unknown[] = [datasetId];
    const values: string[] = [];
    batch.forEach((row, i) => {
      const p = params.length;
      params.push(firstRowNo + start + i, row.customerId ?? null, JSON.stringify(row.customer), row.logged ? JSON.stringify(row.logged) : null);
      values.push(`($1, $${p + 1}, $${p + 2}, $${p + 3}::jsonb, $${p + 4}::jsonb)`);
    });
    await em.query(`INSERT INTO dataset_rows (dataset_id, row_no, customer_id, customer, logged) VALUES ${values.join(', ')}`, params);
  }
}

export interface StoredRow {
  row_no: number;
  customer_id: string | null;
  customer: Record<string, unknown>;
  logged: { actionId: string; outcome: number; propensity?: number } | null;
}

/** Rows `from` (inclusive) to `to` (exclusive), in order: one simulation chunk. */
export function readDatasetRows(em: EntityManager, datasetId: string, from: number, to: number): Promise<StoredRow[]> {
  return em.query(`SELECT row_no, customer_id, customer, logged FROM dataset_rows WHERE dataset_id = $1 AND row_no >= $2 AND row_no < $3 ORDER BY row_no`, [datasetId, from, to]);
}
