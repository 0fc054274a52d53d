import type { Logger } from '@nestjs/common';
import { WaitingError, Worker, type Job } from 'bullmq';
import { bounded, OPERATION_MS, within, type BullMqRedis } from './bullmq-redis';

export interface WorkerSpec<Data> {
  /** Runs a job; `stop` is aborted when this process's workers stop. */
  run(job: Job<Data>, stop: AbortSignal): Promise<void>;
  /** The job failed its last attempt. */
  gaveUp(job: Job<Data>, message: string): void;
  /** Starts the log line of a worker error, e.g. `Worker`. */
  errorLabel: string;
  /**
   * For jobs that stop when their worker stops: which errors say so, and how the job is named in the
   * log. Such a job goes straight back to the waiting list instead of waiting for the stalled check.
   */
  handBack?: { interrupted(error: unknown): boolean; describe(job: Job<Data>): string };
}

/** This process's BullMQ workers, one job at a time each, with the runners' lock timings. */
export class BullMqWorkers {
  private readonly workers: Worker[] = [];
  /** Aborted when this process's workers stop: a job under way stops and is handed back. */
  private readonly stopping = new AbortController();
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly redis: BullMqRedis,
    private readonly logger: Logger,
  ) {}

  /** Not awaited: the API starts (and says it is not ready) while Redis is unreachable; the worker connects when it answers. */
  start<Data>(queueName: string, spec: WorkerSpec<Data>): void {
    const { handBack } = spec;
    const run = async (job: Job<Data>, token?: string) => {
      try {
        await spec.run(job, this.stopping.signal);
      } catch (error) {
        if (!handBack?.interrupted(error) || token === undefined) throw error;
        await this.handBack(job, token, handBack.describe(job));
        // Tells BullMQ the job is no longer ours (neither completed nor failed: no attempt is used up).
        throw new WaitingError();
      }
    };
    const { options } = this.redis;
    const worker = new Worker<Data>(queueName, run, {
      prefix: options.prefix,
      connection: this.redis.connection(),
      concurrency: 1,
      lockDuration: options.lockDuration ?? 6000,
      stalledInterval: options.stalledInterval ?? 3000,
      maxStalledCount: 5,
    });
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) spec.gaveUp(job, error.message);
    });
    worker.on('error', (error) => this.logger.warn(`${spec.errorLabel}: ${error.message}`));
    this.workers.push(worker as Worker);
  }

  private async handBack(job: Job, token: string, what: string): Promise<void> {
    try {
      await within(OPERATION_MS, job.moveToWait(token), 'hand back');
      this.logger.log(
        `Worker stopping: ${what} handed back to the queue (job ${job.id}); another worker takes it now`,
      );
    } catch (error) {
      this.logger.warn(
        `Worker stopping: could not hand ${what} back (${error instanceof Error ? error.message : String(error)}); it is retried once its lock expires`,
      );
    }
  }

  /** A job under way stops and goes back to the queue. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.stopped ??= (async () => {
      const connected = this.redis.allReady;
      await bounded(Promise.all(this.workers.map((w) => w.close(!connected))));
    })();
    await this.stopped;
  }
}
