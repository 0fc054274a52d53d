import { mkdirSync } from 'node:fs';

/** A PostgreSQL-compatible database for the quick start: PGlite on disk, served over a local socket. */
export interface EmbeddedPostgres {
  /** A postgres:// URL for the ordinary `pg` driver (TypeORM's `postgres` type). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with its files under `dataDir` and serves it on 127.0.0.1 (a free port) through
 * pglite-socket, which multiplexes several client connections. While one connection is inside a
 * transaction the others wait, so code holding a transaction must use only that transaction's
 * connection.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections = 10): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  // Loaded lazily: production mode (DATABASE_URL set) never pays for the WebAssembly build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
