import { Logger } from '@nestjs/common';
import { createActions } from './support/fixtures';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { AuditHeadExporter } from '../src/audit/audit-head.exporter';
import { entryHash, GENESIS_HASH, legacyEntryHash } from '../src/audit/record-hash';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions, MIGRATIONS } from '../src/database/data-source-options';
import { UsersService } from '../src/users/users.service';
import { AuditChainHmac1764600000000 } from '../src/database/migrations/1764600000000-audit-chain-hmac';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { ok, Role, startTestApp, type TestApp, type TestUser } from './support/test-app';

const VERIFY = `query($a: AuditChainAnchorInput) { verifyAuditChain(anchor: $a) { valid checkedEntries firstBrokenSeq reason headHash } }`;

interface Row {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_hash: string | null;
  after_hash: string | null;
  comment: string | null;
  prev_hash: string;
}
const fieldsOf = (r: Row) => ({
  seq: Number(r.seq),
  occurredAt: new Date(r.occurred_at),
  actorId: r.actor_id,
  actorEmail: r.actor_email,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  beforeHash: r.before_hash,
  afterHash: r.after_hash,
  comment: r.comment,
  prevHash: r.prev_hash,
});

async function head(sql: Client): Promise<{ seq: number; hash: string }> {
  const row = (await sql.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0];
  return { seq: Number(row.seq), hash: row.hash };
}

/** The row an attacker with INSERT rights would append: continues the chain, hash computed as before (SHA-256, no key). */
function forgedTail(h: { seq: number; hash: string }): Row & { hash: string } {
  const row: Row = {
    seq: h.seq + 1,
    occurred_at: new Date(),
    actor_id: null,
    actor_email: 'admin@arbiter.local',
    action: 'version.approve',
    entity_type: 'version',
    entity_id: 'forged',
    before_hash: null,
    after_hash: null,
    comment: 'looks good',
    prev_hash: h.hash,
  };
  return { ...row, hash: legacyEntryHash(fieldsOf(row)) };
}

const COLUMNS = [
  'seq',
  'occurred_at',
  'actor_id',
  'actor_email',
  'action',
  'entity_type',
  'entity_id',
  'before_hash',
  'after_hash',
  'comment',
  'prev_hash',
  'hash',
] as const;

