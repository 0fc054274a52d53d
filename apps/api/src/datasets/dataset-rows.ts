import type { ImportedRow } from '@arbiter/datasets';
import type { EntityManager } from 'typeorm';

/**
 * Rows per import batch and per INSERT. Small batches keep the rows that wait for PostgreSQL few,
 * which keeps garbage collection cheap while the next batch is parsed (with 2,000 it cost more than
 * the parsing); the per-statement cost stays small beside 500 rows.
 */
export const INSERT_BATCH = 500;

/**
 * Appends a dataset's rows in import order, one INSERT per batch whose only data parameter is a JSON
 * array of `[customerId, customer, logged, segments]` unpacked by PostgreSQL: a short statement
 * instead of one parameter per value to parse and plan, several times less work for PostgreSQL.
 * One INSERT is in flight while the next batch is parsed, so memory holds at most two batches and
 * backpressure stays on the source. With `keepSegments` (the dataset maps segment columns) each
 * row keeps its segment values, `{}` when all are missing; otherwise `segments` stays NULL.
 */
export class DatasetRowWriter {
  /** Rows handed to PostgreSQL so far (the last INSERT may still be running). */
  rowCount = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly em: EntityManager,
    private readonly datasetId: string,
    private readonly keepSegments: boolean,
  ) {}

  /** Waits for the previous INSERT (throwing its error), then starts this batch's. */
  async write(rows: readonly ImportedRow[]): Promise<void> {
    if (rows.length === 0) return;
    // Serialized while the previous INSERT still runs.
    const document = JSON.stringify(
      rows.map((row) => [
        row.customerId ?? null,
        row.customer,
        row.logged ?? null,
        this.keepSegments ? (row.segments ?? {}) : null,
      ]),
    );
    const firstRowNo = this.rowCount;
    this.rowCount += rows.length;
    await this.inFlight;
    this.inFlight = this.em.query(
      `INSERT INTO dataset_rows (dataset_id, row_no, customer_id, customer, logged, segments)
       SELECT $1::uuid, $2::integer + r.ord::integer - 1, r.v->>0, r.v->1, NULLIF(r.v->2, 'null'), NULLIF(r.v->3, 'null')
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS r(v, ord)`,
      [this.datasetId, firstRowNo, document],
    );
    this.inFlight.catch(() => undefined); // thrown by the next write() or finish()
  }

  /** Waits for the last INSERT, throwing its error. */
  finish(): Promise<void> {
    return this.inFlight;
  }

  /** Waits for the last INSERT to end, failed or not (before deleting the rows of a failed import). */
  settle(): Promise<void> {
    return this.inFlight.catch(() => undefined);
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
export function readDatasetRows(
  em: EntityManager,
  datasetId: string,
  from: number,
  to: number,
): Promise<StoredRow[]> {
  return em.query(
    `SELECT row_no, customer_id, customer, logged, segments FROM dataset_rows WHERE dataset_id = $1 AND row_no >= $2 AND row_no < $3 ORDER BY row_no`,
    [datasetId, from, to],
  );
}

export const MISSING_SEGMENT = '(missing)';

/**
 * The segment a row's results are reported under: the value of the one segment column, or
 * `column=value` of each joined with ` · `; a missing value is `(missing)`. None without segment values.
 */
export function segmentLabel(
  columns: readonly string[],
  segments: Record<string, string> | null,
): string | undefined {
  if (columns.length === 0 || segments === null) return undefined;
  if (columns.length === 1) return segments[columns[0]!] ?? MISSING_SEGMENT;
  return columns.map((column) => `${column}=${segments[column] ?? MISSING_SEGMENT}`).join(' · ');
}

/**
 * The row numbers of a dataset in the order of a customer field (rows without a value first, ties in
 * import order): a learning replay walks them in time order. Numbers only, so a million rows take 4 MB.
 */
export async function datasetRowOrder(
  em: EntityManager,
  datasetId: string,
  field: string,
): Promise<Int32Array> {
  const rows = await em.query<{ nos: number[] | null }[]>(
    `SELECT array_agg(row_no ORDER BY coalesce(customer->$2, 'null'::jsonb), row_no) AS nos FROM dataset_rows WHERE dataset_id = $1`,
    [datasetId, field],
  );
  return Int32Array.from(rows[0]?.nos ?? []);
}

/** The rows with these numbers, in the order given. */
export async function readDatasetRowsByNumber(
  em: EntityManager,
  datasetId: string,
  rowNos: ArrayLike<number>,
): Promise<StoredRow[]> {
  const rows = await em.query<StoredRow[]>(
    `SELECT row_no, customer_id, customer, logged, segments FROM dataset_rows WHERE dataset_id = $1 AND row_no = ANY($2::int[])`,
    [datasetId, Array.from(rowNos)],
  );
  const byNumber = new Map(rows.map((r) => [r.row_no, r]));
  return Array.from(rowNos, (n) => byNumber.get(n)!);
}
