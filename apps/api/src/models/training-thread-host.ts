import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TrainingProgress, TrainingResult } from '@arbiter/learning';
import type { FromThread, ThreadError, ThreadSetup, ToThread } from './training-thread.protocol';

/** Heap of the training thread: beyond it the thread (not the process) stops, and the job FAILS saying so. */
export const TRAINING_HEAP_MB = 3072;

/** Progress as the job records it: the trainer's phases, after `reading` (rows streamed in so far). */
export interface ThreadProgress {
  phase: 'reading' | TrainingProgress['phase'];
  rows: number;
  iteration: number;
  iterations: number;
}

export interface ThreadOutcome {
  result: TrainingResult;
  /** SHA-256 of the dataset's rows as stored (customer id, logged action and outcome, customer fields), in order. */
  datasetHash: string;
  rows: number;
}

/** The trainer refused the data (its TrainingError, with the column it names) or ran out of memory. */
export class TrainerRefused extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'TrainerRefused';
  }
}

/** The thread was stopped through the signal; `reason` is the signal's reason. */
export class TrainingAborted extends Error {
  constructor(readonly reason: unknown) {
    super('The training was stopped.');
    this.name = 'TrainingAborted';
  }
}

/**
 * Sources (tests, `jest`): the thread compiles the TypeScript on load (tools/register-ts.js, SWC) and
 * resolves the workspace libraries to their sources. Not user text: a fixed loader for our own files.
 */
const SOURCE_LOADER = `
const { workerData } = require('node:worker_threads');
const Module = require('node:module');
const { entry, register, aliases } = workerData.sourceLoader;
require(register);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, Object.hasOwn(aliases, request) ? aliases[request] : request, ...rest);
};
require(entry);
`;

const WORKSPACE = resolve(__dirname, '..', '..', '..', '..');

/** The workspace's path aliases (tsconfig.base.json), as absolute files. */
function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(WORKSPACE, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  const aliases: Record<string, string> = {};
  for (const [name, [target]] of Object.entries(tsconfig.compilerOptions?.paths ?? {}))
    if (target && !name.includes('*')) aliases[name] = join(WORKSPACE, target);
  return aliases;
}

function spawnThread(setup: ThreadSetup): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: TRAINING_HEAP_MB };
  const compiled = join(__dirname, 'training-thread.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: setup, resourceLimits });
  const entry = join(__dirname, 'training-thread.ts');
  return new Worker(SOURCE_LOADER, {
    eval: true,
    workerData: {
      ...setup,
      sourceLoader: {
        entry,
        register: join(WORKSPACE, 'tools', 'register-ts.js'),
        aliases: workspaceAliases(),
      },
    },
    resourceLimits,
  });
}

function threadError(error: ThreadError): Error {
  if (error.name === 'TrainingError') return new TrainerRefused(error.message, error.code, error.column);
  const failure = new Error(error.message);
  failure.name = error.name;
  return failure;
}

/**
 * Trains in a worker thread on rows streamed from `chunks` (JSON texts of projected rows): at
 * most one chunk waits in the thread while the next is read, so memory holds the rows once.
 * Aborting `signal` terminates the thread and rejects with TrainingAborted.
 */
export async function trainInThread(
  setup: ThreadSetup,
  chunks: AsyncIterable<string>,
  options: { signal: AbortSignal; onProgress(progress: ThreadProgress): void },
): Promise<ThreadOutcome> {
  const thread = spawnThread(setup);
  const send = (message: ToThread) => thread.postMessage(message);
  const taken: (() => void)[] = [];
  let fail!: (error: unknown) => void;
  const finished = new Promise<ThreadOutcome>((resolveOutcome, reject) => {
    fail = reject;
    thread.on('message', (message: FromThread) => {
      switch (message.type) {
        case 'taken':
          taken.shift()?.();
          options.onProgress({ phase: 'reading', rows: message.rows, iteration: 0, iterations: 0 });
          break;
        case 'progress':
          options.onProgress({ ...message.progress });
          break;
        case 'done':
          resolveOutcome({ result: message.result, datasetHash: message.datasetHash, rows: message.rows });
          break;
        case 'failed':
          reject(threadError(message.error));
          break;
      }
    });
    thread.on('error', (error: Error & { code?: string }) =>
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new TrainerRefused(
              `Training needs more than ${TRAINING_HEAP_MB} MB of memory: train on fewer rows or fewer predictors (or lower trees / maxBins).`,
            )
          : error,
      ),
    );
    thread.on('exit', (code) =>
      reject(new Error(`The training thread stopped unexpectedly (exit code ${code}).`)),
    );
  });
  finished.catch(() => undefined); // raced below; a rejection before the race is not unhandled
  const abort = () => {
    fail(new TrainingAborted(options.signal.reason));
    void thread.terminate();
  };
  if (options.signal.aborted) abort();
  options.signal.addEventListener('abort', abort, { once: true });
  try {
    let handedOver: Promise<unknown> = Promise.resolve();
    for await (const text of chunks) {
      await Promise.race([handedOver, finished]);
      handedOver = new Promise<void>((r) => taken.push(r));
      send({ type: 'rows', text });
    }
    await Promise.race([handedOver, finished]);
    send({ type: 'end' });
    return await finished;
  } finally {
    options.signal.removeEventListener('abort', abort);
    await thread.terminate();
  }
}
