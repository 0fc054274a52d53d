import { randomBytes } from 'node:crypto';
import { keptSecret } from '../common/kept-secret';
import type { AppConfig } from '../config/app-config';

/**
 * The quick start's audit key: without AUDIT_HMAC_SECRET and DATABASE_URL the key is generated once
 * and kept in DATA_DIR next to the embedded database, so the audit chain still verifies after a
 * restart. (It protects nothing there: whoever can read the database files can read the key. In
 * production AUDIT_HMAC_SECRET is required and lives apart from the database.)
 */
export function withQuickStartAuditKey(config: AppConfig): AppConfig {
  if (config.database.url !== undefined || !config.audit.secretGenerated) return config;
  const hmacSecret = keptSecret(config.dataDir, 'audit-hmac-secret', () => randomBytes(32).toString('hex'));
  return { ...config, audit: { ...config.audit, hmacSecret, secretGenerated: false } };
}
