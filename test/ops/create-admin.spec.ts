import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { ok, startApi, type RunningApi } from '../api/api-process';

// The first admin of a production installation, made as an operator would: the built command as a
// real process against a fresh PostgreSQL database, then the API started on that database.
const COMMAND = join(__dirname, '..', '..', 'apps', 'api', 'dist', 'database', 'create-admin.js');
const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const secret = () => randomBytes(32).toString('hex');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('npm run create-admin (a real process against a fresh database)', () => {
  const dbName = `arbiter_e2e_admin_${randomBytes(6).toString('hex')}`;
  const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    JWT_SECRET: secret(),
    AUDIT_HMAC_SECRET: secret(),
  };
  let api: RunningApi | undefined;
  let generated: string;

  const createAdmin = (
    args: string[],
    options: { stdin?: string; env?: Record<string, string | undefined> } = {},
  ): Promise<Run> =>
    new Promise((resolve) => {
      const env: Record<string, string | undefined> = { ...process.env, ...production, ...options.env };
      const child = spawn(process.execPath, [COMMAND, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.stdin ?? '');
    });

  const login = async (email: string, password: string) =>
    api!.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: email,
      p: password,
    });
  const auditEntries = () =>
    query<{ action: string; entityId: string; actorId: string | null; comment: string | null }>(
      dbUrl,
      `SELECT action, entity_id AS "entityId", actor_id AS "actorId", comment FROM audit_log ORDER BY seq`,
    );

  beforeAll(async () => {
    await query(ADMIN_URL, `CREATE DATABASE ${dbName}`);
  });
  afterAll(async () => {
    await api?.stop();
    await query(ADMIN_URL, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it('refuses a weak password from stdin, a bad email and a missing AUDIT_HMAC_SECRET, and creates nothing', async () => {
    const weak = await createAdmin(['--email', 'ops@example.com', '--name', 'Ops', '--password-stdin'], {
      stdin: 'password1234\n',
    });
    expect(weak).toMatchObject({ code: 1, stdout: '' });
    expect(weak.stderr).toMatch(/^The password is made mostly of common words.*choose another/);
    const short = await createAdmin(['--email', 'ops@example.com', '--password-stdin'], {
      stdin: 'Sh0rt!\n',
    });
    expect(short.stderr).toMatch(/^the password: must be at least 12 characters/);
    const email = await createAdmin(['--email', 'not-an-email']);
    expect(email).toMatchObject({ code: 1 });
    expect(email.stderr).toMatch(/^--email: must be an email address/);
    const noKey = await createAdmin(['--email', 'ops@example.com'], {
      env: { NODE_ENV: 'development', AUDIT_HMAC_SECRET: undefined },
    });
    expect(noKey).toMatchObject({ code: 1 });
    expect(noKey.stderr).toContain('AUDIT_HMAC_SECRET: is required');
    const tables = await query(dbUrl, `SELECT 1 FROM information_schema.tables WHERE table_name = 'users'`);
    expect(tables).toHaveLength(0);
  });

  it('creates the first admin with a generated password, printed once, and audits it', async () => {
    const run = await createAdmin(['--email', 'ops@example.com', '--name', 'Ops Team']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Created the admin ops@example\.com \(Ops Team, id [0-9a-f-]{36}\)/);
    generated = /Password \(shown only now[^)]*\): (\S+)\n/.exec(run.stdout)![1]!;
    expect(generated.length).toBeGreaterThanOrEqual(20);

    api = await startApi({ ...production, LOG_LEVEL: 'warn' });
    const token = ok(await login('ops@example.com', generated)).login.accessToken;
    expect(ok(await api.gql(`{ me { email displayName roles } }`, {}, token)).me).toEqual({
      email: 'ops@example.com',
      displayName: 'Ops Team',
      roles: ['admin'],
    });
    // The API, with the same AUDIT_HMAC_SECRET, verifies the chain the command wrote to.
    const entries = await auditEntries();
    expect(
      ok(await api.gql(`{ verifyAuditChain { valid checkedEntries } }`, {}, token)).verifyAuditChain,
    ).toEqual({ valid: true, checkedEntries: entries.length });
    expect(entries.filter((e) => e.action === 'user.create')).toEqual([
      {
        action: 'user.create',
        entityId: expect.any(String),
        actorId: null,
        comment: expect.stringMatching(/^created with the create-admin command by \S+@\S+$/),
      },
    ]);
  });

  it('says so and changes nothing when the admin exists already (any case of the email)', async () => {
    const again = await createAdmin(
      ['--email', 'OPS@example.com', '--name', 'Someone else', '--password-stdin'],
      { stdin: 'a-completely-different-passphrase\n' },
    );
    expect(again).toEqual({
      code: 0,
      stdout: 'ops@example.com is an admin already; nothing changed (the password neither).\n',
      stderr: '',
    });
    expect(ok(await login('ops@example.com', generated)).login.accessToken).toEqual(expect.any(String));
    expect((await auditEntries()).filter((e) => e.action === 'user.create')).toHaveLength(1);
  });

  it('takes the password from stdin, and refuses to touch an existing user who is not an admin', async () => {
    const passphrase = 'violet-lantern-orbit-42-cascade';
    const run = await createAdmin(['--email', 'second@example.com', '--name', 'Second', '--password-stdin'], {
      stdin: `${passphrase}\n`,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(passphrase);
    const token = ok(await login('second@example.com', passphrase)).login.accessToken;

    ok(
      await api!.gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        {
          i: {
            email: 'ana@example.com',
            displayName: 'Ana',
            password: 'an-analyst-passphrase',
            roles: ['analyst'],
          },
        },
        token,
      ),
    );
    const analyst = await createAdmin(['--email', 'ana@example.com']);
    expect(analyst).toMatchObject({ code: 1, stdout: '' });
    expect(analyst.stderr).toBe(
      'ana@example.com exists but is not an admin; nothing changed. An admin can give them the admin role in the studio (Users).\n',
    );
    const entries = await auditEntries();
    expect(entries.filter((e) => e.action === 'user.create')).toHaveLength(3);
    expect(
      ok(await api!.gql(`{ verifyAuditChain { valid checkedEntries } }`, {}, token)).verifyAuditChain,
    ).toEqual({ valid: true, checkedEntries: entries.length });
  });
});
