import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REFERENCE_SCRIPT = path.join(__dirname, 'sklearn_reference.py');

/**
 * A Python that imports scikit-learn: $PYTHON, then python3 on the PATH, then Debian's
 * /usr/bin/python3 (where python3-sklearn installs; a pyenv python3 on the PATH may lack it).
 */
export function findSklearnPython(): string | undefined {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  return candidates.find(
    (python) => spawnSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0,
  );
}

/** Runs one task of sklearn_reference.py (data passed through a temporary JSON file). */
export function runReference<T>(python: string, task: Record<string, unknown>): T & { version: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arbiter-sklearn-'));
  const file = path.join(dir, 'task.json');
  try {
    fs.writeFileSync(file, JSON.stringify(task));
    // One OpenMP thread: on a busy 2-core machine more threads thrash (10× slower), and one is reproducible.
    const run = spawnSync(python, [REFERENCE_SCRIPT, file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    if (run.status !== 0) throw new Error(`scikit-learn reference failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as T & { version: string };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
