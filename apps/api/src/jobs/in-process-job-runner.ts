import { Logger } from '@nestjs/common';
import { ChunkInterrupted, JOB_ATTEMPTS, type JobRunner, type SimulationProcessors } from './job-runner';

interface Task {
  simulationId: string;
  run(p: SimulationProcessors, stop: AbortSignal): Promise<void>;
}

/**
 * Without Redis: the same processors, called one task at a time from a queue in this process.
 * A simulation is its chunk tasks then its finishing task; a failing task is retried like a job.
 * The queue lives and dies with the process: after a restart the watchdog finds the simulations
 * left RUNNING and queues their missing chunks again.
 */
export class InProcessJobRunner implements JobRunner {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobs');
  private readonly queue: Task[] = [];
  private current: Task | undefined;
  private processors: SimulationProcessors | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  async checkAvailable(): Promise<void> {}

  async jobCounts(): Promise<{ queue: string; state: string; jobs: number }[]> {
    return [{ queue: 'in-process', state: 'waiting', jobs: this.queue.length }];
  }

  async enqueueSimulation(simulationId: string, chunkCount: number): Promise<void> {
    await this.requeueSimulation(
      simulationId,
      Array.from({ length: chunkCount }, (_, chunkNo) => chunkNo),
    );
  }

  async lostSimulations(simulationIds: string[]): Promise<string[]> {
    const held = new Set(
      [...this.queue, ...(this.current ? [this.current] : [])].map((task) => task.simulationId),
    );
    return simulationIds.filter((id) => !held.has(id));
  }

  async requeueSimulation(simulationId: string, chunkNos: number[]): Promise<void> {
    for (const chunkNo of chunkNos)
      this.queue.push({ simulationId, run: (p, stop) => p.processChunk(simulationId, chunkNo, stop) });
    this.queue.push({ simulationId, run: (p) => p.finish(simulationId) });
    this.drain();
  }

  /** One process holds the queue: it is always the one to check it. */
  async claimWatchdog(): Promise<boolean> {
    return true;
  }

  async cancelSimulation(simulationId: string): Promise<void> {
    for (let i = this.queue.length - 1; i >= 0; i--)
      if (this.queue[i]!.simulationId === simulationId) this.queue.splice(i, 1);
  }

  async startWorkers(processors: SimulationProcessors): Promise<void> {
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
      for (let task = this.queue.shift(); task && !this.closed; task = this.queue.shift()) {
        this.current = task;
        await this.attempt(task, processors);
        this.current = undefined;
      }
    })().finally(() => {
      this.current = undefined;
      this.running = undefined;
      if (this.queue.length && !this.closed) this.drain();
    });
  }

  private async attempt(task: Task, processors: SimulationProcessors): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await task.run(processors, this.stopping.signal);
        return;
      } catch (error) {
        // Stopping: the simulation stays RUNNING and the watchdog queues what is missing after the restart.
        if (error instanceof ChunkInterrupted) return;
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
