import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyJson, copyText } from '../common/copy-rows';
import { errorCode } from '../common/database-errors';

// The merge of profile values into `customer_profiles`, shared with the profile upsert
// (ProfilesRepository): last writer wins per field by the source's time.

/**
 * Per field, where a row's values came from: its `meta`, or its `origin` spread over its fields
 * (a profile written whole by an import; see migration 1765000000040).
 */
const metaOf = (row: string) =>
  `CASE WHEN ${row}.origin IS NULL THEN ${row}.meta ELSE profile_meta(${row}.fields, ${row}.meta, ${row}.origin) END`;

/**
 * The per-key merge of `input` (customer_id, fields, meta, origin, n; one row per customer) into
 * `customer_profiles`, in the order of `n`: callers number the rows in customer id order (JavaScript's
 * string order) so that concurrent merges lock rows in the same order. A new customer's row is
 * inserted whole; for a stored one, each incoming field replaces the stored one unless the stored
 * source time is newer (ties: the incoming value wins), and the row keeps per-field meta from then
 * on. `merged` returns `returning`, computed on the row after the merge (`p`; p.xmax = 0 when it was
 * inserted; an updated row's `meta` is per field), so callers see which fields were written without
 * reading the rows again.
 */
export const merged = (returning: string) => `
  merged AS (
    INSERT INTO customer_profiles AS p (customer_id, fields, meta, origin)
    SELECT customer_id, fields, meta, origin FROM input ORDER BY n
    ON CONFLICT (customer_id) DO UPDATE SET
      (fields, meta, origin) = (SELECT (p.fields::jsonb || coalesce(jsonb_object_agg(m.key, EXCLUDED.fields -> m.key), '{}'))::json,
                                       ${metaOf('p')} || coalesce(jsonb_object_agg(m.key, m.value), '{}'),
                                       NULL::jsonb
                                FROM jsonb_each(${metaOf('EXCLUDED')}) m
                                WHERE (${metaOf('p')}) -> m.key IS NULL OR (${metaOf('p')}) -> m.key -> 't' <= m.value -> 't'),
      updated_at = now()
    RETURNING ${returning}
  )`;

/** Customer id order (JavaScript's string order): concurrent merges lock rows in the same order. */
export const byCustomerId = <T extends { customerId: string }>(a: T, b: T) =>
  a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0;

/** Rows of an import chunk go in this temporary table (one per import connection) by COPY. */
const STAGING = 'profile_import_chunk';

/**
 * One chunk of an import: its lines (customer id, fields) in file order. Every value carries the
 * import's source and time and, for the `hashed` fields, the pseudonym mark: one `origin` for all.
 */
export class ImportChunk {
  readonly ids: ReadonlySet<string>;
  readonly origin: string;
  private unique?: { customerId: string; fields: Record<string, unknown> }[];

  constructor(
    readonly lines: readonly (readonly [customerId: string, fields: Record<string, unknown>])[],
    source: string,
    readonly at: number,
    hashed: ReadonlySet<string>,
  ) {
    this.ids = new Set(lines.map(([id]) => id));
    this.origin = JSON.stringify({ s: source, t: at, ...(hashed.size && { h: [...hashed] }) });
  }

  /** True when a customer is on two of its lines. */
  get repeats(): boolean {
    return this.ids.size !== this.lines.length;
  }

  /** Values in the chunk, a customer's repeated fields once. */
  get values(): number {
    let values = 0;
    for (const fields of this.repeats ? this.rows.map((r) => r.fields) : this.lines.map(([, f]) => f))
      values += Object.keys(fields).length;
    return values;
  }

  /**
   * One row per customer (a later line's fields over an earlier one's), in customer id order, so that
   * concurrent merges lock rows in the same order.
   */
  get rows(): readonly { customerId: string; fields: Record<string, unknown> }[] {
    if (this.unique) return this.unique;
    const rowOf = new Map<string, { customerId: string; fields: Record<string, unknown> }>();
    for (const [customerId, fields] of this.lines) {
      const earlier = rowOf.get(customerId);
      if (earlier) earlier.fields = { ...earlier.fields, ...fields };
      else rowOf.set(customerId, { customerId, fields });
    }
    return (this.unique = [...rowOf.values()].sort(byCustomerId));
  }
}

/** A chunk COPYed into a writer's staging table, in an open transaction. */
export interface StagedChunk {
  merge(): Promise<{ applied: number; ignored: number }>;
  abort(): Promise<void>;
}

