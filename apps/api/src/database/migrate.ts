// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { runCommand } from '../config/run-command';
import { loadEnvFile } from '../config/env-file';
import { dataSourceOptions } from './data-source-options';
import { withDatabase } from './database-url';

async function main(): Promise<void> {
  const { config, stop } = await withDatabase(loadConfig(loadEnvFile()));
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date.',
    );
  } finally {
    await dataSource.destroy();
    await stop();
  }
}

runCommand(main);
