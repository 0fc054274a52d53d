import { Logger } from '@nestjs/common';
import { InProcessRunner } from './in-process-runner';
import {
  ChunkInterrupted,
  chunkPriority,
  JOB_ATTEMPTS,
  type JobRunner,
  type SimulationProcessors,
} from './job-runner';

interface Task {
  simulationId: string;
  /** chunkPriority: chunks in the same order as BullMQ's; a finishing task right after its last chunk. */
  priority: number;
  run(p: SimulationProcessors, stop: AbortSignal): Promise<void>;
}

/**
 * Without Redis: the same processors, called one task at a time from a queue in this process.
 * A simulation is its chunk tasks then its finishing task, interleaved with the other simulations'
 * by chunk number as BullMQ does (fair sharing); a failing task is retried like a job.
 * The queue lives and dies with the process: after a restart the watchdog finds the simulations
 * left RUNNING and queues their missing chunks again.
 */
export class InProcessJobRunner extends InProcessRunner<Task> implements JobRunner {
  private readonly logger = new Logger('InProcessJobs');

  constructor() {
    super(JOB_ATTEMPTS, (task) => task.priority);
  }

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
    const held = new Set(this.queue.held().map((task) => task.simulationId));
    return simulationIds.filter((id) => !held.has(id));
  }

  async requeueSimulation(simulationId: string, chunkNos: number[]): Promise<void> {
    const chunks = chunkNos.map((chunkNo): Task => ({
      simulationId,
      priority: chunkPriority(chunkNo),
      run: (p, stop) => p.processChunk(simulationId, chunkNo, stop),
    }));
    // Pushed after its chunks with the last one's priority: it runs after every one of them.
    const finishing: Task = {
      simulationId,
      priority: chunks.reduce((last, task) => Math.max(last, task.priority), chunkPriority(0)),
      run: (p) => p.finish(simulationId),
    };
    this.queue.push(...chunks, finishing);
  }

  async cancelSimulation(simulationId: string): Promise<void> {
    this.queue.remove((task) => task.simulationId === simulationId);
  }

  async startWorkers(processors: SimulationProcessors): Promise<void> {
    this.queue.start({
      run: (task, stop) => task.run(processors, stop),
      // Stopping: the simulation stays RUNNING and the watchdog queues what is missing after the restart.
      interrupted: (error) => error instanceof ChunkInterrupted,
      gaveUp: async ({ simulationId }, message) => {
        this.logger.error(`Simulation ${simulationId} failed: ${message}`);
        await this.cancelSimulation(simulationId);
        await processors.failed(simulationId, message).catch(() => undefined);
      },
    });
  }
}
