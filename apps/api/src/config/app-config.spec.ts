import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/arbiter' };

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
    expect(config).toMatchObject({ env: 'development', port: 3000, logLevel: 'info', database: { poolSize: 10, migrateOnStart: true }, demo: { seed: false } });
    expect(config.jwt.secretGenerated).toBe(true);
    expect(config.jwt.secret).toHaveLength(64);
    expect(config.graphql).toEqual({ sandbox: true, maxDepth: 10, maxComplexity: 5000 });
  });

  it('names every wrong variable with what to do', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', DEMO_SEED: 'maybe', JWT_SECRET: 'short' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: must be a whole number/),
        expect.stringMatching(/^LOG_LEVEL: use fatal, error/),
        expect.stringMatching(/^DEMO_SEED: use true or false/),
        expect.stringMatching(/^JWT_SECRET: must be at least 32 characters/),
      ]),
    );
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\/ URL/)]);
  });

  it('requires JWT_SECRET and refuses the demo seed in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain(
      'DATABASE_URL: is required when NODE_ENV=production (the embedded database is for the quick start)',
    );
    expect(problemsOf({ ...base, NODE_ENV: 'production', DEMO_SEED: 'true' })).toEqual([
      'JWT_SECRET: is required when NODE_ENV=production',
      'DEMO_SEED: demo users are never created when NODE_ENV=production',
    ]);
    const config = loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(config.graphql.sandbox).toBe(false);
    expect(config.jwt.secretGenerated).toBe(false);
  });

  it('runs the quick start without DATABASE_URL or REDIS_URL: embedded database under DATA_DIR, demo seed on', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.dataDir).toBe('.data');
    expect(config.redis).toEqual({ url: undefined, prefix: 'arbiter' });
    expect(config.demo.seed).toBe(true);
    expect(problemsOf({ REDIS_URL: 'http://x' })).toEqual([expect.stringMatching(/^REDIS_URL: must be a redis:\/\/ URL/)]);
  });

  it('reads the simulation job settings: a worker in the API process by default, chunk size, dataset hash key', () => {
    expect(loadConfig({ ...base }).jobs).toEqual({ runWorker: true, chunkSize: 10_000 });
    expect(loadConfig({ ...base, RUN_WORKER: 'false', SIMULATION_CHUNK_SIZE: '500' }).jobs).toEqual({ runWorker: false, chunkSize: 500 });
    expect(problemsOf({ SIMULATION_CHUNK_SIZE: '10', RUN_WORKER: 'maybe', DATASET_HASH_SALT: 'short' })).toEqual([
      expect.stringMatching(/^RUN_WORKER: use true or false/),
      expect.stringMatching(/^SIMULATION_CHUNK_SIZE: must be at least 100/),
      expect.stringMatching(/^DATASET_HASH_SALT: must be at least 16/),
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...base, PORT: '', JWT_SECRET: '' }).port).toBe(3000);
  });
});
