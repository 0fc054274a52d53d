import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export type ConnectedConfig = AppConfig & { database: AppConfig['database'] & { url: string } };

/**
 * The configuration with a database URL: DATABASE_URL, or the embedded PostgreSQL of the quick
 * start (started here, files under DATA_DIR/pg). `stop` closes the embedded database, if any.
 */
export async function withDatabase(
  config: AppConfig,
): Promise<{ config: ConnectedConfig; stop: () => Promise<void>; embedded: boolean }> {
  if (config.database.url) {
    return { config: config as ConnectedConfig, stop: async () => undefined, embedded: false };
  }
  const db = await startEmbeddedPostgres(join(config.dataDir, 'pg'));
  // One connection: pglite-socket interleaves the extended-protocol messages of concurrent
  // connections, so a large statement split over several TCP reads (a 1,000-row INSERT) can be
  // bound to another connection's statement. Measured: "bind message supplies 8001 parameters,
  // but prepared statement requires 4" with a pool of 10.
  return {
    config: { ...config, database: { ...config.database, url: db.url, poolSize: 1 } },
    stop: () => db.stop(),
    embedded: true,
  };
}
