import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { dropPrefix, REDIS_URL } from '../../../apps/api/test/support/redis';
import { ADMIN_URL, admin, awaitReady, freePort, watchProcess } from '../api-process';

const MAIN = join(__dirname, '..', '..', '..', 'apps', 'api', 'dist', 'main.js');

/** One HTTP request exactly as sent: the path is not normalised, the body is bytes or text. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  ms: number;
}

/** The API under fuzz: a real `node apps/api/dist/main.js` on a fresh database and its own Redis prefix. */
export interface FuzzApi {
  url: string;
  databaseUrl: string;
  jwtSecret: string;
  send(req: HttpRequest, timeoutMs?: number): Promise<HttpResponse>;
  output(): string;
  /** The process has not exited. */
  alive(): boolean;
  /** SIGTERM, then waits for the exit (the decision log is flushed before the database closes). */
  terminate(timeoutMs?: number): Promise<number | null>;
  /** Kills the process if still running, drops the database and the Redis prefix. */
  cleanUp(): Promise<void>;
}

class StaleSocket extends Error {
  constructor() {
    super('ECONNRESET on a reused keep-alive socket');
  }
}

/** `nodeArgs`: e.g. `--cpu-prof` to see where a slow case spends its time. */
export async function startFuzzApi(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<FuzzApi> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npx nx run api:build).`);
  const name = `arbiter_fuzz_${randomBytes(6).toString('hex')}`;
  await admin(async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${name}`;
  const databaseUrl = dbUrl.toString();
  const redisPrefix = `arbiter-fuzz-${randomBytes(4).toString('hex')}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DEMO_SEED: 'false',
      JWT_SECRET: jwtSecret,
      JWT_ACCESS_TTL_SECONDS: '86400',
      GRAPHQL_SANDBOX: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const api = watchProcess(child, { keep: 1_000_000 });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const url = `http://127.0.0.1:${port}`;

  const sendOnce = (req: HttpRequest, timeoutMs: number): Promise<HttpResponse> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const body =
        req.body === undefined
          ? undefined
          : Buffer.isBuffer(req.body)
            ? req.body
            : Buffer.from(req.body, 'utf8');
      const headers: Record<string, string> = { ...(req.headers ?? {}) };
      if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length'))
        headers['content-length'] = String(body.length);
      let answered = false;
      const r = request(
        { host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
              ms: Date.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      // The server may answer (413, 400) and close before the whole body is written: that answer counts.
      r.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        // A kept-alive socket the server closed just as this request went out: nothing was sent, send again.
        if (r.reusedSocket && error.code === 'ECONNRESET') reject(new StaleSocket());
        else reject(error);
      });
      if (body) r.end(body);
      else r.end();
    });

  const send = async (req: HttpRequest, timeoutMs = 60_000): Promise<HttpResponse> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendOnce(req, timeoutMs);
      } catch (error) {
        if (!(error instanceof StaleSocket) || attempt >= 3) throw error;
      }
    }
  };

  const cleanUp = async () => {
    agent.destroy();
    await api.kill('SIGKILL');
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await dropPrefix(redisPrefix);
  };

  await awaitReady(child, {
    name: 'The API',
    seconds: 120,
    pollMs: 200,
    ready: async () =>
      // A failed request: not listening yet.
      (await send({ method: 'GET', path: '/health/ready' }, 5_000).catch(() => undefined))?.status === 200,
    output: api.output,
    cleanUp,
  });

  return {
    url,
    databaseUrl,
    jwtSecret,
    send,
    output: api.output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async terminate(timeoutMs = 60_000) {
      agent.destroy();
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
      const result = await Promise.race([api.exited, timer]);
      if (result === 'timeout') throw new Error(`The API did not exit within ${timeoutMs} ms of SIGTERM`);
      return result;
    },
    cleanUp,
  };
}
