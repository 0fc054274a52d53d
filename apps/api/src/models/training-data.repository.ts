import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { StoredRowJson } from './training-rows';

/** One row as JSON text: [customer id, logged action and outcome, customer fields]. */
const ROW_JSON = `json_build_array(r.customer_id, r.logged, r.customer)::text`;

/**
 * The dataset rows training reads (the datasets feature writes them), as JSON text assembled by
 * PostgreSQL: the process that reads them parses nothing and passes the text on to the training
 * thread, which picks the columns it uses.
 */
@Injectable()
export class TrainingDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Rows `from` (inclusive) to `to` (exclusive), in order, as the JSON text of an array of StoredRowJson. */
  async chunk(datasetId: string, from: number, to: number): Promise<{ rows: number; text: string }> {
    const result = await this.dataSource.query<{ rows: number; text: string }[]>(
      `SELECT count(*)::int AS rows, '[' || coalesce(string_agg(${ROW_JSON}, ',' ORDER BY r.row_no), '') || ']' AS text
       FROM dataset_rows r WHERE r.dataset_id = $1 AND r.row_no >= $2 AND r.row_no < $3`,
      [datasetId, from, to],
    );
    return result[0]!;
  }

  /** These rows (by row number), in order. */
  async sample(datasetId: string, rowNos: readonly number[]): Promise<StoredRowJson[]> {
    const rows = await this.dataSource.query<{ row: string }[]>(
      `SELECT ${ROW_JSON} AS row FROM dataset_rows r WHERE r.dataset_id = $1 AND r.row_no = ANY($2::int[]) ORDER BY r.row_no`,
      [datasetId, rowNos],
    );
    return rows.map((r) => JSON.parse(r.row) as StoredRowJson);
  }

  /** Whether the dataset still exists; inside a transaction it cannot be deleted until that commits. */
  async holdDataset(em: EntityManager, datasetId: string): Promise<boolean> {
    const rows = await em.query<unknown[]>(`SELECT 1 FROM datasets WHERE id = $1 FOR SHARE`, [datasetId]);
    return rows.length > 0;
  }

  /** The dataset's rows, or undefined when it no longer exists. */
  async rowCount(datasetId: string): Promise<number | undefined> {
    const rows = await this.dataSource.query<{ row_count: number }[]>(
      `SELECT row_count FROM datasets WHERE id = $1`,
      [datasetId],
    );
    return rows[0]?.row_count;
  }
}
