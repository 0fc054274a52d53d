import { Logger } from '@nestjs/common';
import { InProcessQueue } from './in-process-queue';
import {
  TRAINING_ATTEMPTS,
  TrainingInterrupted,
  type TrainingProcessors,
  type TrainingRunner,
} from './training-runner';

/**
 * Without Redis: the same processors, one training at a time from a queue in this process (the
 * trainer itself runs in a worker thread, so requests are served meanwhile). The queue lives and
 * dies with the process: after a restart the watchdog finds the jobs left RUNNING and queues them again.
 */
export class InProcessTrainingRunner implements TrainingRunner {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessTraining');
  /** Training job ids. */
  private readonly queue = new InProcessQueue<string>(TRAINING_ATTEMPTS);

  async checkAvailable(): Promise<void> {}

  async enqueue(trainingJobId: string): Promise<void> {
    this.queue.push(trainingJobId);
  }

  async lost(trainingJobIds: string[]): Promise<string[]> {
    const held = new Set(this.queue.held());
    return trainingJobIds.filter((id) => !held.has(id));
  }

  requeue(trainingJobId: string): Promise<void> {
    return this.enqueue(trainingJobId);
  }

  /** One process holds the queue: it is always the one to check it. */
  async claimWatchdog(): Promise<boolean> {
    return true;
  }

  async cancel(trainingJobId: string): Promise<void> {
    this.queue.remove((id) => id === trainingJobId);
  }

  async startWorkers(processors: TrainingProcessors): Promise<void> {
    this.queue.start({
      run: (id, stop) => processors.process(id, stop),
      // Stopping: the job stays RUNNING and the watchdog queues it again after the restart.
      interrupted: (error) => error instanceof TrainingInterrupted,
      gaveUp: async (id, message) => {
        this.logger.error(`Training ${id} failed: ${message}`);
        await processors.failed(id, message).catch(() => undefined);
      },
    });
  }

  async stopWorkers(): Promise<void> {
    await this.queue.stop();
  }

  async close(): Promise<void> {
    await this.stopWorkers();
  }

  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
