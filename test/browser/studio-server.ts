import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awaitReady, freePort, watchProcess } from '../api/api-process';

const STUDIO = join(__dirname, '..', '..', 'apps', 'studio');
const VITE = join(__dirname, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');

export interface RunningStudio {
  url: string;
  stop(): Promise<void>;
}

function run(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [VITE, ...args], {
    cwd: STUDIO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const ROOT = join(__dirname, '..', '..');
/** What the studio build depends on: its own sources and the library code it bundles from source. */
const BUILD_INPUTS = [
  'apps/studio/src',
  'apps/studio/index.html',
  'apps/studio/vite.config.mts',
  'libs/engine/src',
  'libs/engine/examples',
  'libs/datasets/src/csv.ts',
  'libs/datasets/src/csv-parser.ts',
  'package-lock.json',
  'test/browser/studio-server.ts',
];

function sourceHash(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else hash.update(path).update(readFileSync(path));
  };
  for (const input of BUILD_INPUTS) visit(join(ROOT, input));
  return hash.digest('hex').slice(0, 16);
}

/**
 * One production build (`vite build`) per version of the sources, shared by every browser test file
 * of a run: the first caller builds, the others wait for its `done` marker.
 */
export async function studioBuild(): Promise<string> {
  const dir = join(tmpdir(), `arbiter-studio-build-${sourceHash()}`);
  const done = join(dir, 'done');
  try {
    mkdirSync(dir);
  } catch {
    for (let i = 0; !existsSync(done); i++) {
      if (i > 3000)
        throw new Error(
          `Waited 5 minutes for the studio build in ${dir}; remove the folder if a build was interrupted.`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
    return join(dir, 'dist');
  }
  removeOldBuilds(dir);
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const build = watchProcess(
    run(['build', '--outDir', join(dir, 'dist'), '--emptyOutDir', '--logLevel', 'warn'], {
      NODE_ENV: 'production',
    }),
  );
  if ((await build.exited) !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`vite build failed:\n${build.output()}`);
  }
  writeFileSync(done, new Date().toISOString());
  return join(dir, 'dist');
}

/** Builds of other source versions, untouched for an hour: no test of this run serves them. */
function removeOldBuilds(current: string): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith('arbiter-studio-build-') || path === current) continue;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Serves the production build of the studio with `vite preview`, which proxies /graphql and /api
 * to the given API, as a static host in front of the API would, with the API's security headers.
 */
export async function startStudio(apiUrl: string): Promise<RunningStudio> {
  const outDir = await studioBuild();
  const port = await freePort();
  const child = run(
    ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { ARBITER_API_URL: apiUrl },
  );
  const preview = watchProcess(child);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => void (await preview.kill('SIGTERM'));
  await awaitReady(child, {
    name: 'vite preview',
    seconds: 20,
    pollMs: 100,
    ready: async () => {
      const res = await fetch(url).catch(() => undefined); // undefined: not listening yet
      if (!res?.ok) return false;
      // The stories check the studio against the API's Content-Security-Policy (vite.config.mts copies it).
      if (res.headers.get('content-security-policy')) return true;
      await stop();
      throw new Error(
        `vite preview serves the studio without the API's Content-Security-Policy:\n${preview.output()}`,
      );
    },
    output: preview.output,
    cleanUp: stop,
  });
  return { url, stop };
}
