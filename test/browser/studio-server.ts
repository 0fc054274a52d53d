import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STUDIO = join(__dirname, '..', '..', 'apps', 'studio');
const VITE = join(__dirname, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');

export interface RunningStudio {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [VITE, ...args], { cwd: STUDIO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Builds the studio for production (`vite build`) and serves the build with `vite preview`, which
 * proxies /graphql to the given API, as a static host in front of the API would.
 */
export async function startStudio(apiUrl: string): Promise<RunningStudio> {
  const outDir = mkdtempSync(join(tmpdir(), 'arbiter-studio-'));
  let output = '';
  const build = run(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {});
  build.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  build.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build failed:\n${output}`);

  const port = await freePort();
  const preview = run(['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { ARBITER_API_URL: apiUrl });
  preview.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  preview.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => preview.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (preview.exitCode === null) {
      preview.kill('SIGTERM');
      await exited;
    }
    rmSync(outDir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if (preview.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 200) {
      await stop();
      throw new Error(`vite preview did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop };
}
