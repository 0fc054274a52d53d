import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { loadEnvFile } from './env-file';

describe('loadEnvFile: the .env that .env.example tells people to write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-env-'));
  const names = ['ARBITER_ENV_FILE_PORT_CHECK', 'ARBITER_ENV_FILE_KEPT', 'PORT'];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  afterEach(() => {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the file’s settings, and a variable already set in the environment wins', () => {
    const file = join(dir, '.env');
    writeFileSync(
      file,
      '# local settings\nARBITER_ENV_FILE_PORT_CHECK=from-file\nARBITER_ENV_FILE_KEPT="from file"\n',
    );
    process.env['ARBITER_ENV_FILE_KEPT'] = 'from environment';
    const env = loadEnvFile(file);
    expect(env['ARBITER_ENV_FILE_PORT_CHECK']).toBe('from-file');
    expect(env['ARBITER_ENV_FILE_KEPT']).toBe('from environment');
  });

  it('feeds the configuration: a PORT in .env is the port the API listens on', () => {
    delete process.env['PORT'];
    const file = join(dir, 'port.env');
    writeFileSync(file, 'PORT=4321\n');
    expect(loadConfig(loadEnvFile(file)).port).toBe(4321);
  });

  it('is optional: without the file the environment is used as it is', () => {
    expect(loadEnvFile(join(dir, 'missing.env'))).toBe(process.env);
  });
});
