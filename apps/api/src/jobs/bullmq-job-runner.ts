import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { FlowProducer, Queue, WaitingError, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import {
  ChunkInterrupted,
  chunkJobId,
  JOB_ATTEMPTS,
  JobQueueUnavailableError,
  parentJobId,
  SIMULATION_CHUNK_QUEUE,
  SIMULATION_QUEUE,
  type JobRunner,
  type SimulationProcessors,
} from './job-runner';

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

/** How long a caller waits for Redis to answer before it is told to retry (runSimulation answers within 2 s). */
export const REACH_MS = 1000;
/** Bound on one queue operation once Redis has answered. */
export const OPERATION_MS = 3000;
/** Bound on stopping workers and closing connections: with Redis gone, shutdown must not hang. */
const CLOSE_MS = 5000;
/** The parent job is gone or ended while the simulation is still QUEUED/RUNNING: nothing will finish it. */
const LOST_STATES = new Set<string>(['unknown', 'completed', 'failed']);

export const redis = (url: string) => new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false });

/** Rejects with JobQueueUnavailableError when Redis does not answer in time (the command may still run later). */
export function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new JobQueueUnavailableError(`The job queue (Redis) did not answer within ${ms} ms (${what}).`),
        ),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Their connection's errors are logged by its own listener; without one of theirs BullMQ writes each to the console. */
export function quiet<T extends { on(event: 'error', listener: (error: Error) => void): unknown }>(
  emitter: T,
): T {
  emitter.on('error', () => undefined);
  return emitter;
}

export const bounded = (work: Promise<unknown>) =>
  Promise.race([work.catch(() => undefined), sleep(CLOSE_MS, undefined, { ref: false })]);

