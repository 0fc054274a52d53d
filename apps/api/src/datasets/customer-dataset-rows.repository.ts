import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { personalDataSalt } from './hash-salt';

export interface DatasetRowExport {
  datasetId: string;
  datasetName: string;
  rowNo: number;
  customer: unknown;
  logged: unknown;
}

/**
 * One customer's rows in the uploaded datasets, for access requests and erasure. A dataset whose
 * customer-id column was hashed holds the keyed pseudonym, so both forms are looked for.
 * (No index on dataset_rows.customer_id: it would slow every upload; an erasure scans.)
 */
@Injectable()
export class CustomerDatasetRowsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The forms a customer id is stored in: clear, and the keyed pseudonym of a hashed id column. */
  idForms(customerId: string): string[] {
    return [customerId, createHmac('sha256', personalDataSalt(this.config)).update(customerId).digest('hex')];
  }

  async export(customerId: string): Promise<DatasetRowExport[]> {
    const rows: { dataset_id: string; name: string; row_no: number; customer: unknown; logged: unknown }[] =
      await this.dataSource.query(
        `SELECT r.dataset_id, d.name, r.row_no, r.customer, r.logged FROM dataset_rows r JOIN datasets d ON d.id = r.dataset_id
       WHERE r.customer_id = ANY($1::text[]) ORDER BY d.name, r.row_no`,
        [this.idForms(customerId)],
      );
    return rows.map((r) => ({
      datasetId: r.dataset_id,
      datasetName: r.name,
      rowNo: r.row_no,
      customer: r.customer,
      logged: r.logged,
    }));
  }

  /**
   * Deletes the customer's rows (a row is the customer's data; simulations already run keep their
   * aggregate results) and lowers each dataset's row count. Returns the rows deleted.
   */
  async erase(em: EntityManager, customerId: string): Promise<number> {
    const rows: { n: number }[] = await em.query(
      `WITH gone AS (DELETE FROM dataset_rows WHERE customer_id = ANY($1::text[]) RETURNING dataset_id),
            counts AS (SELECT dataset_id, count(*)::int AS n FROM gone GROUP BY dataset_id),
            recount AS (UPDATE datasets d SET row_count = d.row_count - counts.n FROM counts WHERE d.id = counts.dataset_id RETURNING 1)
       SELECT coalesce(sum(n), 0)::int AS n FROM counts`,
      [this.idForms(customerId)],
    );
    return rows[0]?.n ?? 0;
  }
}
