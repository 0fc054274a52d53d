import { Logger } from '@nestjs/common';
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
  private readonly queue: string[] = [];
  private current: string | undefined;
  private processors: TrainingProcessors | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  async checkAvailable(): Promise<void> {}

  async enqueue(trainingJobId: string): Promise<void> {
    this.queue.push(trainingJobId);
    this.drain();
  }

  async lost(trainingJobIds: string[]): Promise<string[]> {
    const held = new Set([...this.queue, ...(this.current ? [this.current] : [])]);
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
    for (let i = this.queue.length - 1; i >= 0; i--)
      if (this.queue[i] === trainingJobId) this.queue.splice(i, 1);
  }

  async startWorkers(processors: TrainingProcessors): Promise<void> {
    this.processors = processors;
    this.drain();
  }

  async stopWorkers(): Promise<void> {
    this.stopping.abort();
    this.queue.length = 0;
    await this.running;
  }

  async close(): Promise<void> {
    await this.stopWorkers();
  }

  /** Resolves when nothing is queued or running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private get closed(): boolean {
    return this.stopping.signal.aborted;
  }

  private drain(): void {
    if (this.running || !this.processors || this.closed) return;
    const processors = this.processors;
    this.running = (async () => {
      // Let the request that queued the work answer first.
      await new Promise((resolve) => setImmediate(resolve));
      for (let id = this.queue.shift(); id !== undefined && !this.closed; id = this.queue.shift()) {
        this.current = id;
        await this.attempt(id, processors);
        this.current = undefined;
      }
    })().finally(() => {
      this.current = undefined;
      this.running = undefined;
      if (this.queue.length && !this.closed) this.drain();
    });
  }

  private async attempt(id: string, processors: TrainingProcessors): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await processors.process(id, this.stopping.signal);
        return;
      } catch (error) {
        // Stopping: the job stays RUNNING and the watchdog queues it again after the restart.
        if (error instanceof TrainingInterrupted) return;
        const message = error instanceof Error ? error.message : String(error);
        if (attempt >= TRAINING_ATTEMPTS || this.closed) {
          this.logger.error(`Training ${id} failed: ${message}`);
          await processors.failed(id, message).catch(() => undefined);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }
}
