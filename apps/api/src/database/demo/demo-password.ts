import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';

/**
 * The quick start's demo password: generated on first start and kept in DATA_DIR, so the logins
 * printed at first start keep working after a restart (the demo seed runs at every start).
 */
export function withQuickStartDemoPassword(config: AppConfig): AppConfig {
  const quickStart = config.database.url === undefined && config.demo.seed && !config.demo.password;
  return quickStart
    ? { ...config, demo: { ...config.demo, password: quickStartDemoPassword(config.dataDir) } }
    : config;
}

function quickStartDemoPassword(dataDir: string): string {
  const file = join(dataDir, 'demo-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(9).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}
