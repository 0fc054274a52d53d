import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { setInBeforeAll } from './set-in-before-all';

/** The machine's PostgreSQL (trust auth). Override with TEST_DATABASE_ADMIN_URL. */
export const ADMIN_URL =
  process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database `arbiter_test_<random>`; drop() removes it (and disconnects whoever is left). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `arbiter_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    // A throwaway database need not wait for the disk on every commit; the machine's other databases are untouched.
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface MigrationTarget {
  db: TestDatabase;
  /** The app's data source (entities and migrations) on `db`, no migration run yet. */
  ds: DataSource;
  close(): Promise<void>;
}

/** A fresh, empty database and the app's TypeORM data source on it, for running migrations by hand. */
export async function createMigrationTarget(): Promise<MigrationTarget> {
  const db = await createTestDatabase();
  const ds = await new DataSource(
    dataSourceOptions({ database: { url: db.url, poolSize: 2, migrateOnStart: false } }),
  ).initialize();
  return {
    db,
    ds,
    async close() {
      await ds.destroy();
      await db.drop();
    },
  };
}

/** The data source of a migration target made by a `beforeAll` (closed by an `afterAll`), for the enclosing `describe`. */
export function useMigrationDataSource(): DataSource {
  const ds = setInBeforeAll<DataSource>('the migration target');
  let target: MigrationTarget | undefined;
  beforeAll(async () => ds.set((target = await createMigrationTarget()).ds));
  afterAll(() => target?.close());
  return ds.value;
}
