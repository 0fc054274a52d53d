import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export type ConnectedConfig = AppConfig & { database: AppConfig['database'] & { url: string } };

/**
 * The configuration with a database URL: DATABASE_URL, or the embedded PostgreSQL of the quick
 * start (started here, files under DATA_DIR/pg). `stop` closes the embedded database, if any.
 */
export async function withDatabase(config: AppConfig): Promise<{ config: ConnectedConfig; stop: () => Promise<void>; embedded: boolean }> {
  if (config.database.url) {
    return { config: config as ConnectedConfig, stop: async () => undefined, embedded: false };
  }
  const db = await startEmbeddedPostgres(join(config.dataDir, 'pg'), config.database.poolSize);
  return { config: { ...config, database: { ...config.database, url: db.url } }, stop: () => db.stop(), embedded: true };
}
