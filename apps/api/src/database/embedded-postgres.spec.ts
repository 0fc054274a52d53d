import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';

// PGlite loads its WebAssembly with dynamic import(), which Jest's module sandbox does not allow,
// so the embedded database runs in a real child process, as it does in the quick start.
const REGISTER_TS = join(__dirname, '../../../../tools/register-ts.js');

function startChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const script = `require(${JSON.stringify(join(__dirname, 'embedded-postgres.ts'))}).startEmbeddedPostgres(${JSON.stringify(dir)})
    .then((db) => { console.log('URL ' + db.url); process.on('SIGTERM', () => db.stop().then(() => process.exit(0))); })`;
  const child = spawn(process.execPath, ['-r', REGISTER_TS, '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /URL (\S+)/.exec(chunk.toString());
      if (match) resolve({ child, url: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`embedded database exited with ${code}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('embedded PostgreSQL (PGlite over a local socket)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves several pooled connections, serialises a transaction, and keeps its data across restarts', async () => {
    let { child, url } = await startChild(dir);
    let pool = new Pool({ connectionString: url, max: 5 });
    await pool.query('CREATE TABLE visits (id serial PRIMARY KEY, n int NOT NULL)');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => pool.query('INSERT INTO visits (n) VALUES ($1)', [i])),
    );

    const tx = await pool.connect();
    await tx.query('BEGIN');
    await tx.query('INSERT INTO visits (n) VALUES (999)');
    const outside = pool.query('SELECT count(*)::int AS count FROM visits'); // waits for the commit
    await tx.query('COMMIT');
    tx.release();
    expect((await outside).rows[0].count).toBe(21);
    await pool.end();
    await stopChild(child);

    ({ child, url } = await startChild(dir));
    pool = new Pool({ connectionString: url, max: 2 });
    expect((await pool.query('SELECT count(*)::int AS count FROM visits')).rows[0].count).toBe(21);
    await pool.end();
    await stopChild(child);
  }, 180_000);
});
