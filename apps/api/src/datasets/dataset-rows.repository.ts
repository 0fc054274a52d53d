import { Injectable } from '@nestjs/common';
import type { ImportedRow } from '@arbiter/datasets';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { copyJson, copyText } from '../common/copy-rows';

/**
 * Rows per import batch. Small batches keep the rows that wait for PostgreSQL few, which keeps
 * garbage collection cheap while the next batch is parsed; a COPY write or an INSERT per 500 rows
 * costs little beside them.
 */
export const ROW_BATCH = 500;

export interface StoredRow {
  row_no: number;
  customer_id: string | null;
  customer: Record<string, unknown>;
  logged: { actionId: string; outcome: number; propensity?: number } | null;
  /** Segment column → value; NULL when the dataset maps no segment columns (or was imported before they were kept). */
  segments: Record<string, string> | null;
}

/** One row as the JSON queries send it: the customer id, the logged action and outcome, the customer fields. */
export type StoredRowJson = [
  customerId: string | null,
  logged: { actionId?: string; outcome?: number; propensity?: number } | null,
  customer: Record<string, unknown>,
];

/** One row as JSON text (a StoredRowJson). */
const ROW_JSON = `json_build_array(r.customer_id, r.logged, r.customer)::text`;

/**
 * Appends a dataset's rows in import order. Nothing of them is visible unless `commit` succeeds:
 * after `abort` (or a crash) the dataset has no rows. With `keepSegments` (the dataset maps segment
 * columns) each row keeps its segment values, `{}` when all are missing; otherwise `segments` is NULL.
 */
export interface DatasetRowWriter {
  /** Rows handed to PostgreSQL so far. */
  readonly rowCount: number;
  /** Resolves once PostgreSQL can take more (backpressure on the source); throws a failed write's error. */
  write(rows: readonly ImportedRow[]): Promise<void>;
  /** Makes the rows permanent, with `complete` (status, report, audit) in the same transaction when there is one. */
  commit(complete: (em: EntityManager) => Promise<void>): Promise<void>;
  /** Leaves none of the rows; never throws. */
  abort(): Promise<void>;
}

/**
 * COPY into `dataset_rows` on a connection of its own, inside one transaction: the rows stream to
 * PostgreSQL as they are parsed (one COPY data message per batch), and `commit` ends the COPY,
 * runs `complete` and commits, so a failed upload leaves no row behind, even when the process dies.
 */
class CopyRowWriter implements DatasetRowWriter {
  rowCount = 0;
  private failure: Error | undefined;
  private readonly stream: ReturnType<typeof copyFrom>;
  private copying = true;

