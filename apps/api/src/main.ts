import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/app-config';
import { DemoSeedService } from './database/demo/demo-seed.service';
import { printDemoCredentials } from './database/demo/print-demo-credentials';
import { GRAPHQL_PATH } from './common/graphql/graphql-options';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  // Close connections cleanly on SIGTERM/SIGINT (only here: tests create many apps in one process).
  app.enableShutdownHooks();
  const logger = new Logger('Main');
  if (config.jwt.secretGenerated) logger.warn('JWT_SECRET is not set: tokens are signed with a per-process secret and stop working on restart.');
  if (config.demo.seed) printDemoCredentials(await app.get(DemoSeedService).seed());
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}${GRAPHQL_PATH}`;
  logger.log(config.graphql.sandbox ? `GraphQL API and sandbox at ${url}` : `GraphQL API at ${url}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The API could not start:', error);
  }
  process.exit(1);
});
