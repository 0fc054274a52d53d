import { Logger } from '@nestjs/common';
import { FlowProducer, Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { chunkJobId, JOB_ATTEMPTS, parentJobId, SIMULATION_CHUNK_QUEUE, SIMULATION_QUEUE, type JobRunner, type SimulationProcessors } from './job-runner';

export interface BullMqOptions {
  url: string;
  /** Prefix of every Redis key (REDIS_PREFIX): several deployments or test runs share one Redis. */
  prefix: string;
  /**
   * A worker holds a lock on its job, renewed every lockDuration/2; when its process dies the lock
   * expires and the next stalled check (every stalledInterval, in any live worker) puts the job
   * back in the queue. Short values: a SIGKILLed worker's chunk is retried within a few seconds.
   */
  lockDuration?: number;
  stalledInterval?: number;
}

interface ChunkData {
  simulationId: string;
  chunkNo: number;
}
interface ParentData {
  simulationId: string;
}

const redis = (url: string) => new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false });

/** A simulation as a BullMQ flow: parent `simulation` waiting for one `simulation-chunk` child per chunk. */
export class BullMqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMQ');
  private readonly connections: IORedis[] = [];
  private flow: FlowProducer | undefined;
  private parents: Queue | undefined;
  private chunks: Queue | undefined;
  private readonly workers: Worker[] = [];

  constructor(private readonly options: BullMqOptions) {}

  private connection(): IORedis {
    const c = redis(this.options.url);
    c.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.connections.push(c);
    return c;
  }

  private producer(): FlowProducer {
    this.flow ??= new FlowProducer({ connection: this.connection(), prefix: this.options.prefix });
    return this.flow;
  }

  private parentQueue(): Queue {
    this.parents ??= new Queue(SIMULATION_QUEUE, { connection: this.connection(), prefix: this.options.prefix });
    return this.parents;
  }

  async jobCounts(): Promise<{ queue: string; state: string; jobs: number }[]> {
    this.chunks ??= new Queue(SIMULATION_CHUNK_QUEUE, { connection: this.connection(), prefix: this.options.prefix });
    const counts = [];
    for (const queue of [this.parentQueue(), this.chunks]) {
      const byState = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, jobs] of Object.entries(byState)) counts.push({ queue: queue.name, state, jobs });
    }
    return counts;
  }

  async enqueueSimulation(simulationId: string, chunkCount: number): Promise<void> {
    const keep = { removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } };
    await this.producer().add({
      name: 'simulation',
      queueName: SIMULATION_QUEUE,
      data: { simulationId } satisfies ParentData,
      opts: { jobId: parentJobId(simulationId), attempts: JOB_ATTEMPTS, backoff: { type: 'exponential', delay: 500 }, ...keep },
      children: Array.from({ length: chunkCount }, (_, chunkNo) => ({
        name: 'simulation-chunk',
        queueName: SIMULATION_CHUNK_QUEUE,
        data: { simulationId, chunkNo } satisfies ChunkData,
        opts: { jobId: chunkJobId(simulationId, chunkNo), attempts: JOB_ATTEMPTS, backoff: { type: 'exponential', delay: 500 }, failParentOnFailure: true, ...keep },
      })),
    });
  }

  async cancelSimulation(simulationId: string): Promise<void> {
    try {
      // Removes the parent and the children that are not running; running ones stop on the CANCELLED status.
      await this.parentQueue().remove(parentJobId(simulationId), { removeChildren: true });
    } catch (error) {
      this.logger.debug(`Cancel of ${simulationId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async startWorkers(processors: SimulationProcessors): Promise<void> {
    const common = {
      prefix: this.options.prefix,
      concurrency: 1,
      lockDuration: this.options.lockDuration ?? 6000,
      stalledInterval: this.options.stalledInterval ?? 3000,
      maxStalledCount: 5,
    };
    const onFailed = (job: Job<ChunkData | ParentData> | undefined, error: Error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) void processors.failed(job.data.simulationId, error.message).catch(() => undefined);
    };
    const chunks = new Worker<ChunkData>(SIMULATION_CHUNK_QUEUE, (job) => processors.processChunk(job.data.simulationId, job.data.chunkNo), { ...common, connection: this.connection() });
    const parents = new Worker<ParentData>(SIMULATION_QUEUE, (job) => processors.finish(job.data.simulationId), { ...common, connection: this.connection() });
    for (const worker of [chunks, parents] as Worker<ChunkData | ParentData>[]) {
      worker.on('failed', onFailed);
      worker.on('error', (error) => this.logger.warn(`Worker: ${error.message}`));
      this.workers.push(worker);
    }
    // Not awaited: the API starts (and says it is not ready) while Redis is unreachable; the workers connect when it answers.
  }

  async close(): Promise<void> {
    // Bounded: with Redis gone, closing must not hang the shutdown.
    const within = (work: Promise<unknown>) => Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    const connected = this.connections.every((c) => c.status === 'ready');
    await within(Promise.all(this.workers.map((w) => w.close(!connected))));
    await within(Promise.all([this.flow?.close(), this.parents?.close(), this.chunks?.close()]));
    await within(Promise.all(this.connections.map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect())))));
    for (const c of this.connections) c.disconnect();
  }
}
