import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app';
import { Role } from '../../src/auth/roles';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { UsersService } from '../../src/users/users.service';
import { setInBeforeAll } from './set-in-before-all';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    details?: { field: string; message: string; nodeId?: string; code?: string }[];
    allowed?: string[];
    [key: string]: unknown;
  };
}
export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
  headers: Record<string, string>;
}

export interface TestUser {
  id: string;
  email: string;
  roles: Role[];
  token: string;
}

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  /** Direct SQL on the test database, for assertions and for playing the simulations worker. */
  sql: Client;
  // Responses are checked field by field in the tests; `any` keeps them readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResponse<T>>;
  /** Creates a user with these roles and signs them in. */
  user(roles: Role[], name?: string): Promise<TestUser>;
  close(): Promise<void>;
}

let counter = 0;

/** A second API instance on the database of `first` (as a second replica behind a load balancer). */
export function secondInstance(
  first: TestApp,
  overrides: Partial<Record<string, string>> = {},
): Promise<NestExpressApplication> {
  return createApp(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: first.db.url,
      LOG_LEVEL: 'silent',
      DATABASE_POOL_SIZE: '5',
      ...overrides,
    }),
  );
}

/** Boots the real API on a fresh database (migrations applied at start-up); `connectThrough` rewrites the URL the API uses (e.g. through a proxy). */
export async function startTestApp(
  overrides: Partial<Record<string, string>> = {},
  options: { connectThrough?: (url: string) => string } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const databaseUrl = options.connectThrough?.(db.url) ?? db.url;
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '5',
    ...overrides,
  });
  let app: NestExpressApplication;
  try {
    app = await createApp(config);
  } catch (error) {
    await db.drop();
    throw error;
  }
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  const server = app.getHttpServer();

  const gql: TestApp['gql'] = async (query, variables, token) => {
    const req = request(server).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return {
      status: res.status,
      data: res.body?.data ?? null,
      errors: res.body?.errors,
      headers: res.headers as Record<string, string>,
    };
  };

  const user: TestApp['user'] = async (roles, name) => {
    counter += 1;
    const email = `${name ?? (roles.join('-') || 'nobody')}-${counter}@test.local`;
    const created = await app
      .get(UsersService)
      .create(null, { email, displayName: email, password: TEST_PASSWORD, roles });
    const res = await gql<{ login: { accessToken: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
      { e: email, p: TEST_PASSWORD },
    );
    if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    return { id: created.id, email, roles, token: res.data.login.accessToken };
  };

  return {
    app,
    db,
    sql,
    gql,
    user,
    async close() {
      await sql.end();
      await app.close();
      await db.drop();
    },
  };
}

/** The API of the enclosing `describe` (or file): started in a `beforeAll`, closed in an `afterAll`. */
export function useTestApp(overrides: Partial<Record<string, string>> = {}): TestApp {
  const app = setInBeforeAll<TestApp>('the test app');
  let started: TestApp | undefined;
  beforeAll(async () => app.set((started = await startTestApp(overrides))));
  afterAll(() => started?.close());
  return app.value;
}

/**
 * Two API instances on one database (as two replicas behind a load balancer), with the same `env`:
 * `a` a test app, `b` the second instance. Started by a `beforeAll`; an `afterAll` closes `b`, then `a`.
 */
export function useTwoInstances(env: Partial<Record<string, string>> = {}): {
  a: TestApp;
  b: NestExpressApplication;
} {
  const a = setInBeforeAll<TestApp>('instance A');
  const b = setInBeforeAll<NestExpressApplication>('instance B');
  const started: { a?: TestApp; b?: NestExpressApplication } = {};
  beforeAll(async () => {
    a.set((started.a = await startTestApp(env)));
    b.set((started.b = await secondInstance(started.a, env)));
  });
  afterAll(async () => {
    await started.b?.close();
    await started.a?.close();
  });
  return { a: a.value, b: b.value };
}

/** A user with these roles, created and signed in by a `beforeAll` (declare it after `useTestApp`). */
export function useUser(t: TestApp, roles: Role[], name?: string): TestUser {
  const user = setInBeforeAll<TestUser>('the test user');
  beforeAll(async () => user.set(await t.user(roles, name)));
  return user.value;
}

/** The single error's code, or a readable failure. */
export function errorCode(res: GqlResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** Fails with the errors when a response has any. */
export function ok<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
  return res.data;
}

export { Role, setInBeforeAll };
