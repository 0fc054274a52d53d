import type { DataSource, EntityManager } from 'typeorm';

export const DAY_MS = 86_400_000;

/** Start of the UTC day of `at`. */
export const dayOf = (at: number): number => Math.floor(at / DAY_MS) * DAY_MS;

/** Serialises maintenance passes of every process and table (pg_advisory_xact_lock). */
const MAINTENANCE_LOCK = 'arbiter:partition-maintenance';

/**
 * A table range-partitioned by day (UTC) on a timestamptz column, as migration 1764900000010 made
 * it: one partition per day named `<table>_pYYYYMMDD` and `<table>_default` for rows of days
 * without one. The owning feature's repository holds one of these with its table's name; every
 * statement runs in a short transaction of its own under one advisory lock, so API instances
 * running the job at the same time take turns.
 */
export class DailyPartitions {
  private readonly pattern: RegExp;

  constructor(
    private readonly dataSource: DataSource,
    readonly table: string,
    private readonly column: string,
  ) {
    // Identifiers go into DDL as text: only plain lower-case names are accepted.
    if (!/^[a-z_]+$/.test(table) || !/^[a-z_]+$/.test(column))
      throw new Error(`DailyPartitions: bad table or column name ${table}.${column}`);
    this.pattern = new RegExp(`^${table}_p(\\d{4})(\\d{2})(\\d{2})$`);
  }

  nameOf(day: number): string {
    return `${this.table}_p${new Date(day).toISOString().slice(0, 10).replaceAll('-', '')}`;
  }

  /** Whether a day has a name (years 0000–9999): rows of other days stay in the default partition. */
  nameable(day: number): boolean {
    return Number.isFinite(day) && /^\d{4}-/.test(new Date(day).toISOString());
  }

  /** The days that have a partition, in order. */
  async days(): Promise<number[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass`,
      [this.table],
    );
    return rows
      .map((r) => this.pattern.exec(r.name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
      .sort((a, b) => a - b);
  }

  /** The days of the rows waiting in the default partition, with their counts. */
  async strayDays(): Promise<{ day: number; rows: number }[]> {
    const rows: { day: Date | string; rows: number }[] = await this.dataSource.query(
      `SELECT date_trunc('day', ${this.column}, 'UTC') AS day, count(*)::int AS rows FROM ${this.table}_default GROUP BY 1 ORDER BY 1`,
    );
    return rows.map((r) => ({ day: new Date(r.day).getTime(), rows: r.rows }));
  }

  /**
   * Creates the partition of a day. Rows of that day already in the default partition move into it
   * first (a partition cannot be attached while the default holds rows of its range); attaching
   * takes a lighter lock on the table than CREATE … PARTITION OF, so inserts carry on meanwhile.
   * Returns the rows moved; undefined when the partition exists already (another process made it).
   */
  async create(day: number): Promise<number | undefined> {
    const name = this.nameOf(day);
    const [from, to] = [new Date(day).toISOString(), new Date(day + DAY_MS).toISOString()];
    return this.locked(async (em) => {
      const exists: { n: number }[] = await em.query(
        `SELECT count(*)::int AS n FROM pg_class WHERE relname = $1`,
        [name],
      );
      if (exists[0]!.n) return undefined;
      // Rows inserted into the default partition between the move and the attach would fail the attach:
      // they wait for this transaction instead (and are then routed to the new partition).
      await em.query(`LOCK TABLE ${this.table}_default IN ACCESS EXCLUSIVE MODE`);
      await em.query(`CREATE TABLE ${name} (LIKE ${this.table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      const moved: { n: number }[] = await em.query(
        `WITH moved AS (DELETE FROM ${this.table}_default WHERE ${this.column} >= $1 AND ${this.column} < $2 RETURNING *),
              kept AS (INSERT INTO ${name} SELECT * FROM moved RETURNING 1)
         SELECT count(*)::int AS n FROM kept`,
        [from, to],
      );
      await em.query(
        `ALTER TABLE ${this.table} ATTACH PARTITION ${name} FOR VALUES FROM ('${from}') TO ('${to}')`,
      );
      return moved[0]!.n;
    });
  }

  /** Drops a day's partition: its rows go at once, without a row-by-row delete or vacuum. */
  async drop(day: number): Promise<void> {
    await this.locked((em) => em.query(`DROP TABLE IF EXISTS ${this.nameOf(day)}`));
  }

  /** Deletes the default partition's rows older than `before` (rows of expired days that never had a partition). */
  async deleteStray(before: number): Promise<number> {
    return this.locked(async (em) => {
      const rows: { n: number }[] = await em.query(
        `WITH gone AS (DELETE FROM ${this.table}_default WHERE ${this.column} < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [new Date(before).toISOString()],
      );
      return rows[0]!.n;
    });
  }

  /** Table and index bytes of every partition (pg_total_relation_size). */
  async totalBytes(): Promise<number> {
    const rows: { bytes: string | null }[] = await this.dataSource.query(
      `SELECT sum(pg_total_relation_size(i.inhrelid))::bigint AS bytes FROM pg_inherits i WHERE i.inhparent = $1::regclass`,
      [this.table],
    );
    return Number(rows[0]?.bytes ?? 0);
  }

  private locked<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [MAINTENANCE_LOCK]);
      return work(em);
    });
  }
}
