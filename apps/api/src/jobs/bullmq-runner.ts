import { Logger } from '@nestjs/common';
import { bounded, BullMqRedis, type BullMqOptions } from './bullmq-redis';
import { BullMqWorkers } from './bullmq-workers';

/** What the BullMQ runners share: their Redis connections and this process's workers. */
export abstract class BullMqRunner {
  readonly kind = 'bullmq' as const;
  protected readonly logger = new Logger('BullMQ');
  protected readonly redis: BullMqRedis;
  protected readonly workers: BullMqWorkers;

  constructor(options: BullMqOptions) {
    this.redis = new BullMqRedis(options, this.logger);
    this.workers = new BullMqWorkers(this.redis, this.logger);
  }

  /** Closes the queues this runner opened. */
  protected abstract closeQueues(): Promise<unknown>;

  checkAvailable(): Promise<void> {
    return this.redis.checkAvailable();
  }

  stopWorkers(): Promise<void> {
    return this.workers.stop();
  }

  async close(): Promise<void> {
    await this.stopWorkers();
    await bounded(this.closeQueues());
    await this.redis.close();
  }
}