/** Writes a row straight into the table (as an attacker with database access would); `alg` fills hash_alg. */
const insertRow = (sql: Client, r: Row & { hash: string }, alg?: string) => {
  const columns: string[] = [...COLUMNS];
  const values: unknown[] = COLUMNS.map((c) => r[c]);
  if (alg !== undefined) {
    columns.push('hash_alg');
    values.push(alg);
  }
  return sql.query(
    `INSERT INTO audit_log (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
    values,
  );
};

describe('audit chain: keyed, extended only at its head, head exported', () => {
  let t: TestApp;
  let admin: TestUser;
  let designer: TestUser;
  const logged: unknown[] = [];

  beforeAll(async () => {
    // The exporter's log lines (LOG_LEVEL is silent in tests, the calls still happen).
    jest.spyOn(Logger.prototype, 'log').mockImplementation(function (this: Logger, message: unknown) {
      logged.push(message);
    });
    t = await startTestApp({ AUDIT_HMAC_SECRET: 'a3c1e07f5b9d2846c1f0e3a7b5d9c2e4f6a8b0c1d3e5f7a9' });
    admin = await t.user([Role.admin]);
    designer = await t.user([Role.designer]);
    await createActions(
      t,
      designer.token,
      ['keyed-a', 'keyed-b', 'keyed-c'].map((id) => ({ id, name: id, value: 1 })),
    );
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  const verify = async (anchor?: { seq: number; hash: string }) =>
    ok(await t.gql(VERIFY, { a: anchor ?? null }, admin.token)).verifyAuditChain;

  it('signs entries with an HMAC of AUDIT_HMAC_SECRET, not a plain hash', async () => {
    const rows: (Row & { hash: string; hash_alg: string })[] = (
      await t.sql.query('SELECT * FROM audit_log ORDER BY seq')
    ).rows;
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(row.hash_alg).toBe('hmac-sha256');
      expect(row.hash).toBe(entryHash(fieldsOf(row), 'a3c1e07f5b9d2846c1f0e3a7b5d9c2e4f6a8b0c1d3e5f7a9'));
      expect(row.hash).not.toBe(legacyEntryHash(fieldsOf(row)));
    }
    expect(await verify()).toMatchObject({ valid: true, checkedEntries: rows.length });
  });

  it('the database refuses an INSERT that does not continue the chain at its head', async () => {
    const h = await head(t.sql);
    const good = forgedTail(h);
    await expect(insertRow(t.sql, { ...good, prev_hash: GENESIS_HASH }, 'hmac-sha256')).rejects.toThrow(
      /does not continue the chain/,
    );
    await expect(insertRow(t.sql, { ...good, seq: h.seq + 2 }, 'hmac-sha256')).rejects.toThrow(
      /does not continue the chain/,
    );
    await expect(
      insertRow(t.sql, { ...good, seq: 1, prev_hash: GENESIS_HASH }, 'hmac-sha256'),
    ).rejects.toThrow(/does not continue the chain/);
    // Nor a new entry with a plain SHA-256, however it is labelled.
    await expect(insertRow(t.sql, good)).rejects.toThrow(/null value|hmac-sha256/);
    await expect(insertRow(t.sql, good, 'sha256')).rejects.toThrow(/must be signed with hmac-sha256/);
    expect(await head(t.sql)).toEqual(h);
  });

  it('exports the head on /metrics and in the log, and an exported head reveals a cut-off or rewritten tail', async () => {
    const h = await head(t.sql);
    const metrics = (await request(t.app.getHttpServer()).get('/metrics').expect(200)).text;
    expect(metrics).toContain(`arbiter_audit_chain_head_seq ${h.seq}`);
    expect(metrics).toContain(`arbiter_audit_chain_head_info{seq="${h.seq}",hash="${h.hash}"} 1`);
    // Logged at start-up (the chain of this fresh database was empty then), then every AUDIT_HEAD_LOG_SECONDS.
    expect(logged).toContainEqual({ auditChainHead: null });
    expect(await t.app.get(AuditHeadExporter).logHead()).toMatchObject(h);
    expect(logged.at(-1)).toEqual({ auditChainHead: h });

    expect(await verify(h)).toMatchObject({ valid: true, headHash: h.hash });
    // Someone with the table owner's rights cuts off the last two entries: still a consistent chain, but not the exported head.
    await t.sql.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await t.sql.query('DELETE FROM audit_log WHERE seq > $1', [h.seq - 2]);
    await t.sql.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(await verify()).toMatchObject({ valid: true });
    expect(await verify(h)).toMatchObject({
      valid: false,
      firstBrokenSeq: h.seq - 1,
      reason: expect.stringMatching(/cut off/),
    });
    // New entries refill the seq numbers, but not with the exported hash.
    await createActions(
      t,
      designer.token,
      ['refill-a', 'refill-b'].map((id) => ({ id, name: id, value: 1 })),
    );
    expect(await verify(h)).toMatchObject({
      valid: false,
      firstBrokenSeq: h.seq,
      reason: expect.stringMatching(/rewritten/),
    });
    expect(errorCodeOf(await t.gql(VERIFY, { a: { seq: 0, hash: 'x' } }, admin.token))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('a plain INSERT of a tail row with a correctly computed hash no longer verifies (last: it stays in the chain)', async () => {
    const forged = forgedTail(await head(t.sql));
    // Labelled as keyed, so the trigger lets it in: it continues the chain at the head.
    await insertRow(t.sql, forged, 'hmac-sha256');
    expect(await verify()).toMatchObject({
      valid: false,
      firstBrokenSeq: forged.seq,
      reason: expect.stringMatching(/HMAC/),
    });
  });
});

const errorCodeOf = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.[0]?.extensions?.code;

describe('audit chain written before the key (an existing database)', () => {
  let db: TestDatabase;
  let sql: Client;
  let app: NestExpressApplication | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The schema as it was before the keyed chain, with a chain of plain SHA-256 entries.
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(AuditChainHmac1764600000000));
    const ds = await new DataSource({
      ...dataSourceOptions({ database: { url: db.url, poolSize: 2, migrateOnStart: false } }),
      migrations: before,
    }).initialize();
    await ds.runMigrations();
    await ds.destroy();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    let prev = { seq: 0, hash: GENESIS_HASH };
    for (let i = 0; i < 5; i++) {
      const row = {
        ...forgedTail(prev),
        action: 'action.create',
        entity_type: 'action',
        entity_id: `legacy-${i}`,
        comment: null,
      };
      row.hash = legacyEntryHash(fieldsOf(row));
      await insertRow(sql, row);
      prev = { seq: row.seq, hash: row.hash };
    }
  });
  afterAll(async () => {
    await app?.close();
    await sql?.end();
    await db?.drop();
  });

  it('still verifies after the upgrade, is sealed by a keyed entry at start-up, and refuses plain entries after it', async () => {
    app = await createApp(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '3' }),
    );
    const rows = (await sql.query('SELECT seq, action, hash_alg FROM audit_log ORDER BY seq')).rows;
    expect(rows.map((r) => [Number(r.seq), r.action, r.hash_alg])).toEqual([
      [1, 'action.create', 'sha256'],
      [2, 'action.create', 'sha256'],
      [3, 'action.create', 'sha256'],
      [4, 'action.create', 'sha256'],
      [5, 'action.create', 'sha256'],
      [6, 'audit.keyed', 'hmac-sha256'],
    ]);
    // Sign in as an admin created directly, then verify over GraphQL like an operator would.
    await app.get(UsersService).create(null, {
      email: 'legacy-admin@test.local',
      displayName: 'Legacy admin',
      password: 'correct-horse-battery-staple',
      roles: [Role.admin],
    });
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const req = request(app!.getHttpServer()).post('/graphql');
      if (token) req.set('authorization', `Bearer ${token}`);
      return (await req.send({ query, variables })).body;
    };
    const token = (
      await gql(
        `mutation { login(email: "legacy-admin@test.local", password: "correct-horse-battery-staple") { accessToken } }`,
      )
    ).data.login.accessToken;
    const verify = async () => (await gql(VERIFY, {}, token)).data.verifyAuditChain;
    expect(await verify()).toMatchObject({ valid: true, checkedEntries: 7, firstBrokenSeq: null });

    // Rewriting an old plain entry now breaks the link to the keyed entry after it.
    await sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    const old = (await sql.query('SELECT * FROM audit_log WHERE seq = 5')).rows[0];
    const rewritten = { ...old, comment: 'rewritten' };
    await sql.query('UPDATE audit_log SET comment = $1, hash = $2 WHERE seq = 5', [
      'rewritten',
      legacyEntryHash(fieldsOf(rewritten)),
    ]);
    expect(await verify()).toMatchObject({
      valid: false,
      firstBrokenSeq: 6,
      reason: expect.stringMatching(/prev_hash/),
    });
    await sql.query('UPDATE audit_log SET comment = $1, hash = $2 WHERE seq = 5', [old.comment, old.hash]);
    // A plain entry after keyed ones (slipped in with the triggers off) does not verify.
    await insertRow(sql, forgedTail(await head(sql)), 'sha256');
    await sql.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect(await verify()).toMatchObject({
      valid: false,
      firstBrokenSeq: 8,
      reason: expect.stringMatching(/not signed with the audit key/),
    });
  });
});
