import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@nestjs/common';
import { FlowProducer, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { JobQueueUnavailableError } from './job-runner';

export interface BullMqOptions {
  url: string;
  /** Prefix of every Redis key (REDIS_PREFIX): several deployments or test runs share one Redis. */
  prefix: string;
  /**
   * A worker holds a lock on its job, renewed every lockDuration/2; when its process dies the lock
   * expires and the next stalled check (every stalledInterval, in any live worker) puts the job
   * back in the queue. Short values: a SIGKILLed worker's job is retried within a few seconds.
   */
  lockDuration?: number;
  stalledInterval?: number;
}

/** How long a caller waits for Redis to answer before it is told to retry (runSimulation answers within 2 s). */
export const REACH_MS = 1000;
/** Bound on one queue operation once Redis has answered. */
export const OPERATION_MS = 3000;
/** Bound on stopping workers and closing connections: with Redis gone, shutdown must not hang. */
const CLOSE_MS = 5000;
/** A job is gone or ended while its work is still QUEUED/RUNNING in the database: nothing will finish it. */
const LOST_STATES = new Set<string>(['unknown', 'completed', 'failed']);

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
function quiet<T extends { on(event: 'error', listener: (error: Error) => void): unknown }>(emitter: T): T {
  emitter.on('error', () => undefined);
  return emitter;
}

export const bounded = (work: Promise<unknown>) =>
  Promise.race([work.catch(() => undefined), sleep(CLOSE_MS, undefined, { ref: false })]);

/**
 * A BullMQ runner's Redis connections: one for commands (no blocking reads), shared by its queues,
 * its flow producer and the watchdog's claim, and one per worker.
 */
export class BullMqRedis {
  private readonly connections: IORedis[] = [];
  private client: IORedis | undefined;

  constructor(
    readonly options: BullMqOptions,
    private readonly logger: Logger,
  ) {}

  /** A new connection of its own (a worker's blocking reads). */
  connection(): IORedis {
    const c = new IORedis(this.options.url, { maxRetriesPerRequest: null, lazyConnect: false });
    c.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.connections.push(c);
    return c;
  }

  commands(): IORedis {
    this.client ??= this.connection();
    return this.client;
  }

  get allReady(): boolean {
    return this.connections.every((c) => c.status === 'ready');
  }

  queue(name: string): Queue {
    return quiet(new Queue(name, { connection: this.commands(), prefix: this.options.prefix }));
  }

  flowProducer(): FlowProducer {
    return quiet(new FlowProducer({ connection: this.commands(), prefix: this.options.prefix }));
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

  /** Whether this process runs this period's pass of the named watchdog: one pass at a time across processes. */
  async claimWatchdog(name: string, periodMs: number): Promise<boolean> {
    await this.checkAvailable();
    // Long enough for one pass, and gone before this process's next period starts.
    const ttl = Math.max(Math.min(Math.floor(periodMs * 0.8), 10_000), 100);
    const claimed = await within(
      OPERATION_MS,
      this.commands().set(`${this.options.prefix}:${name}`, randomUUID(), 'PX', ttl, 'NX'),
      'claim',
    );
    return claimed === 'OK';
  }

  /** Of these ids, the ones whose job (`jobId(id)` in `queue`) is gone or ended: see LOST_STATES. */
  async lost(queue: () => Queue, ids: string[], jobId: (id: string) => string): Promise<string[]> {
    if (ids.length === 0) return [];
    await this.checkAvailable();
    const jobs = queue();
    const states = await within(
      OPERATION_MS,
      Promise.all(ids.map((id) => jobs.getJobState(jobId(id)))),
      'job states',
    );
    return ids.filter((_, i) => LOST_STATES.has(states[i]!));
  }

  async close(): Promise<void> {
    await bounded(
      Promise.all(
        this.connections.map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()))),
      ),
    );
    for (const c of this.connections) c.disconnect();
  }
}
