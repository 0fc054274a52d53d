import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { weakSecretReason } from './weak-secret';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** Every environment variable the API reads. `.env.example` at the repository root lists the same. */
const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { message: 'use development, test or production' })
    .default('development'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Unset: the quick start's embedded PostgreSQL (PGlite) with its files under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/arbiter',
    )
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Unset: jobs run in-process and caches stay per process. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL, e.g. redis://127.0.0.1:6379')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:-]{1,64}$/, 'use letters, digits, _, - and : (at most 64)')
    .default('arbiter'),
  /** With REDIS_URL: whether the API process also runs a simulation worker (`npm run worker` runs only workers). */
  RUN_WORKER: bool.default(true),
  /** Dataset rows per simulation chunk (one BullMQ child job each). */
  SIMULATION_CHUNK_SIZE: int(100, 1_000_000).default(10_000),
  /** How often the simulation watchdog compares QUEUED/RUNNING simulations with the job queue. */
  SIMULATION_WATCHDOG_SECONDS: int(1, 3600).default(30),
  /** Whether this process runs the adaptive-model learner (one applies at a time across processes; the others stand by). */
  ADAPTIVE_LEARNER: bool.default(true),
  /** Outcomes the learner reads per batch (one snapshot per model per batch). */
  ADAPTIVE_LEARNER_BATCH_SIZE: int(1, 100_000).default(2000),
  /** Pause between the learner's batches (and its attempts to take over when another process learns). */
  ADAPTIVE_LEARNER_POLL_MS: int(10, 60_000).default(100),
  /** Outcomes younger than this are left for the next batch: an insert still committing cannot be passed by the cursor. */
  ADAPTIVE_LEARNER_SETTLE_MS: int(0, 60_000).default(500),
  /** A model's learning is written as a snapshot (and served) at most this often. */
  ADAPTIVE_SNAPSHOT_INTERVAL_MS: int(0, 3_600_000).default(500),
  /** Key for hashing personal dataset columns; unset: derived from JWT_SECRET (per process without one). */
  DATASET_HASH_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The built studio (index.html and assets) to serve at `/`; unset: apps/studio/dist when it exists. */
  STUDIO_DIR: z.string().min(1).optional(),
  /** Bearer token for GET /metrics; unset: only loopback clients may scrape. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DATABASE_POOL_SIZE: int(1, 100).default(10),
  MIGRATE_ON_START: bool.default(true),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  JWT_ACCESS_TTL_SECONDS: int(30, 86_400).default(900),
  JWT_REFRESH_TTL_SECONDS: int(60, 90 * 86_400).default(14 * 86_400),
  /** Key of the audit log's HMAC chain; not the JWT secret, so a leaked token key cannot rewrite the audit trail. */
  AUDIT_HMAC_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    .optional(),
  /** How often the audit chain's head (seq and hash) is written to the log; 0: never. */
  AUDIT_HEAD_LOG_SECONDS: int(0, 86_400).default(300),
  /** Failed sign-ins per account, and per client address, before a lockout of LOGIN_LOCKOUT_SECONDS. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(1, 1000).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: int(1, 100_000).default(30),
  LOGIN_LOCKOUT_SECONDS: int(1, 86_400).default(900),
  /** Express "trust proxy": which proxies' X-Forwarded-For to believe for the client address (e.g. 1, loopback, 10.0.0.0/8). */
  TRUST_PROXY: z
    .string()
    .regex(
      /^[\w.:/, -]{1,200}$/,
      'use true, a hop count or a list of addresses/subnets (Express "trust proxy")',
    )
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'use fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
  /** auto: one readable line per entry on a terminal outside production, JSON lines otherwise. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json'], { message: 'use auto, pretty or json' }).default('auto'),
  /** Default: on in the quick start (no DATABASE_URL), off otherwise; never in production. */
  DEMO_SEED: bool.optional(),
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  GRAPHQL_SANDBOX: bool.optional(),
  GRAPHQL_MAX_DEPTH: int(2, 50).default(10),
  // A full page (100) of any type with all its fields fits; many aliased full pages do not.
  GRAPHQL_MAX_COMPLEXITY: int(10, 100_000).default(5000),
  /** Time limit of one GraphQL operation: after it no further field starts (each is answered TIMEOUT). */
  GRAPHQL_OPERATION_TIMEOUT_MS: int(100, 600_000).default(15_000),
  /** Decision log: store the customer/context fields the strategy read (true) or only the customer id (false). */
  DECISION_LOG_INPUTS: bool.default(true),
  /** Default requests per second per API key and API instance (token bucket; burst = 2 seconds' worth). */
  API_KEY_RATE_LIMIT: int(1, 1_000_000).default(1000),
  /** Strategies run as generated code (true) or as the engine's reference closures (false: for debugging). */
  ARBITER_ENGINE_CODEGEN: bool.default(true),
  /** Days of decision log kept (whole days, UTC); older daily partitions are dropped. 0: kept for ever. */
  DECISION_LOG_RETENTION_DAYS: int(0, 36_500).default(180),
  /** Days of interactions kept; never less than the longest contact-policy window of a published strategy. 0: for ever. */
  INTERACTIONS_RETENTION_DAYS: int(0, 36_500).default(180),
  /** Daily partitions created ahead of today for the decision log and the interactions. */
  PARTITIONS_AHEAD_DAYS: int(1, 366).default(7),
  /** How often partition maintenance runs (create ahead, move stray rows, drop expired days, trim snapshots). */
  PARTITION_MAINTENANCE_MINUTES: int(1, 1440).default(60),
  /** Days an uploaded dataset is kept; older ones are deleted (audited) by the maintenance pass. 0: for ever. */
  DATASET_RETENTION_DAYS: int(0, 36_500).default(0),
  /** Adaptive-model snapshots kept per model version, besides the served one and those the audit trail names. */
  ADAPTIVE_SNAPSHOTS_KEEP: int(1, 1_000_000).default(1000),
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** `url` is undefined until the embedded database is started (see database/database-url.ts). */
  database: { url: string | undefined; poolSize: number; migrateOnStart: boolean };
  dataDir: string;
  redis: { url: string | undefined; prefix: string };
  jobs: { runWorker: boolean; chunkSize: number; watchdogSeconds: number };
  datasets: { hashSalt: string | undefined };
  studioDir: string | undefined;
  metricsToken: string | undefined;
  jwt: { secret: string; secretGenerated: boolean; accessTtlSeconds: number; refreshTtlSeconds: number };
  audit: { hmacSecret: string; secretGenerated: boolean; headLogSeconds: number };
  login: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; lockoutSeconds: number };
  /** Express "trust proxy" value; undefined: the socket address is the client address. */
  trustProxy: boolean | number | string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logFormat: 'pretty' | 'json';
  demo: { seed: boolean; password?: string };
  graphql: { sandbox: boolean; maxDepth: number; maxComplexity: number; operationTimeoutMs: number };
  decisions: { logInputs: boolean; rateLimitPerSecond: number };
  learner: { run: boolean; batchSize: number; pollMs: number; settleMs: number; snapshotIntervalMs: number };
  /** How the engine runs strategies: generated code, or its closures (ARBITER_ENGINE_CODEGEN=0). */
  engine: { codegen: boolean };
  /** Growth bounds: retention in days (0: for ever), partitions made ahead, the maintenance period, snapshots kept. */
  retention: {
    decisionLogDays: number;
    interactionsDays: number;
    partitionsAheadDays: number;
    maintenanceMinutes: number;
    adaptiveSnapshotsKeep: number;
    datasetDays: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment once at start-up; throws ConfigError naming every wrong variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '(environment)')}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.NODE_ENV === 'production') {
    for (const name of ['JWT_SECRET', 'AUDIT_HMAC_SECRET'] as const) {
      const secret = env[name];
      const weak = secret && weakSecretReason(secret);
      if (!secret) problems.push(`${name}: is required when NODE_ENV=production`);
      else if (weak)
        problems.push(
          `${name}: ${weak}, so it is easy to guess; use a random value (e.g. \`openssl rand -hex 32\`)`,
        );
    }
    if (env.JWT_SECRET && env.JWT_SECRET === env.AUDIT_HMAC_SECRET)
      problems.push('AUDIT_HMAC_SECRET: must differ from JWT_SECRET');
  }
  if (env.NODE_ENV === 'production' && !env.DATABASE_URL)
    problems.push(
      'DATABASE_URL: is required when NODE_ENV=production (the embedded database is for the quick start)',
    );
  if (env.NODE_ENV === 'production' && env.DEMO_SEED)
    problems.push('DEMO_SEED: demo users are never created when NODE_ENV=production');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      migrateOnStart: env.MIGRATE_ON_START,
    },
    dataDir: env.DATA_DIR,
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    jobs: {
      runWorker: env.RUN_WORKER,
      chunkSize: env.SIMULATION_CHUNK_SIZE,
      watchdogSeconds: env.SIMULATION_WATCHDOG_SECONDS,
    },
    engine: { codegen: env.ARBITER_ENGINE_CODEGEN },
    retention: {
      decisionLogDays: env.DECISION_LOG_RETENTION_DAYS,
      interactionsDays: env.INTERACTIONS_RETENTION_DAYS,
      partitionsAheadDays: env.PARTITIONS_AHEAD_DAYS,
      maintenanceMinutes: env.PARTITION_MAINTENANCE_MINUTES,
      adaptiveSnapshotsKeep: env.ADAPTIVE_SNAPSHOTS_KEEP,
      datasetDays: env.DATASET_RETENTION_DAYS,
    },
    learner: {
      run: env.ADAPTIVE_LEARNER,
      batchSize: env.ADAPTIVE_LEARNER_BATCH_SIZE,
      pollMs: env.ADAPTIVE_LEARNER_POLL_MS,
      settleMs: env.ADAPTIVE_LEARNER_SETTLE_MS,
      snapshotIntervalMs: env.ADAPTIVE_SNAPSHOT_INTERVAL_MS,
    },
    datasets: { hashSalt: env.DATASET_HASH_SALT },
    studioDir: env.STUDIO_DIR,
    metricsToken: env.METRICS_TOKEN,
    jwt: {
      // Without a configured secret (development, test) tokens are signed with a per-process secret:
      // they stop working when the process restarts, which is what a developer expects.
      secret: env.JWT_SECRET ?? randomBytes(32).toString('hex'),
      secretGenerated: !env.JWT_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS,
    },
    audit: {
      // Like JWT_SECRET: per process without one (the quick start keeps one in DATA_DIR, see audit/quick-start-audit-key.ts).
      hmacSecret: env.AUDIT_HMAC_SECRET ?? randomBytes(32).toString('hex'),
      secretGenerated: !env.AUDIT_HMAC_SECRET,
      headLogSeconds: env.AUDIT_HEAD_LOG_SECONDS,
    },
    login: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      lockoutSeconds: env.LOGIN_LOCKOUT_SECONDS,
    },
    trustProxy: trustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL,
    logFormat:
      env.LOG_FORMAT === 'auto'
        ? process.stdout.isTTY && env.NODE_ENV !== 'production'
          ? 'pretty'
          : 'json'
        : env.LOG_FORMAT,
    demo: {
      seed: env.DEMO_SEED ?? (env.DATABASE_URL === undefined && env.NODE_ENV !== 'production'),
      password: env.DEMO_PASSWORD,
    },
    graphql: {
      sandbox: env.GRAPHQL_SANDBOX ?? env.NODE_ENV !== 'production',
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxComplexity: env.GRAPHQL_MAX_COMPLEXITY,
      operationTimeoutMs: env.GRAPHQL_OPERATION_TIMEOUT_MS,
    },
    decisions: { logInputs: env.DECISION_LOG_INPUTS, rateLimitPerSecond: env.API_KEY_RATE_LIMIT },
  };
}

/** TRUST_PROXY as Express reads it: true/false, a hop count, or addresses and subnet names. */
function trustProxy(value: string | undefined): boolean | number | string | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
