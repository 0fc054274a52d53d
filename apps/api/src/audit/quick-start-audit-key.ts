import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/**
 * The quick start's audit key: without AUDIT_HMAC_SECRET and DATABASE_URL the key is generated once
 * and kept in DATA_DIR next to the embedded database, so the audit chain still verifies after a
 * restart. (It protects nothing there: whoever can read the database files can read the key. In
 * production AUDIT_HMAC_SECRET is required and lives apart from the database.)
 */
export function withQuickStartAuditKey(config: AppConfig): AppConfig {
  const quickStart = config.database.url === undefined && config.audit.secretGenerated;
  return quickStart
    ? {
        ...config,
        audit: { ...config.audit, hmacSecret: quickStartAuditKey(config.dataDir), secretGenerated: false },
      }
    : config;
}

function quickStartAuditKey(dataDir: string): string {
  const file = join(dataDir, 'audit-hmac-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
