import { useMigrationDataSource } from './support/test-database';

/**
 * Tables whose drift is accepted, each with the reason. Empty: every entity declares what its
 * migrations create. A query that touches a listed table is left out.
 */
const ACCEPTED: Record<string, string> = {};

/** The table a schema-builder query changes: named in its SQL, or for `DROP INDEX` the index's table. */
function tableOf(sql: string, tableOfIndex: Map<string, string>): string | null {
  const dropIndex = /^DROP INDEX\s+(?:"public"\.)?"([^"]+)"/i.exec(sql);
  if (dropIndex) return tableOfIndex.get(dropIndex[1]!) ?? null;
  const match = /(?:TABLE|ON)\s+(?:IF\s+EXISTS\s+)?(?:"public"\.)?"([^"]+)"/i.exec(sql);
  return match?.[1] ?? null;
}

describe('schema drift: the entities describe the migrated database', () => {
  const ds = useMigrationDataSource();
  beforeAll(() => ds.runMigrations());

  it('TypeORM finds nothing to change after all migrations ran', async () => {
    const indexes: { indexname: string; tablename: string }[] = await ds.query(
      `SELECT indexname, tablename FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const tableOfIndex = new Map(indexes.map((row) => [row.indexname, row.tablename]));
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    const drift = upQueries
      .map((query) => query.query.replace(/\s+/g, ' ').trim())
      .map((sql) => ({ table: tableOf(sql, tableOfIndex), sql }))
      .filter(({ table }) => table === null || !(table in ACCEPTED));
    // Each line is a change TypeORM would make so the database matched the entities: declare the
    // migration's foreign key, index, check or default on the entity (or write a migration).
    expect(drift.map(({ table, sql }) => `${table ?? '?'}: ${sql}`)).toEqual([]);
  });
});
