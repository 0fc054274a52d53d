import { MIGRATIONS } from '../src/database/data-source-options';
import { useMigrationDataSource } from './support/test-database';

describe('migrations', () => {
  const ds = useMigrationDataSource();

  const tables = async () =>
    (
      await ds.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
      )
    ).map((r: { tablename: string }) => r.tablename);

  it('apply on an empty database, roll back completely, and apply again', async () => {
    expect((await ds.runMigrations()).map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    const all = await tables();
    // Every feature's tables (other migrations may add more).
    expect(all).toEqual(
      expect.arrayContaining([
        'actions',
        'audit_log',
        'refresh_tokens',
        'review_comments',
        'schema_fields',
        'simulations',
        'strategies',
        'strategy_versions',
        'users',
      ]),
    );
    expect(all).toEqual(expect.arrayContaining(['dataset_rows', 'datasets', 'simulation_chunks']));
    expect(await ds.showMigrations()).toBe(false);
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    expect(await tables()).toEqual([]);
    await ds.runMigrations();
    expect(await tables()).toEqual(all);
  });
});
