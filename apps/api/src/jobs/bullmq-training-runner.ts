import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { Queue, WaitingError, Worker, type Job } from 'bullmq';
import type IORedis from 'ioredis';
import {
  bounded,
  OPERATION_MS,
  quiet,
  REACH_MS,
  redis,
  within,
  type BullMqOptions,
} from './bullmq-job-runner';
import { JobQueueUnavailableError } from './job-runner';
import {
  TRAINING_ATTEMPTS,
  TRAINING_QUEUE,
  TrainingInterrupted,
  trainingJobKey,
  type TrainingProcessors,
  type TrainingRunner,
} from './training-runner';

interface TrainingData {
  trainingJobId: string;
}

/** The job is gone or ended while the training is still QUEUED/RUNNING: nothing will finish it. */
const LOST_STATES = new Set<string>(['unknown', 'completed', 'failed']);

/**
 * Training jobs on the `training` queue, with the simulations' Redis settings (REDIS_URL,
 * REDIS_PREFIX) and lock timings: a worker killed mid-training loses its lock within seconds and
 * the stalled check hands the job to another worker, which trains again from the start.
 */
export class BullMqTrainingRunner implements TrainingRunner {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMQ');
  private readonly connections: IORedis[] = [];
  private client: IORedis | undefined;
  private jobs: Queue | undefined;
  private worker: Worker | undefined;
  /** Aborted when this process's workers stop: a training under way stops and is handed back. */
  private readonly stopping = new AbortController();
  private stopped: Promise<void> | undefined;

  constructor(private readonly options: BullMqOptions) {}

  private connection(): IORedis {
    const c = redis(this.options.url);
    c.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.connections.push(c);
    return c;
  }

  private commands(): IORedis {
    this.client ??= this.connection();
    return this.client;
  }

  private queue(): Queue {
    this.jobs ??= quiet(
      new Queue(TRAINING_QUEUE, { connection: this.commands(), prefix: this.options.prefix }),
    );
    return this.jobs;
  }

  async checkAvailable(): Promise<void> {
    const client = this.commands();
    const until = Date.now() + REACH_MS;
    while (client.status !== 'ready') {
      if (Date.now() >= until)
        throw new JobQueueUnavailableError(`The job queue (Redis) is not connected (${client.status}).`);
      await sleep(25);
    }
    await within(Math.max(until - Date.now(), 100), client.ping(), 'PING');
  }

  async enqueue(trainingJobId: string): Promise<void> {
    await this.checkAvailable();
    await within(
      OPERATION_MS,
      this.queue().add('training', { trainingJobId } satisfies TrainingData, {
        jobId: trainingJobKey(trainingJobId),
        attempts: TRAINING_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 },
      }),
      'enqueue',
    );
  }

  async lost(trainingJobIds: string[]): Promise<string[]> {
    if (trainingJobIds.length === 0) return [];
    await this.checkAvailable();
    const states = await within(
      OPERATION_MS,
      Promise.all(trainingJobIds.map((id) => this.queue().getJobState(trainingJobKey(id)))),
      'job states',
    );
    return trainingJobIds.filter((_, i) => LOST_STATES.has(states[i]!));
  }

  async requeue(trainingJobId: string): Promise<void> {
    await this.checkAvailable();
    // A job that ended (kept for a while) would swallow a new one of the same id.
    await within(OPERATION_MS, this.queue().remove(trainingJobKey(trainingJobId)), 'remove');
    await this.enqueue(trainingJobId);
  }

  async claimWatchdog(periodMs: number): Promise<boolean> {
    await this.checkAvailable();
    const ttl = Math.max(Math.min(Math.floor(periodMs * 0.8), 10_000), 100);
    const claimed = await within(
      OPERATION_MS,
      this.commands().set(`${this.options.prefix}:training-watchdog`, randomUUID(), 'PX', ttl, 'NX'),
      'claim',
    );
    return claimed === 'OK';
  }

  async cancel(trainingJobId: string): Promise<void> {
    try {
      await this.checkAvailable();
      // Removes a waiting job; an active one is locked (not removed) and stops on the CANCELLED status.
      await within(OPERATION_MS, this.queue().remove(trainingJobKey(trainingJobId)), 'cancel');
    } catch (error) {
      // The CANCELLED status alone stops the work: a job that runs later does nothing for it.
      this.logger.debug(
        `Cancel of training ${trainingJobId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async startWorkers(processors: TrainingProcessors): Promise<void> {
    const run = async (job: Job<TrainingData>, token?: string) => {
      try {
        await processors.process(job.data.trainingJobId, this.stopping.signal);
      } catch (error) {
        if (!(error instanceof TrainingInterrupted) || token === undefined) throw error;
        await this.handBack(job, token);
        // Tells BullMQ the job is no longer ours (neither completed nor failed: no attempt is used up).
        throw new WaitingError();
      }
    };
    const worker = new Worker<TrainingData>(TRAINING_QUEUE, run, {
      prefix: this.options.prefix,
      connection: this.connection(),
      concurrency: 1,
      lockDuration: this.options.lockDuration ?? 6000,
      stalledInterval: this.options.stalledInterval ?? 3000,
      maxStalledCount: 5,
    });
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
        void processors.failed(job.data.trainingJobId, error.message).catch(() => undefined);
    });
    worker.on('error', (error) => this.logger.warn(`Training worker: ${error.message}`));
    this.worker = worker;
  }

  /** A stopping worker's training goes straight back to the waiting list instead of waiting for the stalled check. */
  private async handBack(job: Job<TrainingData>, token: string): Promise<void> {
    try {
      await within(OPERATION_MS, job.moveToWait(token), 'hand back');
      this.logger.log(
        `Worker stopping: training ${job.data.trainingJobId} handed back to the queue; another worker trains it now`,
      );
    } catch (error) {
      this.logger.warn(
        `Worker stopping: could not hand training ${job.data.trainingJobId} back (${error instanceof Error ? error.message : String(error)}); it is retried once its lock expires`,
      );
    }
  }

  async stopWorkers(): Promise<void> {
    this.stopping.abort();
    this.stopped ??= (async () => {
      const connected = this.connections.every((c) => c.status === 'ready');
      if (this.worker) await bounded(this.worker.close(!connected));
    })();
    await this.stopped;
  }

  async close(): Promise<void> {
    await this.stopWorkers();
    await bounded(this.jobs?.close() ?? Promise.resolve());
    await bounded(
      Promise.all(
        this.connections.map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()))),
      ),
    );
    for (const c of this.connections) c.disconnect();
  }
}
