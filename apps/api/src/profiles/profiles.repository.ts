import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type Treatment = 'clear' | 'hashed';

/** One stored value: a customer's field, its source and the source's time. */
export interface ProfileFieldRow {
  customerId: string;
  field: string;
  value: unknown;
  treatment: Treatment;
  source: string;
  sourceUpdatedAt: Date;
}

export interface ProfileSourceRow {
  name: string;
  description: string | null;
  createdAt: Date;
}

export interface SourceFieldQuality {
  source: string;
  field: string;
  customers: number;
  medianAgeDays: number;
  maxAgeDays: number;
  staleCustomers: number;
}

interface RawField {
  customer_id: string;
  field: string;
  value: unknown;
  treatment: Treatment;
  source: string;
  source_updated_at: Date;
}

const toRow = (r: RawField): ProfileFieldRow => ({
  customerId: r.customer_id,
  field: r.field,
  value: r.value,
  treatment: r.treatment,
  source: r.source,
  sourceUpdatedAt: r.source_updated_at,
});
const COLUMNS = 'customer_id, field, value, treatment, source, source_updated_at';

/** Every query of `customer_profile_fields` and `profile_sources` (the profiles feature owns both). */
@Injectable()
export class ProfilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sources(em: EntityManager = this.dataSource.manager): Promise<ProfileSourceRow[]> {
    const rows: { name: string; description: string | null; created_at: Date }[] = await em.query(
      `SELECT name, description, created_at FROM profile_sources ORDER BY name`,
    );
    return rows.map((r) => ({ name: r.name, description: r.description, createdAt: r.created_at }));
  }

  /** Inserts or redescribes a source; returns the row before (null when new). */
  async declareSource(
    em: EntityManager,
    name: string,
    description: string | null,
  ): Promise<ProfileSourceRow | null> {
    const before: { description: string | null; created_at: Date }[] = await em.query(
      `SELECT description, created_at FROM profile_sources WHERE name = $1 FOR UPDATE`,
      [name],
    );
    await em.query(
      `INSERT INTO profile_sources (name, description) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description`,
      [name, description],
    );
    return before[0] ? { name, description: before[0].description, createdAt: before[0].created_at } : null;
  }

  /**
   * Writes the rows in one statement, each only where the stored value is not newer by its
   * source's time (last writer wins); returns the keys written (`customerId`, `field`). The rows
   * must not repeat a (customer, field) pair.
   */
  async upsert(
    em: EntityManager,
    rows: readonly ProfileFieldRow[],
  ): Promise<{ customerId: string; field: string }[]> {
    const document = JSON.stringify(
      rows.map((r) => [
        r.customerId,
        r.field,
        r.value,
        r.treatment,
        r.source,
        r.sourceUpdatedAt.toISOString(),
      ]),
    );
    const written: { customer_id: string; field: string }[] = await em.query(
      `INSERT INTO customer_profile_fields AS p (${COLUMNS})
       SELECT r.v->>0, r.v->>1, r.v->2, r.v->>3, r.v->>4, (r.v->>5)::timestamptz FROM jsonb_array_elements($1::jsonb) AS r(v)
       ON CONFLICT (customer_id, field) DO UPDATE SET value = EXCLUDED.value, treatment = EXCLUDED.treatment, source = EXCLUDED.source,
         source_updated_at = EXCLUDED.source_updated_at, received_at = now()
       WHERE p.source_updated_at <= EXCLUDED.source_updated_at
       RETURNING customer_id, field`,
      [document],
    );
    return written.map((r) => ({ customerId: r.customer_id, field: r.field }));
  }

  /** The stored rows for these (customer, field) pairs. */
  async fields(
    em: EntityManager,
    keys: readonly { customerId: string; field: string }[],
  ): Promise<ProfileFieldRow[]> {
    if (keys.length === 0) return [];
    const rows: RawField[] = await em.query(
      `SELECT ${COLUMNS} FROM customer_profile_fields WHERE (customer_id, field) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [keys.map((k) => k.customerId), keys.map((k) => k.field)],
    );
    return rows.map(toRow);
  }

  /** Every stored field of these customers. */
  async ofCustomers(
    customerIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<ProfileFieldRow[]> {
    if (customerIds.length === 0) return [];
    const rows: RawField[] = await em.query(
      `SELECT ${COLUMNS} FROM customer_profile_fields WHERE customer_id = ANY($1::text[]) ORDER BY customer_id, field`,
      [customerIds],
    );
    return rows.map(toRow);
  }

  async erase(em: EntityManager, customerId: string): Promise<number> {
    // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count].
    const rows: { n: number }[] = await em.query(
      `WITH gone AS (DELETE FROM customer_profile_fields WHERE customer_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [customerId],
    );
    return rows[0]!.n;
  }

  async customerCount(): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(DISTINCT customer_id)::int AS n FROM customer_profile_fields`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Per source and field: how many customers have it, and how old the values are at `now`. */
  async quality(now: Date, staleDays: number): Promise<SourceFieldQuality[]> {
    const rows: {
      source: string;
      field: string;
      customers: number;
      median_days: number;
      max_days: number;
      stale: number;
    }[] = await this.dataSource.query(
      `SELECT source, field, count(*)::int AS customers,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM $1::timestamptz - source_updated_at)) / 86400 AS median_days,
              max(extract(epoch FROM $1::timestamptz - source_updated_at)) / 86400 AS max_days,
              count(*) FILTER (WHERE source_updated_at < $1::timestamptz - make_interval(days => $2))::int AS stale
       FROM customer_profile_fields GROUP BY source, field ORDER BY source, field`,
      [now.toISOString(), staleDays],
    );
    return rows.map((r) => ({
      source: r.source,
      field: r.field,
      customers: r.customers,
      medianAgeDays: Number(r.median_days),
      maxAgeDays: Number(r.max_days),
      staleCustomers: r.stale,
    }));
  }
}
