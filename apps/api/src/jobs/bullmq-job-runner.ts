import { randomUUID } from 'node:crypto';
import type { FlowProducer, Queue } from 'bullmq';
import { OPERATION_MS, within } from './bullmq-redis';
import { BullMqRunner } from './bullmq-runner';
import {
  ChunkInterrupted,
  chunkJobId,
  chunkPriority,
  JOB_ATTEMPTS,
  parentJobId,
  SIMULATION_CHUNK_QUEUE,
  SIMULATION_QUEUE,
  type JobRunner,
  type SimulationProcessors,
} from './job-runner';

interface ChunkData {
  simulationId: string;
  chunkNo: number;
}
interface ParentData {
  simulationId: string;
}

/** A simulation as a BullMQ flow: parent `simulation` waiting for one `simulation-chunk` child per chunk. */
export class BullMqJobRunner extends BullMqRunner implements JobRunner {
  private flow: FlowProducer | undefined;
  private parents: Queue | undefined;
  private chunks: Queue | undefined;

  private producer(): FlowProducer {
    this.flow ??= this.redis.flowProducer();
    return this.flow;
  }

  private parentQueue(): Queue {
    this.parents ??= this.redis.queue(SIMULATION_QUEUE);
    return this.parents;
  }

  private chunkQueue(): Queue {
    this.chunks ??= this.redis.queue(SIMULATION_CHUNK_QUEUE);
    return this.chunks;
  }

  async jobCounts(): Promise<{ queue: string; state: string; jobs: number }[]> {
    await this.checkAvailable();
    const counts = [];
    for (const queue of [this.parentQueue(), this.chunkQueue()]) {
      const byState = await within(
        OPERATION_MS,
        // Chunks wait as `prioritized` (fair sharing), finishing jobs as `waiting`.
        queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
        'job counts',
      );
      for (const [state, jobs] of Object.entries(byState)) counts.push({ queue: queue.name, state, jobs });
    }
    return counts;
  }

  async enqueueSimulation(simulationId: string, chunkCount: number): Promise<void> {
    await this.checkAvailable();
    const chunkNos = Array.from({ length: chunkCount }, (_, chunkNo) => chunkNo);
    await within(
      OPERATION_MS,
      this.addFlow(simulationId, chunkNos, (chunkNo) => chunkJobId(simulationId, chunkNo)),
      'enqueue',
    );
  }

  lostSimulations(simulationIds: string[]): Promise<string[]> {
    return this.redis.lost(() => this.parentQueue(), simulationIds, parentJobId);
  }

  async requeueSimulation(simulationId: string, chunkNos: number[]): Promise<void> {
    await this.checkAvailable();
    // A parent that ended (kept for a while after completing or failing) would swallow a new one of the same id.
    await within(
      OPERATION_MS,
      this.parentQueue().remove(parentJobId(simulationId), { removeChildren: true }),
      'remove',
    );
    // Fresh chunk job ids for the same reason: a kept chunk job of the lost flow must not stand for a new one.
    const attempt = randomUUID().slice(0, 8);
    await within(
      OPERATION_MS,
      this.addFlow(
        simulationId,
        chunkNos,
        (chunkNo) => `${chunkJobId(simulationId, chunkNo)}-requeued-${attempt}`,
      ),
      'requeue',
    );
  }

  claimWatchdog(periodMs: number): Promise<boolean> {
    return this.redis.claimWatchdog('simulation-watchdog', periodMs);
  }

  private async addFlow(
    simulationId: string,
    chunkNos: number[],
    childJobId: (chunkNo: number) => string,
  ): Promise<void> {
    const keep = { removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } };
    await this.producer().add({
      name: 'simulation',
      queueName: SIMULATION_QUEUE,
      data: { simulationId } satisfies ParentData,
      opts: {
        jobId: parentJobId(simulationId),
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 500 },
        ...keep,
      },
      children: chunkNos.map((chunkNo) => ({
        name: 'simulation-chunk',
        queueName: SIMULATION_CHUNK_QUEUE,
        data: { simulationId, chunkNo } satisfies ChunkData,
        opts: {
          jobId: childJobId(chunkNo),
          priority: chunkPriority(chunkNo),
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: 500 },
          failParentOnFailure: true,
          ...keep,
        },
      })),
    });
  }

  async cancelSimulation(simulationId: string): Promise<void> {
    try {
      await this.checkAvailable();
      // Removes the parent and the children that are not running; running ones stop on the CANCELLED status.
      await within(
        OPERATION_MS,
        this.parentQueue().remove(parentJobId(simulationId), { removeChildren: true }),
        'cancel',
      );
    } catch (error) {
      // The CANCELLED status alone stops the work: a job that runs later does nothing for it.
      this.logger.debug(
        `Cancel of ${simulationId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async startWorkers(processors: SimulationProcessors): Promise<void> {
    const gaveUp = (job: { data: ParentData }, message: string) =>
      void processors.failed(job.data.simulationId, message).catch(() => undefined);
    this.workers.start<ChunkData>(SIMULATION_CHUNK_QUEUE, {
      run: (job, stop) => processors.processChunk(job.data.simulationId, job.data.chunkNo, stop),
      gaveUp,
      errorLabel: 'Worker',
      handBack: {
        interrupted: (error) => error instanceof ChunkInterrupted,
        describe: (job) => `chunk ${job.data.chunkNo} of simulation ${job.data.simulationId}`,
      },
    });
    this.workers.start<ParentData>(SIMULATION_QUEUE, {
      run: (job) => processors.finish(job.data.simulationId),
      gaveUp,
      errorLabel: 'Worker',
    });
  }

  protected closeQueues(): Promise<unknown> {
    return Promise.all([this.flow?.close(), this.parents?.close(), this.chunks?.close()]);
  }
}
