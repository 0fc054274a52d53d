import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// No Docker engine runs here, so the images are checked statically: structure, safety and that
// every path they start actually exists in the repository.
const root = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');
const compose = parse(readFileSync(join(root, 'docker', 'compose.yml'), 'utf8'));

interface Stage {
  name: string;
  from: string;
  lines: string[];
}

function stages(text: string): Stage[] {
  const result: Stage[] = [];
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const line of logical) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ name: from[2] ?? '', from: from[1]!, lines: [] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

function inherited(all: Stage[], stage: Stage): string[] {
  const parent = all.find((s) => s.name === stage.from);
  return [...(parent ? inherited(all, parent) : []), ...stage.lines];
}

describe('docker/Dockerfile', () => {
  const all = stages(dockerfile);
  const finals = ['api', 'worker'].map((name) => all.find((s) => s.name === name)!);

  it('is multi-stage: dependencies and builds in a build stage, images for api and worker', () => {
    expect(all.map((s) => s.name)).toEqual(['build', 'runtime', 'api', 'worker']);
    expect(all[0]!.lines).toContain('RUN npm ci --no-audit --no-fund');
    expect(finals.every(Boolean)).toBe(true);
  });

  it('runs both images as a non-root user with a health check', () => {
    for (const stage of finals) {
      const lines = inherited(all, stage);
      const user = lines.filter((l) => l.startsWith('USER ')).at(-1);
      expect(user).toBeDefined();
      expect(user).not.toMatch(/USER\s+(root|0)\b/);
      expect(lines.some((l) => l.startsWith('HEALTHCHECK '))).toBe(true);
    }
  });

  it('starts entry points that exist in the source tree', () => {
    const commands = finals.map(
      (s) => JSON.parse(s.lines.find((l) => l.startsWith('CMD '))!.slice(4)) as string[],
    );
    expect(commands).toEqual([
      ['node', 'apps/api/dist/main.js'],
      ['node', 'apps/api/dist/worker.js'],
    ]);
    for (const [, script] of commands) {
      const source = script!.replace('/dist/', '/src/').replace(/\.js$/, '.ts');
      expect(existsSync(join(root, source))).toBe(true);
    }
    expect(existsSync(join(root, 'docker', 'healthcheck.js'))).toBe(true);
  });

  it('copies only files that exist into the build', () => {
    for (const line of all[0]!.lines.filter((l) => l.startsWith('COPY ') && !l.includes('--from'))) {
      const sources = line
        .split(/\s+/)
        .slice(1, -1)
        .filter((p) => !p.startsWith('--') && p !== '.');
      for (const source of sources) expect(existsSync(join(root, source))).toBe(true);
    }
  });
});

describe('docker/compose.yml', () => {
  const services = compose.services as Record<string, Record<string, unknown>>;

  it('has PostgreSQL, Redis, the API and two workers', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    expect((services.worker!.deploy as { replicas: number }).replicas).toBe(2);
    expect((services.api!.build as { target: string }).target).toBe('api');
    expect((services.worker!.build as { target: string }).target).toBe('worker');
  });

  it('starts the API only when the database and Redis are healthy', () => {
    expect(services.postgres!.healthcheck).toBeDefined();
    expect(services.redis!.healthcheck).toBeDefined();
    expect(services.api!.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
  });

  it('points the API and the workers at the same database and Redis, with secrets from the environment', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name]!.environment as Record<string, string>;
      expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.NODE_ENV).toBe('production');
      expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
      expect(env.AUDIT_HMAC_SECRET).toMatch(/^\$\{AUDIT_HMAC_SECRET:\?/);
    }
  });
});
