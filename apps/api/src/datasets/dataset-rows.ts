import type { ImportedRow } from '@arbiter/datasets';
import type { EntityManager } from 'typeorm';

/** Rows per INSERT statement: 5 parameters each, well under PostgreSQL's 65,535 parameters. */
export const INSERT_BATCH = 2000;

/**
 * Appends imported rows as row numbers `firstRowNo…`, one parameterised multi-row INSERT per batch.
 * With `keepSegments` (the dataset maps segment columns) each row keeps its segment values, `{}`
 * when all are missing; otherwise `segments` stays NULL and costs nothing.
 */
export async function insertDatasetRows(em: EntityManager, datasetId: string, firstRowNo: number, rows: readonly ImportedRow[], keepSegments = false): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const params: unknown[] = [datasetId];
    const values: string[] = [];
    batch.forEach((row, i) => {
      const p = params.length;
      params.push(
        firstRowNo + start + i,
        row.customerId ?? null,
        JSON.stringify(row.customer),
        row.logged ? JSON.stringify(row.logged) : null,
        keepSegments ? JSON.stringify(row.segments ?? {}) : null,
      );
      values.push(`($1, $${p + 1}, $${p + 2}, $${p + 3}::jsonb, $${p + 4}::jsonb, $${p + 5}::jsonb)`);
    });
    await em.query(`INSERT INTO dataset_rows (dataset_id, row_no, customer_id, customer, logged, segments) VALUES ${values.join(', ')}`, params);
  }
}

export interface StoredRow {
  row_no: number;
  customer_id: string | null;
  customer: Record<string, unknown>;
  logged: { actionId: string; outcome: number; propensity?: number } | null;
  /** Segment column → value; NULL when the dataset maps no segment columns (or was imported before they were kept). */
  segments: Record<string, string> | null;
}

/** Rows `from` (inclusive) to `to` (exclusive), in order: one simulation chunk. */
export function readDatasetRows(em: EntityManager, datasetId: string, from: number, to: number): Promise<StoredRow[]> {
  return em.query(`SELECT row_no, customer_id, customer, logged, segments FROM dataset_rows WHERE dataset_id = $1 AND row_no >= $2 AND row_no < $3 ORDER BY row_no`, [
    datasetId,
    from,
    to,
  ]);
}

export const MISSING_SEGMENT = '(missing)';

/**
 * The segment a row's results are reported under: the value of the one segment column, or
 * `column=value` of each joined with ` · `; a missing value is `(missing)`. None without segment values.
 */
export function segmentLabel(columns: readonly string[], segments: Record<string, string> | null): string | undefined {
  if (columns.length === 0 || segments === null) return undefined;
  if (columns.length === 1) return segments[columns[0]!] ?? MISSING_SEGMENT;
  return columns.map((column) => `${column}=${segments[column] ?? MISSING_SEGMENT}`).join(' · ');
}