/** A simulation as a BullMQ flow: parent `simulation` waiting for one `simulation-chunk` child per chunk. */
export class BullMqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMQ');
  private readonly connections: IORedis[] = [];
  /** Commands (no blocking reads): the flow producer, the queues and the watchdog's claim share it. */
  private client: IORedis | undefined;
  private flow: FlowProducer | undefined;
  private parents: Queue | undefined;
  private chunks: Queue | undefined;
  private readonly workers: Worker[] = [];
  /** Aborted when this process's workers stop: a chunk being decided stops and is handed back. */
  private readonly stopping = new AbortController();
  private stopped: Promise<void> | undefined;

  constructor(private readonly options: BullMqOptions) {}

  private connection(): IORedis {
    const c = redis(this.options.url);
    c.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.connections.push(c);
    return c;
  }

  private commands(): IORedis {
    this.client ??= this.connection();
    return this.client;
  }

  private producer(): FlowProducer {
    this.flow ??= quiet(new FlowProducer({ connection: this.commands(), prefix: this.options.prefix }));
    return this.flow;
  }

  private parentQueue(): Queue {
    this.parents ??= quiet(
      new Queue(SIMULATION_QUEUE, { connection: this.commands(), prefix: this.options.prefix }),
    );
    return this.parents;
  }

  private chunkQueue(): Queue {
    this.chunks ??= quiet(
      new Queue(SIMULATION_CHUNK_QUEUE, { connection: this.commands(), prefix: this.options.prefix }),
    );
    return this.chunks;
  }

  /**
   * The connection waits for ever for a Redis that is away (commands queue until it returns), so
   * callers ask first: ready and answering a PING within REACH_MS, or JobQueueUnavailableError.
   */
  async checkAvailable(): Promise<void> {
    const client = this.commands();
    const until = Date.now() + REACH_MS;
    while (client.status !== 'ready') {
      if (Date.now() >= until)
        throw new JobQueueUnavailableError(`The job queue (Redis) is not connected (${client.status}).`);
      await sleep(25);
    }
    await within(Math.max(until - Date.now(), 100), client.ping(), 'PING');
  }

  async jobCounts(): Promise<{ queue: string; state: string; jobs: number }[]> {
    await this.checkAvailable();
    const counts = [];
    for (const queue of [this.parentQueue(), this.chunkQueue()]) {
      const byState = await within(
        OPERATION_MS,
        queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
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

  async lostSimulations(simulationIds: string[]): Promise<string[]> {
    if (simulationIds.length === 0) return [];
    await this.checkAvailable();
    const states = await within(
      OPERATION_MS,
      Promise.all(simulationIds.map((id) => this.parentQueue().getJobState(parentJobId(id)))),
      'job states',
    );
    return simulationIds.filter((_, i) => LOST_STATES.has(states[i]!));
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

  async claimWatchdog(periodMs: number): Promise<boolean> {
    await this.checkAvailable();
    // Long enough for one pass, and gone before this process's next period starts.
    const ttl = Math.max(Math.min(Math.floor(periodMs * 0.8), 10_000), 100);
    const claimed = await within(
      OPERATION_MS,
      this.commands().set(`${this.options.prefix}:simulation-watchdog`, randomUUID(), 'PX', ttl, 'NX'),
      'claim',
    );
    return claimed === 'OK';
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
    const common = {
      prefix: this.options.prefix,
      concurrency: 1,
      lockDuration: this.options.lockDuration ?? 6000,
      stalledInterval: this.options.stalledInterval ?? 3000,
      maxStalledCount: 5,
    };
    const onFailed = (job: Job<ChunkData | ParentData> | undefined, error: Error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
        void processors.failed(job.data.simulationId, error.message).catch(() => undefined);
    };
    const processChunk = async (job: Job<ChunkData>, token?: string) => {
      try {
        await processors.processChunk(job.data.simulationId, job.data.chunkNo, this.stopping.signal);
      } catch (error) {
        if (!(error instanceof ChunkInterrupted) || token === undefined) throw error;
        await this.handBack(job, token);
        // Tells BullMQ the job is no longer ours (neither completed nor failed: no attempt is used up).
        throw new WaitingError();
      }
    };
    const chunks = new Worker<ChunkData>(SIMULATION_CHUNK_QUEUE, processChunk, {
      ...common,
      connection: this.connection(),
    });
    const parents = new Worker<ParentData>(
      SIMULATION_QUEUE,
      (job) => processors.finish(job.data.simulationId),
      { ...common, connection: this.connection() },
    );
    for (const worker of [chunks, parents] as Worker<ChunkData | ParentData>[]) {
      worker.on('failed', onFailed);
      worker.on('error', (error) => this.logger.warn(`Worker: ${error.message}`));
      this.workers.push(worker);
    }
    // Not awaited: the API starts (and says it is not ready) while Redis is unreachable; the workers connect when it answers.
  }

  /** A stopping worker's chunk goes straight back to the waiting list (next in line), instead of waiting for the stalled check. */
  private async handBack(job: Job<ChunkData>, token: string): Promise<void> {
    const chunk = `chunk ${job.data.chunkNo} of simulation ${job.data.simulationId}`;
    try {
      await within(OPERATION_MS, job.moveToWait(token), 'hand back');
      this.logger.log(
        `Worker stopping: ${chunk} handed back to the queue (job ${job.id}); another worker takes it now`,
      );
    } catch (error) {
      this.logger.warn(
        `Worker stopping: could not hand ${chunk} back (${error instanceof Error ? error.message : String(error)}); it is retried once its lock expires`,
      );
    }
  }

  async stopWorkers(): Promise<void> {
    this.stopping.abort();
    this.stopped ??= (async () => {
      const connected = this.connections.every((c) => c.status === 'ready');
      await bounded(Promise.all(this.workers.map((w) => w.close(!connected))));
    })();
    await this.stopped;
  }

  async close(): Promise<void> {
    await this.stopWorkers();
    await bounded(Promise.all([this.flow?.close(), this.parents?.close(), this.chunks?.close()]));
    await bounded(
      Promise.all(
        this.connections.map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()))),
      ),
    );
    for (const c of this.connections) c.disconnect();
  }
}
