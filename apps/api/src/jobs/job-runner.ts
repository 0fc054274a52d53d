/** Where simulation jobs go: BullMQ on Redis (REDIS_URL) or an in-process queue (quick start). */
export const JOB_RUNNER = Symbol('JOB_RUNNER');

export const SIMULATION_QUEUE = 'simulation';
export const SIMULATION_CHUNK_QUEUE = 'simulation-chunk';

/** The work of a simulation, the same functions whichever runner calls them. */
export interface SimulationProcessors {
  /**
   * Decides one chunk of rows and stores its result; a chunk already stored is not counted twice.
   * When `stop` is aborted it stops deciding at the next slice of rows, stores nothing and throws
   * ChunkInterrupted, so the runner can hand the chunk to another worker.
   */
  processChunk(simulationId: string, chunkNo: number, stop?: AbortSignal): Promise<void>;
  /** After every chunk: merges the chunk results into the simulation's result. */
  finish(simulationId: string): Promise<void>;
  /** A job gave up after its last attempt. */
  failed(simulationId: string, message: string): Promise<void>;
}

export interface JobRunner {
  readonly kind: 'bullmq' | 'in-process';
  /** Throws JobQueueUnavailableError within about a second when the queue cannot take work now. */
  checkAvailable(): Promise<void>;
  /** Queues one parent job and one child job per chunk. */
  enqueueSimulation(simulationId: string, chunkCount: number): Promise<void>;
  /**
   * Of these simulations (QUEUED or RUNNING in the database), the ones the queue holds no work for
   * any more: e.g. Redis restarted without persistence, or the quick start's process restarted.
   */
  lostSimulations(simulationIds: string[]): Promise<string[]>;
  /** Queues a lost simulation again: a job for each of these chunks, then its finishing job. */
  requeueSimulation(simulationId: string, chunkNos: number[]): Promise<void>;
  /** Whether this process may run a watchdog pass now: one pass at a time across processes. */
  claimWatchdog(periodMs: number): Promise<boolean>;
  /** Removes what has not started; running jobs see the CANCELLED status and stop. */
  cancelSimulation(simulationId: string, chunkCount: number): Promise<void>;
  /** Jobs per queue and state, for the queue-depth metric. */
  jobCounts(): Promise<{ queue: string; state: string; jobs: number }[]>;
  /** Starts processing jobs in this process. */
  startWorkers(processors: SimulationProcessors): Promise<void>;
  /** Stops this process's workers: a chunk being decided stops at its next slice of rows and goes back to the queue. */
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

/** The job queue (Redis) does not answer: the caller may retry in a few seconds. */
export class JobQueueUnavailableError extends Error {
  constructor(message = 'The job queue (Redis) does not answer.') {
    super(message);
    this.name = 'JobQueueUnavailableError';
  }
}

/** A chunk stopped before its end because its worker is stopping; nothing of it was stored. */
export class ChunkInterrupted extends Error {
  constructor(simulationId: string, chunkNo: number) {
    super(`Chunk ${chunkNo} of simulation ${simulationId} was interrupted: its worker is stopping.`);
    this.name = 'ChunkInterrupted';
  }
}

export const parentJobId = (simulationId: string) => `sim-${simulationId}`;
export const chunkJobId = (simulationId: string, chunkNo: number) => `sim-${simulationId}-chunk-${chunkNo}`;

export const JOB_ATTEMPTS = 5;

/** BullMQ's largest priority number (PRIORITY_LIMIT). */
const LAST_PRIORITY = 2 ** 21 - 1;

/**
 * Fair sharing: chunk k of every simulation runs before chunk k + 1 of any (lower runs first, equal
 * priorities in the order queued), so simulations started together advance together and a small one
 * finishes without waiting for a large one queued before it. Both runners order chunks by it.
 */
export const chunkPriority = (chunkNo: number): number => Math.min(chunkNo + 1, LAST_PRIORITY);
