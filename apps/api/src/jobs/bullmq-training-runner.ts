import type { Queue } from 'bullmq';
import { OPERATION_MS, within } from './bullmq-redis';
import { BullMqRunner } from './bullmq-runner';
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

/**
 * Training jobs on the `training` queue, with the simulations' Redis settings (REDIS_URL,
 * REDIS_PREFIX) and lock timings: a worker killed mid-training loses its lock within seconds and
 * the stalled check hands the job to another worker, which trains again from the start.
 */
export class BullMqTrainingRunner extends BullMqRunner implements TrainingRunner {
  private jobs: Queue | undefined;

  private queue(): Queue {
    this.jobs ??= this.redis.queue(TRAINING_QUEUE);
    return this.jobs;
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

  lost(trainingJobIds: string[]): Promise<string[]> {
    return this.redis.lost(() => this.queue(), trainingJobIds, trainingJobKey);
  }

  async requeue(trainingJobId: string): Promise<void> {
    await this.checkAvailable();
    // A job that ended (kept for a while) would swallow a new one of the same id.
    await within(OPERATION_MS, this.queue().remove(trainingJobKey(trainingJobId)), 'remove');
    await this.enqueue(trainingJobId);
  }

  claimWatchdog(periodMs: number): Promise<boolean> {
    return this.redis.claimWatchdog('training-watchdog', periodMs);
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
    this.workers.start<TrainingData>(TRAINING_QUEUE, {
      run: (job, stop) => processors.process(job.data.trainingJobId, stop),
      gaveUp: (job, message) =>
        void processors.failed(job.data.trainingJobId, message).catch(() => undefined),
      errorLabel: 'Training worker',
      handBack: {
        interrupted: (error) => error instanceof TrainingInterrupted,
        describe: (job) => `training ${job.data.trainingJobId}`,
      },
    });
  }

  protected closeQueues(): Promise<unknown> {
    return this.jobs?.close() ?? Promise.resolve();
  }
}