  constructor(
    private readonly runner: QueryRunner,
    client: PoolClient,
    private readonly datasetId: string,
    private readonly keepSegments: boolean,
  ) {
    this.stream = client.query(
      copyFrom(`COPY dataset_rows (dataset_id, row_no, customer_id, customer, logged, segments) FROM STDIN`),
    );
    this.stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  async write(rows: readonly ImportedRow[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (rows.length === 0) return;
    const prefix = `${this.datasetId}\t`;
    let text = '';
    for (const row of rows) {
      text += `${prefix}${this.rowCount++}\t${row.customerId === undefined ? '\\N' : copyText(row.customerId)}\t${copyJson(row.customer)}\t${row.logged ? copyJson(row.logged) : '\\N'}\t${this.keepSegments ? copyJson(row.segments ?? {}) : '\\N'}\n`;
    }
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  async commit(complete: (em: EntityManager) => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    this.copying = false;
    await complete(this.runner.manager);
    await this.runner.commitTransaction();
    await this.runner.release();
  }

  async abort(): Promise<void> {
    try {
      if (this.copying && !this.failure) {
        // CopyFail: PostgreSQL ends the COPY with an error, then the transaction is rolled back.
        const closed = new Promise((resolve) => this.stream.once('close', resolve));
        this.stream.destroy(new Error('upload aborted'));
        await closed;
      }
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } catch {
      // A broken connection: PostgreSQL rolls the transaction back when it closes.
    } finally {
      await this.runner.release().catch(() => undefined);
    }
  }
}

/**
 * Batched INSERTs without a transaction of their own, for the quick start's embedded database (it
 * takes no COPY, and a connection holding a transaction would block every other one): one
 * statement per batch whose only data parameter is a JSON array unpacked by PostgreSQL, one in
 * flight while the next batch is parsed. `abort` deletes what was written.
 */
class InsertRowWriter implements DatasetRowWriter {
  rowCount = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly datasetId: string,
    private readonly keepSegments: boolean,
  ) {}

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
    this.inFlight = this.dataSource.query(
      `INSERT INTO dataset_rows (dataset_id, row_no, customer_id, customer, logged, segments)
       SELECT $1::uuid, $2::integer + r.ord::integer - 1, r.v->>0, r.v->1, NULLIF(r.v->2, 'null'), NULLIF(r.v->3, 'null')
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS r(v, ord)`,
      [this.datasetId, firstRowNo, document],
    );
    this.inFlight.catch(() => undefined); // thrown by the next write() or commit()
  }

  async commit(complete: (em: EntityManager) => Promise<void>): Promise<void> {
    await this.inFlight;
    await this.dataSource.transaction(complete);
  }

  async abort(): Promise<void> {
    await this.inFlight.catch(() => undefined);
    await this.dataSource
      .query(`DELETE FROM dataset_rows WHERE dataset_id = $1`, [this.datasetId])
      .catch(() => undefined);
  }
}

/** Every query of `dataset_rows` (the datasets feature owns it) but the per-customer ones (CustomerDatasetRowsRepository). */
@Injectable()
export class DatasetRowsRepository {
  private copyTakes: Promise<boolean> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * A writer for a new dataset's rows: COPY in a transaction, or batched INSERTs on the quick
   * start's embedded database (PGlite over a socket), which takes no COPY FROM STDIN and serves one
   * transaction at a time, so one held for the whole upload would stop every other query.
   */
  async writer(datasetId: string, keepSegments: boolean): Promise<DatasetRowWriter> {
    if (!(await (this.copyTakes ??= this.takesCopy())))
      return new InsertRowWriter(this.dataSource, datasetId, keepSegments);
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      return new CopyRowWriter(runner, client, datasetId, keepSegments);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  private async takesCopy(): Promise<boolean> {
    const rows = await this.dataSource.query<{ version: string }[]>(`SELECT version()`);
    return !/PGlite/i.test(rows[0]?.version ?? '');
  }

  deleteOf(em: EntityManager, datasetId: string): Promise<unknown> {
    return em.query(`DELETE FROM dataset_rows WHERE dataset_id = $1`, [datasetId]);
  }

  /** Rows `from` (inclusive) to `to` (exclusive), in order: one simulation chunk. */
  range(datasetId: string, from: number, to: number): Promise<StoredRow[]> {
    return this.dataSource.query(
      `SELECT row_no, customer_id, customer, logged, segments FROM dataset_rows WHERE dataset_id = $1 AND row_no >= $2 AND row_no < $3 ORDER BY row_no`,
      [datasetId, from, to],
    );
  }

  /**
   * Rows `from` (inclusive) to `to` (exclusive), in order, as the JSON text of an array of
   * StoredRowJson assembled by PostgreSQL: the reader parses nothing and can pass the text on.
   */
  async rangeJson(datasetId: string, from: number, to: number): Promise<{ rows: number; text: string }> {
    const result = await this.dataSource.query<{ rows: number; text: string }[]>(
      `SELECT count(*)::int AS rows, '[' || coalesce(string_agg(${ROW_JSON}, ',' ORDER BY r.row_no), '') || ']' AS text
       FROM dataset_rows r WHERE r.dataset_id = $1 AND r.row_no >= $2 AND r.row_no < $3`,
      [datasetId, from, to],
    );
    return result[0]!;
  }

  /** These rows (by row number), in row order. */
  async byNumberJson(datasetId: string, rowNos: readonly number[]): Promise<StoredRowJson[]> {
    const rows = await this.dataSource.query<{ row: string }[]>(
      `SELECT ${ROW_JSON} AS row FROM dataset_rows r WHERE r.dataset_id = $1 AND r.row_no = ANY($2::int[]) ORDER BY r.row_no`,
      [datasetId, rowNos],
    );
    return rows.map((r) => JSON.parse(r.row) as StoredRowJson);
  }

  /**
   * The row numbers of a dataset in the order of a customer field (rows without a value first, ties in
   * import order): a learning replay walks them in time order. Numbers only, so a million rows take 4 MB.
   */
  async orderBy(datasetId: string, field: string): Promise<Int32Array> {
    const rows = await this.dataSource.query<{ nos: number[] | null }[]>(
      `SELECT array_agg(row_no ORDER BY coalesce((customer->$2)::jsonb, 'null'::jsonb), row_no) AS nos FROM dataset_rows WHERE dataset_id = $1`,
      [datasetId, field],
    );
    return Int32Array.from(rows[0]?.nos ?? []);
  }

  /** The rows with these numbers, in the order given. */
  async byNumber(datasetId: string, rowNos: ArrayLike<number>): Promise<StoredRow[]> {
    const rows = await this.dataSource.query<StoredRow[]>(
      `SELECT row_no, customer_id, customer, logged, segments FROM dataset_rows WHERE dataset_id = $1 AND row_no = ANY($2::int[])`,
      [datasetId, Array.from(rowNos)],
    );
    const byNumber = new Map(rows.map((r) => [r.row_no, r]));
    return Array.from(rowNos, (n) => byNumber.get(n)!);
  }
}
