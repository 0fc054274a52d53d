/** Where simulation jobs go: BullMQ on Redis (REDIS_URL) or an in-process queue (quick start). */
export const JOB_RUNNER = Symbol('JOB_RUNNER');

export const SIMULATION_QUEUE = 'simulation';
export const SIMULATION_CHUNK_QUEUE = 'simulation-chunk';

/** The work of a simulation, the same functions whichever runner calls them. */
export interface SimulationProcessors {
  /** Decides one chunk of rows and stores its result; a chunk already stored is not counted twice. */
  processChunk(simulationId: string, chunkNo: number): Promise<void>;
  /** After every chunk: merges the chunk results into the simulation's result. */
  finish(simulationId: string): Promise<void>;
  /** A job gave up after its last attempt. */
  failed(simulationId: string, message: string): Promise<void>;
}

export interface JobRunner {
  readonly kind: 'bullmq' | 'in-process';
  /** Queues one parent job and one child job per chunk. */
  enqueueSimulation(simulationId: string, chunkCount: number): Promise<void>;
  /** Removes what has not started; running jobs see the CANCELLED status and stop. */
  cancelSimulation(simulationId: string, chunkCount: number): Promise<void>;
  /** Jobs per queue and state, for the queue-depth metric. */
  jobCounts(): Promise<{ queue: string; state: string; jobs: number }[]>;
  /** Starts processing jobs in this process. */
  startWorkers(processors: SimulationProcessors): Promise<void>;
  close(): Promise<void>;
}

export const parentJobId = (simulationId: string) => `sim-${simulationId}`;
export const chunkJobId = (simulationId: string, chunkNo: number) => `sim-${simulationId}-chunk-${chunkNo}`;

export const JOB_ATTEMPTS = 5;
