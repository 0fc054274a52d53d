import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { bounded, BullMqRedis, OPERATION_MS, within } from '../jobs/bullmq-redis';
import { BullMqWorkers } from '../jobs/bullmq-workers';
import { PartitionMaintenanceService } from './partition-maintenance.service';

export const MAINTENANCE_QUEUE = 'maintenance';
const SCHEDULER_ID = 'partition-maintenance';

/**
 * Runs partition maintenance once when the API starts (so today's and the next days' partitions
 * exist before the first decision) and then every PARTITION_MAINTENANCE_MINUTES: with REDIS_URL as
 * a BullMQ job scheduler (repeatable job) on the `maintenance` queue, so one API instance of many
 * runs each period; without Redis on a timer in this process. Passes of several processes at once
 * take turns on a PostgreSQL advisory lock.
 */
@Injectable()
export class MaintenanceSchedule
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('PartitionMaintenance');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private redis: BullMqRedis | undefined;
  private workers: BullMqWorkers | undefined;
  private queue: Queue | undefined;
  private lastProblem: string | undefined;
  private readonly tasks: (() => Promise<unknown>)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly maintenance: PartitionMaintenanceService,
  ) {}

  /** A task for every pass, run after the partitions (expired datasets, a feature trimming its own table). */
  addTask(task: () => Promise<unknown>): void {
    this.tasks.push(task);
  }

  onApplicationBootstrap(): void {
    void this.pass().catch(() => undefined);
    const every = this.config.retention.maintenanceMinutes * 60_000;
    const { url, prefix } = this.config.redis;
    if (!url) {
      this.timer = setInterval(() => void this.pass().catch(() => undefined), every);
      this.timer.unref();
      return;
    }
    this.redis = new BullMqRedis({ url, prefix }, this.logger);
    this.workers = new BullMqWorkers(this.redis, this.logger);
    this.workers.start(MAINTENANCE_QUEUE, {
      run: () => this.pass(),
      gaveUp: () => undefined,
      errorLabel: 'Partition maintenance worker',
    });
    this.queue = this.redis.queue(MAINTENANCE_QUEUE);
    // Not awaited: with Redis away the API still starts; the scheduler is stored once Redis answers.
    void within(
      OPERATION_MS,
      this.queue.upsertJobScheduler(
        SCHEDULER_ID,
        { every },
        { name: SCHEDULER_ID, opts: { removeOnComplete: 10, removeOnFail: 50 } },
      ),
      'schedule partition maintenance',
    ).catch((error: unknown) => this.report(error));
  }

  /** One pass at a time in this process; a failure is logged once per distinct problem and thrown (BullMQ records it). */
  pass(): Promise<void> {
    this.running ??= this.maintenance
      .run()
      .then(async () => {
        for (const task of this.tasks) await task();
      })
      .then(() => (this.lastProblem = undefined))
      .catch((error: unknown) => {
        this.report(error);
        throw error;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private report(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message !== this.lastProblem) this.logger.warn(`Partition maintenance: ${message}`);
    this.lastProblem = message;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.workers?.stop();
    await this.running?.catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await bounded(this.queue?.close() ?? Promise.resolve());
    await this.redis?.close();
  }
}
