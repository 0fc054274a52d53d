import { Logger } from '@nestjs/common';
import { InProcessRunner } from './in-process-runner';
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
 * Its tasks are training job ids.
 */
export class InProcessTrainingRunner extends InProcessRunner<string> implements TrainingRunner {
  private readonly logger = new Logger('InProcessTraining');

  constructor() {
    super(TRAINING_ATTEMPTS);
  }

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
}
