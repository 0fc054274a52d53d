import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/app-config';
import { loadEnvFile } from './config/env-file';
import { DemoSeedService } from './database/demo/demo-seed.service';
import { printDemoCredentials } from './database/demo/print-demo-credentials';
import { GRAPHQL_PATH } from './common/graphql/graphql-options';
import { withDatabase } from './database/database-url';
import { withQuickStartDemoPassword } from './database/demo/demo-password';
import { withQuickStartAuditKey } from './audit/quick-start-audit-key';
import { RequestGate } from './health/request-gate';
import { studioDirectory } from './studio/serve-studio';

/** How long requests already in flight may take to finish after SIGTERM. */
const IN_FLIGHT_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const { config, stop, embedded } = await withDatabase(
    withQuickStartAuditKey(withQuickStartDemoPassword(loadConfig(loadEnvFile()))),
  );
  const app = await createApp(config);
  const logger = new Logger('Main');
  // Graceful stop on SIGTERM/SIGINT (only here: tests create many apps in one process): refuse new
  // requests (503, Connection: close), let those in flight finish, then Nest's shutdown hooks flush
  // the decision log, the server closes and the (embedded) database last.
  const gate = app.get(RequestGate);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: shutting down`);
      gate.close();
      gate
        .idle(IN_FLIGHT_GRACE_MS)
        .then(() => app.close())
        .then(stop)
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          console.error('Shutdown failed:', error);
          process.exit(1);
        });
    });
  }
  if (config.jwt.secretGenerated)
    logger.warn(
      'JWT_SECRET is not set: tokens are signed with a per-process secret and stop working on restart.',
    );
  if (config.audit.secretGenerated)
    logger.warn(
      'AUDIT_HMAC_SECRET is not set: audit entries are signed with a per-process key, so entries of earlier runs no longer verify.',
    );
  if (config.demo.seed) printDemoCredentials(await app.get(DemoSeedService).seed());
  await app.listen(config.port, config.host);
  const origin = `http://localhost:${config.port}`;
  if (studioDirectory(config.studioDir))
    logger.log(`Studio at ${origin}/${config.demo.seed ? ' (sign in with a demo login above)' : ''}`);
  const url = `${origin}${GRAPHQL_PATH}`;
  logger.log(config.graphql.sandbox ? `GraphQL API and sandbox at ${url}` : `GraphQL API at ${url}`);
  logger.log(`REST decision API at ${origin}/api/v1, its OpenAPI document at ${origin}/api/docs`);
  if (embedded)
    logger.log(
      `Embedded database (quick start) under ${config.dataDir}/pg; set DATABASE_URL to use PostgreSQL`,
    );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The API could not start:', error);
  }
  process.exit(1);
});
