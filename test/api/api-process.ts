import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const ADMIN_URL =
  process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** GraphQL answers are checked field by field in the story; `any` keeps those checks readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const MAIN = join(__dirname, '..', '..', 'apps', 'api', 'dist', 'main.js');

export interface GqlResult<T = Record<string, Json>> {
  data: T | null;
  errors?: { message: string; extensions?: Record<string, Json> }[];
}

export interface RunningApi {
  url: string;
  /** The API's PostgreSQL database (unset on the embedded one), for checking what it wrote; dropped by stop(). */
  databaseUrl?: string;
  output: () => string;
  /** Sends the signal and resolves with the exit code once the process has ended. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
  gql<T = Record<string, Json>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  stop(): Promise<void>;
}

/** A free port on the loopback address. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A spawned process (stdout and stderr piped): what it wrote, and its end. */
export interface WatchedProcess {
  /** Its stdout and stderr, interleaved as they came (with `keep`, about the last `keep` characters). */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends the signal unless the process has ended, and resolves with the exit code once it has. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** Collects the output of `child` from now on, and watches for its end. */
export function watchProcess(child: ChildProcess, { keep = Infinity } = {}): WatchedProcess {
  let output = '';
  const append = (d: Buffer) => {
    output += d.toString();
    if (output.length > 2 * keep) output = output.slice(-keep);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
      return child.exitCode;
    },
  };
}

/**
 * Polls `ready` (every `pollMs`) until it answers true. When the process exits first or `seconds`
 * pass, runs `cleanUp` and fails with the process's output.
 */
export async function awaitReady(
  child: ChildProcess,
  {
    name,
    seconds,
    pollMs,
    ready,
    output,
    cleanUp,
  }: {
    name: string;
    seconds: number;
    pollMs: number;
    ready: () => Promise<boolean>;
    output: () => string;
    cleanUp: () => Promise<void>;
  },
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null) {
      await cleanUp();
      throw new Error(`${name} exited during start-up:\n${output()}`);
    }
    if (await ready()) return;
    if (Date.now() > deadline) {
      await cleanUp();
      throw new Error(`${name} did not become ready within ${seconds} s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Runs `fn` with a client on the PostgreSQL admin database (to create and drop test databases). */
export async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database, or with E2E_EMBEDDED=1 the quick start's embedded one in a fresh DATA_DIR. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (process.env['E2E_EMBEDDED']) {
    const dir = mkdtempSync(join(tmpdir(), 'arbiter-e2e-'));
    return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const dbName = `arbiter_e2e_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  return {
    env: { DATABASE_URL: dbUrl.toString() },
    drop: async () => void (await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`))),
  };
}

/** Starts the built API (`node apps/api/dist/main.js`) on a fresh database, as an operator would. */
export async function startApi(env: Record<string, string> = {}): Promise<RunningApi> {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run \`npm run build -w apps/api\` (nx runs it before this target).`);
  const database = await freshDatabase();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      ...database.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const api = watchProcess(child);
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    await api.kill('SIGTERM');
    await database.drop();
  };

  // Generous: the demo seed imports two datasets and runs a simulation, on two shared cores.
  await awaitReady(child, {
    name: 'The API',
    seconds: 90,
    pollMs: 100,
    // A failed fetch: not listening yet.
    ready: async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok === true,
    output: api.output,
    cleanUp: stop,
  });

  return {
    url,
    databaseUrl: database.env['DATABASE_URL'],
    output: api.output,
    kill: api.kill,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult<Json>;
    },
    stop,
  };
}

export function ok<T>(res: GqlResult<T>): T {
  if (res.errors?.length || !res.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
  return res.data;
}

/** A user's access token, from the GraphQL login. */
export async function accessToken(api: RunningApi, email: string, password: string): Promise<string> {
  return ok(
    await api.gql<{ login: { accessToken: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
      { e: email, p: password },
    ),
  ).login.accessToken;
}

/** The roles of the demo seed's users. */
export const DEMO_ROLES = ['analyst', 'designer', 'reviewer', 'publisher', 'admin'] as const;

/** The demo users' access tokens by role (each signs in as `<role>@arbiter.local`). */
export async function roleTokens(
  api: RunningApi,
  roles: readonly string[],
  password: string,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const role of roles) tokens[role] = await accessToken(api, `${role}@arbiter.local`, password);
  return tokens;
}

/** A POST of JSON to the REST API (`/api/v1/<path>`) with an API key: the answer, or an error with its status and body. */
export async function postRest(
  api: RunningApi,
  apiKey: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${api.url}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`${path} refused (${res.status}): ${JSON.stringify(json)}`);
  return json;
}
