import { Logger } from '@nestjs/common';
import { JOB_ATTEMPTS, type JobRunner, type SimulationProcessors } from './job-runner';

interface Task {
  simulationId: string;
  run(p: SimulationProcessors): Promise<void>;
}

/**
 * Without Redis: the same processors, called one task at a time from a queue in this process.
 * A simulation is its chunk tasks then its finishing task; a failing task is retried like a job.
 */
export class InProcessJobRunner implements JobRunner {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobs');
  private readonly queue: Task[] = [];
  private processors: SimulationProcessors | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  async jobCounts(): Promise<{ queue: string; state: string; jobs: number }[]> {
    return [{ queue: 'in-process', state: 'waiting', jobs: this.queue.length }];
  }

  async enqueueSimulation(simulationId: string, chunkCount: number): Promise<void> {
    for (let chunkNo = 0; chunkNo < chunkCount; chunkNo++) this.queue.push({ simulationId, run: (p) => p.processChunk(simulationId, chunkNo) });
    this.queue.push({ simulationId, run: (p) => p.finish(simulationId) });
    this.drain();
  }

  async cancelSimulation(simulationId: string): Promise<void> {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.simulationId === simulationId) this.queue.splice(i, 1);
  }

  async startWorkers(processors: SimulationProcessors): Promise<void> {
    this.processors = processors;
    this.drain();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await this.running;
  }

  /** Resolves when nothing is queued or running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private drain(): void {
    if (this.running || !this.processors) return;
    const processors = this.processors;
    this.running = (async () => {
      // Let the request that queued the work answer first.
      await new Promise((resolve) => setImmediate(resolve));
      for (let task = this.queue.shift(); task && !this.closed; task = this.queue.shift()) await this.attempt(task, processors);
    })().finally(() => {
      this.running = undefined;
      if (this.queue.length && !this.closed) this.drain();
    });
  }

  private async attempt(task: Task, processors: SimulationProcessors): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await task.run(processors);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (attempt >= JOB_ATTEMPTS || this.closed) {
          this.logger.error(`Simulation ${task.simulationId} failed: ${message}`);
          await this.cancelSimulation(task.simulationId);
          await processors.failed(task.simulationId, message).catch(() => undefined);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }
}
