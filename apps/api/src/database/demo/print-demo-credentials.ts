import type { DemoSeedResult } from './demo-seed.service';

/** Printed to the console only (never into the JSON log), once per seed. */
export function printDemoCredentials(result: DemoSeedResult): void {
  process.stdout.write(
    [
      '',
      'Demo users (development only):',
      ...result.users.map((u) => `  ${u}`),
      `  password for all of them: ${result.password}`,
      '',
    ].join('\n') + '\n',
  );
}
