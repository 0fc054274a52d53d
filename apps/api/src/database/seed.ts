// `npm run seed`: applies migrations and creates the demo users and data; prints the demo password.
import { createApp } from '../app';
import { ConfigError, loadConfig } from '../config/app-config';
import { runCommand } from '../config/run-command';
import { DemoSeedService } from './demo/demo-seed.service';
import { printDemoCredentials } from './demo/print-demo-credentials';
import { withDatabase } from './database-url';

async function main(): Promise<void> {
  const loaded = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  if (loaded.env === 'production')
    throw new ConfigError(['NODE_ENV: the demo seed never runs when NODE_ENV=production']);
  const { config, stop } = await withDatabase(loaded);
  const app = await createApp({ ...config, database: { ...config.database, migrateOnStart: true } });
  try {
    printDemoCredentials(await app.get(DemoSeedService).seed());
  } finally {
    await app.close();
    await stop();
  }
}

runCommand(main);
