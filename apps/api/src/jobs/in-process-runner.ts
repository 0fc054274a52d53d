import { InProcessQueue } from './in-process-queue';

/**
 * What the in-process runners (quick start, no Redis) share: a queue in this process, which is
 * always the one to check it, started and stopped with the workers.
 */
export abstract class InProcessRunner<Task> {
  readonly kind = 'in-process' as const;
  protected readonly queue: InProcessQueue<Task>;

  constructor(attempts: number, priority?: (task: Task) => number) {
    this.queue = new InProcessQueue<Task>(attempts, priority);
  }

  async checkAvailable(): Promise<void> {}

  /** One process holds the queue: it is always the one to check it. */
  async claimWatchdog(): Promise<boolean> {
    return true;
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
