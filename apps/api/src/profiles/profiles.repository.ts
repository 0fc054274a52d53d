import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { byCustomerId, merged, ProfileImportWriter } from './profile-import.repository';

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

/** Where a stored value came from, as `customer_profiles.meta` keeps it per field. */
export interface FieldMeta {
  /** The source. */
  s: string;
  /** The source's time, epoch milliseconds: last writer wins by it. */
  t: number;
  /** 1 when the value is a keyed pseudonym. */
  h?: 1;
}

/** One customer's values to write, at most one per customer in a call. */
export type ProfileWrite = {
  customerId: string;
  fields: Record<string, unknown>;
} & (
  | { /** Per field, where its value came from. */ meta: Record<string, FieldMeta> }
  | { /** Where every value came from. */ every: FieldMeta }
);

/** A customer's stored row: values and, per field, where each came from. */
export interface StoredRow {
  customerId: string;
  fields: Record<string, unknown>;
  meta: Record<string, FieldMeta>;
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

/** How far an import is (`profile_imports`). */
export interface ProfileImportRow {
  importId: string;
  source: string;
  status: 'running' | 'done' | 'stopped';
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  startedAt: Date;
  updatedAt: Date;
}

export interface ImportCounts {
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
}

/** A value not written because the stored one is newer by its source's time. */
export interface RefusedField {
  customerId: string;
  field: string;
  stored: FieldMeta;
}

/** A `customer_profiles` row as stored: per-field `meta`, or one `origin` for all its fields. */
interface StoredProfileRow {
  customer_id: string;
  fields: Record<string, unknown>;
  meta: Record<string, FieldMeta> | null;
  origin: { s: string; t: number; h?: string[] } | null;
}

/** The per-field meta of a row that keeps one origin (what `profile_meta` gives in SQL). */
function spread({ fields, origin }: StoredProfileRow): Record<string, FieldMeta> {
  const { s, t, h = [] } = origin!;
  return Object.fromEntries(Object.keys(fields).map((f) => [f, h.includes(f) ? { s, t, h: 1 } : { s, t }]));
}

const fieldRows = (row: StoredRow): ProfileFieldRow[] =>
  Object.keys(row.meta)
    .sort()
    .map((field) => {
      const meta = row.meta[field]!;
      return {
        customerId: row.customerId,
        field,
        value: row.fields[field],
        treatment: meta.h ? 'hashed' : 'clear',
        source: meta.s,
        sourceUpdatedAt: new Date(meta.t),
      };
    });

/** Every query of `customer_profiles`, `profile_sources` and `profile_imports` (the profiles feature owns them). */
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
   * Merges the writes (at most one per customer) in one statement, so a call is written whole or
   * not at all; returns the fields not written because the stored value is newer (last writer wins).
   */
  async upsert(writes: readonly ProfileWrite[]): Promise<RefusedField[]> {
    if (writes.length === 0) return [];
    // Writes mostly share their meta (a source, a time, the same fields): each distinct one is sent once.
    const metaIndex = new Map<string, number>();
    const metas: string[] = [];
    const rows = [...writes].sort(byCustomerId).map((w) => {
      const names = Object.keys(w.fields);
      let key: string;
      let meta: () => Record<string, FieldMeta>;
      if ('every' in w) {
        key = `${w.every.s}\u0000${w.every.t}\u0000${w.every.h ?? 0}\u0000${names.join('\u0000')}`;
        meta = () => Object.fromEntries(names.map((f) => [f, w.every]));
      } else {
        key = JSON.stringify(w.meta);
        meta = () => w.meta;
      }
      let index = metaIndex.get(key);
      if (index === undefined) {
        metaIndex.set(key, (index = metas.length));
        metas.push(JSON.stringify(meta()));
      }
      return [w.customerId, w.fields, index];
    });
    const refused: { customer_id: string; field: string; stored: FieldMeta }[] = await this.dataSource.query(
      `WITH input AS (
         SELECT r.v ->> 0 AS customer_id, r.v -> 1 AS fields, $2::jsonb -> ((r.v ->> 2)::int) AS meta, NULL::jsonb AS origin, r.n
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(v, n)
       ),
       ${merged('p.customer_id, CASE WHEN p.xmax <> 0 THEN p.meta END AS meta')}
       SELECT m.customer_id, e.key AS field, m.meta -> e.key AS stored
       FROM input i JOIN merged m USING (customer_id), jsonb_each(i.meta) e
       WHERE m.meta IS NOT NULL AND m.meta -> e.key <> e.value`,
      [JSON.stringify(rows), `[${metas.join(',')}]`],
    );
    return refused.map((r) => ({ customerId: r.customer_id, field: r.field, stored: r.stored }));
  }

