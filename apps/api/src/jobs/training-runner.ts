/** Where training jobs go: BullMQ on Redis (REDIS_URL) or an in-process queue (quick start). */
export const TRAINING_RUNNER = Symbol('TRAINING_RUNNER');

export const TRAINING_QUEUE = 'training';

/** The work of a training job, the same functions whichever runner calls them. */
export interface TrainingProcessors {
  /**
   * Trains and, on success, registers the version. A failure that another attempt cannot mend
   * (bad data, a deleted dataset) marks the job FAILED and returns; other errors are thrown (the
   * runner retries). When `stop` is aborted the training stops and TrainingInterrupted is thrown,
   * so the runner can hand the job to another worker.
   */
  process(trainingJobId: string, stop: AbortSignal): Promise<void>;
  /** A job gave up after its last attempt. */
  failed(trainingJobId: string, message: string): Promise<void>;
}

export interface TrainingRunner {
  readonly kind: 'bullmq' | 'in-process';
  /** Throws JobQueueUnavailableError within about a second when the queue cannot take work now. */
  checkAvailable(): Promise<void>;
  enqueue(trainingJobId: string): Promise<void>;
  /** Of these jobs (QUEUED or RUNNING in the database), the ones the queue holds no work for any more. */
  lost(trainingJobIds: string[]): Promise<string[]>;
  /** Queues a lost job again (it trains from the start: training is deterministic). */
  requeue(trainingJobId: string): Promise<void>;
  /** Whether this process may run a watchdog pass now: one pass at a time across processes. */
  claimWatchdog(periodMs: number): Promise<boolean>;
  /** Removes a job that has not started; a running one sees the CANCELLED status and stops. */
  cancel(trainingJobId: string): Promise<void>;
  startWorkers(processors: TrainingProcessors): Promise<void>;
  /** Stops this process's workers: a training under way stops and goes back to the queue. */
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

/** A training stopped because its worker is stopping; nothing of it was stored. */
export class TrainingInterrupted extends Error {
  constructor(trainingJobId: string) {
    super(`Training ${trainingJobId} was interrupted: its worker is stopping.`);
    this.name = 'TrainingInterrupted';
  }
}

export const trainingJobKey = (trainingJobId: string) => `training-${trainingJobId}`;

/** Attempts of a job whose processor throws (database out of reach …); bad data fails at once. */
export const TRAINING_ATTEMPTS = 3;
