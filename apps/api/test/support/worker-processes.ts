import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A real simulation worker process (`worker-process.js`: the sources of `npm run worker`) and its log lines. */
export interface WorkerProcess {
  child: ChildProcess;
  /** The `msg` of every JSON log line so far (LOG_LEVEL info). */
  messages: string[];
  exited: Promise<void>;
}

/** Starts a worker against this database and Redis; its log is kept in `messages`. */
export function startWorkerProcess(
  env: { DATABASE_URL: string; REDIS_URL: string; REDIS_PREFIX: string } & Record<string, string>,
): WorkerProcess {
  const child = spawn(process.execPath, [join(__dirname, 'worker-process.js')], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_POOL_SIZE: '3', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      messages.push(String((JSON.parse(line) as { msg?: unknown }).msg));
    } catch {
      messages.push(line);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, messages, exited };
}

/** Resolves with the first log message matching `pattern`. */
export async function logged(worker: WorkerProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const message = worker.messages.find((m) => pattern.test(m));
    if (message) return message;
    if (worker.child.exitCode !== null || worker.child.signalCode !== null)
      throw new Error(`worker exited without logging ${pattern}: ${worker.messages.join(' | ')}`);
    if (Date.now() > until)
      throw new Error(`worker did not log ${pattern} within ${timeoutMs} ms: ${worker.messages.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Stops every worker still running (SIGKILL: tests that need a clean stop do it themselves). */
export async function killWorkers(workers: WorkerProcess[]): Promise<void> {
  for (const w of workers)
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
}
