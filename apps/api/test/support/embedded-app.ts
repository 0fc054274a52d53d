import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { UsersService } from '../../src/users/users.service';
import { TEST_PASSWORD, type Role } from './test-app';

const REGISTER_TS = join(__dirname, '../../../../tools/register-ts.js');
const EMBEDDED_POSTGRES = join(__dirname, '../../src/database/embedded-postgres.ts');

/** The API on embedded PostgreSQL (PGlite, in a child process), as the quick start runs it. */
export interface EmbeddedApp {
  app: NestExpressApplication;
  /** A GraphQL request: its data, or a thrown error with the GraphQL errors. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
  /** Creates a user with these roles and answers their access token. */
  signIn(roles: Role[], email: string): Promise<string>;
  close(): Promise<void>;
}

/** `name` names the scratch folder; `env` adds to the configuration (one connection, as `npm start` gives it). */
export async function startEmbeddedApp(name: string, env: Record<string, string> = {}): Promise<EmbeddedApp> {
  const dir = mkdtempSync(join(tmpdir(), `arbiter-pglite-${name}-`));
  const script = `require(${JSON.stringify(EMBEDDED_POSTGRES)}).startEmbeddedPostgres(${JSON.stringify(dir)})
      .then((db) => { console.log('URL ' + db.url); process.on('SIGTERM', () => db.stop().then(() => process.exit(0))); })`;
  const child: ChildProcess = spawn(process.execPath, ['-r', REGISTER_TS, '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const close = async (app?: NestExpressApplication) => {
    await app?.close();
    child.removeAllListeners('exit');
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  let app: NestExpressApplication | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const match = /URL (\S+)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`embedded database exited with ${code}`)));
    });
    // One connection, as `npm start` gives the embedded database (database-url.ts).
    app = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: '1',
        LOG_LEVEL: 'silent',
        ...env,
      }),
    );
  } catch (e) {
    await close(app);
    throw e;
  }
  const started = app;
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const req = request(started.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data;
  };
  return {
    app: started,
    gql,
    async signIn(roles, email) {
      await started
        .get(UsersService)
        .create(null, { email, displayName: email, password: TEST_PASSWORD, roles });
      return (
        await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
          e: email,
          p: TEST_PASSWORD,
        })
      ).login.accessToken as string;
    },
    close: () => close(started),
  };
}
