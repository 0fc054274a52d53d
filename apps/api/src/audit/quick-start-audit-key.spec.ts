import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { withQuickStartAuditKey } from './quick-start-audit-key';

describe('the quick start audit key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'arbiter-audit-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is generated once and kept in DATA_DIR, so the chain verifies after a restart', () => {
    const first = withQuickStartAuditKey(loadConfig({ DATA_DIR: dataDir }));
    const second = withQuickStartAuditKey(loadConfig({ DATA_DIR: dataDir }));
    expect(first.audit.hmacSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(second.audit.hmacSecret).toBe(first.audit.hmacSecret);
    expect(first.audit.secretGenerated).toBe(false);
    expect(readFileSync(join(dataDir, 'audit-hmac-secret'), 'utf8').trim()).toBe(first.audit.hmacSecret);
    expect(statSync(join(dataDir, 'audit-hmac-secret')).mode & 0o077).toBe(0);
  });

  it('is not used with DATABASE_URL or a configured AUDIT_HMAC_SECRET', () => {
    const withDatabase = withQuickStartAuditKey(
      loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }),
    );
    expect(withDatabase.audit.secretGenerated).toBe(true);
    const configured = withQuickStartAuditKey(
      loadConfig({ DATA_DIR: dataDir, AUDIT_HMAC_SECRET: 'f'.repeat(16) + '0123456789abcdef' }),
    );
    expect(configured.audit.hmacSecret).toBe('f'.repeat(16) + '0123456789abcdef');
    expect(() => statSync(join(dataDir, 'audit-hmac-secret'))).toThrow();
  });
});
