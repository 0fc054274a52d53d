import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/arbiter' };
const productionSecrets = {
  JWT_SECRET: '3f9c1a7be2d84605c1e97fa2b3d05c6e8a41f7d2c9b0e3a5',
  AUDIT_HMAC_SECRET: 'b81d4e6fa09c2375e8d1b4a6c3f90e7d25a8c1b6f4e0d937',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('fills defaults and generates a per-process JWT secret outside production', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      logLevel: 'info',
      database: { poolSize: 10, migrateOnStart: true },
      demo: { seed: false },
    });
    expect(config.jwt.secretGenerated).toBe(true);
    expect(config.jwt.secret).toHaveLength(64);
    expect(config.graphql).toEqual({
      sandbox: true,
      maxDepth: 10,
      maxComplexity: 5000,
      operationTimeoutMs: 15000,
    });
  });

  it('names every wrong variable with what to do', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DEMO_SEED: 'maybe',
      JWT_SECRET: 'short',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: must be a whole number/),
        expect.stringMatching(/^LOG_LEVEL: use fatal, error/),
        expect.stringMatching(/^DEMO_SEED: use true or false/),
        expect.stringMatching(/^JWT_SECRET: must be at least 32 characters/),
      ]),
    );
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\/ URL/),
    ]);
  });

  it('requires JWT_SECRET and refuses the demo seed in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain(
      'DATABASE_URL: is required when NODE_ENV=production (the embedded database is for the quick start)',
    );
    expect(problemsOf({ ...base, NODE_ENV: 'production', DEMO_SEED: 'true' })).toEqual([
      'JWT_SECRET: is required when NODE_ENV=production',
      'AUDIT_HMAC_SECRET: is required when NODE_ENV=production',
      'DEMO_SEED: demo users are never created when NODE_ENV=production',
    ]);
    const config = loadConfig({ ...base, ...productionSecrets, NODE_ENV: 'production' });
    expect(config.graphql.sandbox).toBe(false);
    expect(config.jwt.secretGenerated).toBe(false);
    expect(config.audit).toMatchObject({
      hmacSecret: productionSecrets.AUDIT_HMAC_SECRET,
      secretGenerated: false,
    });
  });

  it('refuses long but trivially weak secrets in production, naming the variable', () => {
    const production = { ...base, ...productionSecrets, NODE_ENV: 'production' };
    const weak = {
      'one repeated character': 'x'.repeat(64),
      'few distinct characters': 'ab'.repeat(10) + 'ba'.repeat(6) + 'aabbab'.repeat(3),
      'a word repeated': 'password'.repeat(5),
      'a word repeated, cut off': 'correcthorse'.repeat(4).slice(0, 40),
      'common words': 'my-super-secret-jwt-key-for-production-123',
    };
    for (const [what, secret] of Object.entries(weak)) {
      expect([what, problemsOf({ ...production, JWT_SECRET: secret })]).toEqual([
        what,
        [expect.stringMatching(/^JWT_SECRET: .+ easy to guess; use a random value/)],
      ]);
      expect([what, problemsOf({ ...production, AUDIT_HMAC_SECRET: secret })]).toEqual([
        what,
        [expect.stringMatching(/^AUDIT_HMAC_SECRET: .+ easy to guess/)],
      ]);
    }
    expect(problemsOf({ ...production, AUDIT_HMAC_SECRET: productionSecrets.JWT_SECRET })).toEqual([
      'AUDIT_HMAC_SECRET: must differ from JWT_SECRET',
    ]);
    // Outside production a developer may use anything long enough.
    expect(problemsOf({ ...base, JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
    // Random secrets of the recommended kinds pass.
    for (let i = 0; i < 200; i++) {
      expect(
        problemsOf({
          ...production,
          JWT_SECRET: randomBytes(16).toString('hex'),
          AUDIT_HMAC_SECRET: randomBytes(32).toString('base64url'),
        }),
      ).toEqual([]);
    }
  });

  it('reads the sign-in throttle and the audit head export, with defaults', () => {
    expect(loadConfig(base).login).toEqual({
      maxFailuresPerAccount: 5,
      maxFailuresPerAddress: 30,
      lockoutSeconds: 900,
    });
    expect(loadConfig(base).audit).toMatchObject({ secretGenerated: true, headLogSeconds: 300 });
    expect(loadConfig(base).audit.hmacSecret).not.toBe(loadConfig(base).jwt.secret);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(problemsOf({ ...base, LOGIN_MAX_FAILURES_PER_ACCOUNT: '0' })).toEqual([
      expect.stringMatching(/^LOGIN_MAX_FAILURES_PER_ACCOUNT: must be at least 1/),
    ]);
  });

  it('runs the quick start without DATABASE_URL or REDIS_URL: embedded database under DATA_DIR, demo seed on', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.dataDir).toBe('.data');
    expect(config.redis).toEqual({ url: undefined, prefix: 'arbiter' });
    expect(config.demo.seed).toBe(true);
    expect(problemsOf({ REDIS_URL: 'http://x' })).toEqual([
      expect.stringMatching(/^REDIS_URL: must be a redis:\/\/ URL/),
    ]);
  });

  it('reads the simulation job settings: a worker in the API process by default, chunk size, watchdog period, dataset hash key', () => {
    expect(loadConfig({ ...base }).jobs).toEqual({ runWorker: true, chunkSize: 10_000, watchdogSeconds: 30 });
    expect(
      loadConfig({
        ...base,
        RUN_WORKER: 'false',
        SIMULATION_CHUNK_SIZE: '500',
        SIMULATION_WATCHDOG_SECONDS: '1',
      }).jobs,
    ).toEqual({ runWorker: false, chunkSize: 500, watchdogSeconds: 1 });
    expect(
      problemsOf({
        SIMULATION_CHUNK_SIZE: '10',
        RUN_WORKER: 'maybe',
        SIMULATION_WATCHDOG_SECONDS: '0',
        DATASET_HASH_SALT: 'short',
      }),
    ).toEqual([
      expect.stringMatching(/^RUN_WORKER: use true or false/),
      expect.stringMatching(/^SIMULATION_CHUNK_SIZE: must be at least 100/),
      expect.stringMatching(/^SIMULATION_WATCHDOG_SECONDS: must be at least 1/),
      expect.stringMatching(/^DATASET_HASH_SALT: must be at least 16/),
    ]);
  });

  it('runs strategies as generated code unless ARBITER_ENGINE_CODEGEN turns it off', () => {
    expect(loadConfig(base).engine).toEqual({ codegen: true });
    expect(loadConfig({ ...base, ARBITER_ENGINE_CODEGEN: '0' }).engine).toEqual({ codegen: false });
    expect(() => loadConfig({ ...base, ARBITER_ENGINE_CODEGEN: 'closures' })).toThrow(
      /ARBITER_ENGINE_CODEGEN: use true or false/,
    );
  });

  it('reads the GraphQL operation time limit in milliseconds, at least 100', () => {
    expect(loadConfig({ ...base, GRAPHQL_OPERATION_TIMEOUT_MS: '2500' }).graphql.operationTimeoutMs).toBe(
      2500,
    );
    expect(problemsOf({ ...base, GRAPHQL_OPERATION_TIMEOUT_MS: '50' })).toEqual([
      'GRAPHQL_OPERATION_TIMEOUT_MS: must be at least 100',
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...base, PORT: '', JWT_SECRET: '' }).port).toBe(3000);
  });
});
