import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/** The part of a job runner that runs workers in this process. */
interface WorkerHost<Processors> {
  readonly kind: 'bullmq' | 'in-process';
  startWorkers(processors: Processors): Promise<void>;
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs a job runner's workers in this process: always in-process without Redis; with Redis in
 * `npm run worker` and, unless RUN_WORKER=false, in the API process too.
 */
export abstract class QueueWorkers<Processors>
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    private readonly config: AppConfig,
    private readonly runner: WorkerHost<Processors>,
    private readonly role: 'api' | 'worker',
    private readonly processors: Processors,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.runner.kind === 'in-process' || this.role === 'worker' || this.config.jobs.runWorker)
      await this.runner.startWorkers(this.processors);
  }

  /** Before the database closes: the work under way stops and goes back to the queue. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stopWorkers();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }
}
