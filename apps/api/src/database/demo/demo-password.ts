import { randomBytes } from 'node:crypto';
import { keptSecret } from '../../common/kept-secret';
import type { AppConfig } from '../../config/app-config';

/**
 * The quick start's demo password: generated on first start and kept in DATA_DIR, so the logins
 * printed at first start keep working after a restart (the demo seed runs at every start).
 */
export function withQuickStartDemoPassword(config: AppConfig): AppConfig {
  if (config.database.url !== undefined || !config.demo.seed || config.demo.password) return config;
  const password = keptSecret(config.dataDir, 'demo-password', () => randomBytes(9).toString('base64url'));
  return { ...config, demo: { ...config.demo, password } };
}