  /** A connection of its own for an import (see ProfileImportWriter); close it when done. */
  async importWriter(): Promise<ProfileImportWriter> {
    const runner = this.dataSource.createQueryRunner();
    return ProfileImportWriter.open((await runner.connect()) as PoolClient, () => runner.release());
  }

  /** Records a started import; false when the id is taken. */
  async startImport(importId: string, source: string, startedBy: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO profile_imports (id, source, started_by, status) VALUES ($1, $2, $3, 'running') ON CONFLICT (id) DO NOTHING RETURNING id`,
      [importId, source, startedBy],
    );
    return rows.length === 1;
  }

  async importProgress(
    importId: string,
    counts: ImportCounts,
    status: ProfileImportRow['status'] = 'running',
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE profile_imports SET rows_read = $2, rows_imported = $3, rows_rejected = $4, status = $5, updated_at = now() WHERE id = $1`,
      [importId, counts.rowsRead, counts.rowsImported, counts.rowsRejected, status],
    );
  }

  async importById(importId: string): Promise<ProfileImportRow | null> {
    const rows: {
      id: string;
      source: string;
      status: ProfileImportRow['status'];
      rows_read: string;
      rows_imported: string;
      rows_rejected: string;
      started_at: Date;
      updated_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id, source, status, rows_read, rows_imported, rows_rejected, started_at, updated_at FROM profile_imports WHERE id = $1`,
      [importId],
    );
    const r = rows[0];
    return r
      ? {
          importId: r.id,
          source: r.source,
          status: r.status,
          rowsRead: Number(r.rows_read),
          rowsImported: Number(r.rows_imported),
          rowsRejected: Number(r.rows_rejected),
          startedAt: r.started_at,
          updatedAt: r.updated_at,
        }
      : null;
  }

  /** The stored rows of these customers (those without a profile are left out). */
  async rows(
    customerIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<StoredRow[]> {
    if (customerIds.length === 0) return [];
    const rows: StoredProfileRow[] =
      customerIds.length === 1
        ? await em.query(
            `SELECT customer_id, fields, meta, origin FROM customer_profiles WHERE customer_id = $1`,
            [customerIds[0]],
          )
        : await em.query(
            `SELECT customer_id, fields, meta, origin FROM customer_profiles WHERE customer_id = ANY($1::text[])`,
            [customerIds],
          );
    return rows.map((r) => ({ customerId: r.customer_id, fields: r.fields, meta: r.meta ?? spread(r) }));
  }

  /** Every stored field of these customers, by customer and field. */
  async ofCustomers(
    customerIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<ProfileFieldRow[]> {
    const rows = await this.rows(customerIds, em);
    rows.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
    return rows.flatMap(fieldRows);
  }

  /** Deletes the customer's profile; returns how many fields it held. */
  async erase(em: EntityManager, customerId: string): Promise<number> {
    // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count].
    const rows: { n: number }[] = await em.query(
      `WITH gone AS (DELETE FROM customer_profiles WHERE customer_id = $1 RETURNING fields)
       SELECT coalesce(sum((SELECT count(*) FROM json_object_keys(fields))), 0)::int AS n FROM gone`,
      [customerId],
    );
    return rows[0]!.n;
  }

  async customerCount(): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM customer_profiles`,
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
      `WITH ages AS (
         SELECT m.value ->> 's' AS source, m.key AS field, ($1::float8 - (m.value ->> 't')::float8) / 86400000 AS days
         FROM customer_profiles p, jsonb_each(p.meta) m
         UNION ALL
         SELECT p.origin ->> 's', f, ($1::float8 - (p.origin ->> 't')::float8) / 86400000
         FROM customer_profiles p, json_object_keys(p.fields) f WHERE p.origin IS NOT NULL
       )
       SELECT source, field, count(*)::int AS customers,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days, max(days) AS max_days,
              count(*) FILTER (WHERE days > $2)::int AS stale
       FROM ages GROUP BY source, field ORDER BY source, field`,
      [now.getTime(), staleDays],
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