/**
 * An import's own connection; each chunk is written in a transaction of its own. A chunk of new
 * customers is COPYed straight into `customer_profiles` (`insertNew`); any other is COPYed into a
 * temporary staging table, then merged with one INSERT … ON CONFLICT (`stage`, then `merge`).
 */
export class ProfileImportWriter {
  private constructor(
    private readonly client: PoolClient,
    private readonly release: () => Promise<void>,
  ) {}

  /** A writer on `client`, which it holds until close (`release` gives it back). */
  static async open(client: PoolClient, release: () => Promise<void>): Promise<ProfileImportWriter> {
    try {
      await client.query(
        `CREATE TEMPORARY TABLE IF NOT EXISTS ${STAGING} (n int NOT NULL, customer_id text NOT NULL, fields json NOT NULL) ON COMMIT DELETE ROWS`,
      );
    } catch (error) {
      await release();
      throw error;
    }
    return new ProfileImportWriter(client, release);
  }

  /**
   * Writes a chunk without repeats when none of its customers has a profile yet (a first import, a
   * file of new customers): COPY in file order, without the merge's per-row
   * conflict handling or a staging table. False, with nothing written, when one of them has a profile
   * (the COPY fails on the key, also when another writer stores one meanwhile) or another import
   * writes the same new customers in another order (a deadlock PostgreSQL breaks): the chunk is then
   * merged as any other.
   */
  async insertNew(chunk: ImportChunk): Promise<boolean> {
    const origin = copyText(chunk.origin);
    let text = '';
    for (const [customerId, fields] of chunk.lines)
      text += `${copyText(customerId)}\t${copyJson(fields)}\t${origin}\n`;
    await this.client.query('BEGIN');
    try {
      await this.copy(`COPY customer_profiles (customer_id, fields, origin) FROM STDIN`, text);
      await this.client.query('COMMIT');
      return true;
    } catch (error) {
      await this.rollback();
      if (errorCode(error) === '23505' || errorCode(error) === '40P01') return false; // unique_violation, deadlock_detected
      throw error;
    }
  }

  /**
   * Stages the chunk in a new transaction. `merge` then writes it and commits, returning the values
   * written and those older than the stored ones (last writer wins); `abort` rolls it back.
   */
  async stage(chunk: ImportChunk): Promise<StagedChunk> {
    let text = '';
    for (const [n, { customerId, fields }] of chunk.rows.entries())
      text += `${n}\t${copyText(customerId)}\t${copyJson(fields)}\n`;
    // The chunk's sort stays in memory.
    await this.client.query(`BEGIN; SET LOCAL work_mem = '64MB'`);
    try {
      await this.copy(`COPY ${STAGING} (n, customer_id, fields) FROM STDIN`, text);
    } catch (error) {
      await this.rollback();
      throw error;
    }
    return {
      merge: async () => {
        try {
          // Of the customers stored before, the fields whose stored source time is newer than `at`.
          const newer = await this.client.query<{ customer_id: string; fields: string[] }>(
            `WITH input AS (SELECT n, customer_id, fields, NULL::jsonb AS meta, $1::jsonb AS origin FROM ${STAGING}),
             ${merged(`p.customer_id, CASE WHEN p.xmax <> 0 THEN
               (SELECT array_agg(e.key) FROM jsonb_each(p.meta) e WHERE (e.value ->> 't')::bigint > $2::bigint) END AS fields`)}
             SELECT customer_id, fields FROM merged WHERE fields IS NOT NULL`,
            [chunk.origin, chunk.at],
          );
          // The staging table empties itself at COMMIT (ON COMMIT DELETE ROWS).
          await this.client.query('COMMIT');
          const fieldsOf = new Map(chunk.rows.map((r) => [r.customerId, r.fields]));
          let ignored = 0;
          for (const r of newer.rows) {
            const fields = fieldsOf.get(r.customer_id)!;
            for (const field of r.fields) if (Object.hasOwn(fields, field)) ignored += 1;
          }
          return { applied: chunk.values - ignored, ignored };
        } catch (error) {
          await this.rollback();
          throw error;
        }
      },
      abort: () => this.rollback(),
    };
  }

  close(): Promise<void> {
    return this.release();
  }

  private copy(sql: string, text: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const stream = this.client.query(copyFrom(sql));
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(text);
    });
  }

  private rollback(): Promise<void> {
    return this.client.query('ROLLBACK').then(
      () => undefined,
      () => undefined,
    );
  }
}
