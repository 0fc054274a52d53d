import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The README's promise, tested as a new user would follow it: a fresh clone, `npm ci`, `npm start`
// with no DATABASE_URL and no REDIS_URL (embedded database, in-process jobs), log in with the
// printed demo password, get a decision over REST, stop, start again: the data is still there.
const repo = join(__dirname, '..', '..');
const TEN_MINUTES = 600_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function npmStart(dir: string, port: number): Started {
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' } as Record<
    string,
    string | undefined
  >;
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'DEMO_SEED', 'DEMO_PASSWORD', 'NODE_ENV', 'JWT_SECRET'])
    delete env[name];
  const child = spawn('npm', ['start'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function waitForReady(url: string, started: Started): Promise<void> {
  const deadline = Date.now() + TEN_MINUTES;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null)
      throw new Error(`npm start exited:\n${started.output().slice(-3000)}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`not ready after 10 minutes:\n${started.output().slice(-3000)}`);
}

async function stop(started: Started): Promise<void> {
  // npm runs the server in a child; signal the whole group, as Ctrl-C in a terminal does.
  process.kill(-started.child.pid!, 'SIGTERM');
  await started.exited;
}

async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

describe('quick start: two commands on a fresh clone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-quick-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'installs, starts on the embedded defaults, answers a decision, and keeps its data across a restart',
    async () => {
      execFileSync('git', ['clone', '--quiet', repo, dir]);
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;

      let started = npmStart(dir, port);
      await waitForReady(url, started);
      const password = /password for all of them: (\S+)/.exec(started.output())?.[1];
      expect(password).toBeDefined();
      const studio = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
      expect(await studio.text()).toContain('<div id="root">');

      const login = await gql<{ login: { accessToken: string } }>(
        url,
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        {
          e: 'admin@arbiter.local',
          p: password,
        },
      );
      const token = login.login.accessToken;
      const { strategies } = await gql<{
        strategies: {
          edges: { node: { id: string; name: string; publishedVersion: { id: string } | null } }[];
        };
      }>(url, '{ strategies { edges { node { id name publishedVersion { id } } } } }', {}, token);
      const published = strategies.edges.map((e) => e.node).find((s) => s.publishedVersion);
      expect(published).toBeDefined();
      const key = await gql<{ createApiKey: { secret: string } }>(
        url,
        'mutation($n: String!) { createApiKey(input: { name: $n }) { secret } }',
        { n: 'quick-start test' },
        token,
      );
      const decide = (customerId: string) =>
        fetch(`${url}/api/v1/decisions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key.createApiKey.secret}` },
          body: JSON.stringify({ strategy: published!.id, customer: { id: customerId }, context: {} }),
        });
      const decision = await decide('quick-start-1');
      expect(decision.status).toBe(200);
      expect(await decision.json()).toMatchObject({
        decisionId: expect.any(String),
        actions: expect.any(Array),
      });
      // New customers at once, over several database connections.
      const more = await Promise.all(Array.from({ length: 8 }, (_, i) => decide(`quick-start-${i + 2}`)));
      expect(more.map((r) => r.status)).toEqual(Array.from({ length: 8 }, () => 200));
      await stop(started);

      started = npmStart(dir, port);
      await waitForReady(url, started);
      // The quick start keeps its demo password in DATA_DIR: the logins printed first still work.
      expect(/password for all of them: (\S+)/.exec(started.output())?.[1]).toBe(password);
      const again = await gql<{ login: { accessToken: string } }>(
        url,
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        {
          e: 'admin@arbiter.local',
          p: password,
        },
      );
      const after = await gql<{ strategies: { edges: unknown[] } }>(
        url,
        '{ strategies { edges { node { id } } } }',
        {},
        again.login.accessToken,
      );
      expect(after.strategies.edges.length).toBe(strategies.edges.length);
      await stop(started);
    },
    2 * TEN_MINUTES,
  );
});
