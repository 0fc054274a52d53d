import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TRAINING_RUNNER, type TrainingRunner } from '../jobs/training-runner';
import { TrainingJobsRepository, type UnfinishedTraining } from './training-jobs.repository';

/** A training lost this many times is FAILED instead of queued again. */
export const MAX_TRAINING_REQUEUES = 3;

/**
 * Every SIMULATION_WATCHDOG_SECONDS, like the simulations' watchdog: compares the QUEUED and
 * RUNNING training jobs with the job queue. One the queue lost (Redis restarted without its data,
 * the quick start's process restarted mid-training) is queued again — it trains from the start and
 * registers once — or, when that cannot help (its dataset was deleted, lost too often), FAILED.
 * A worker killed mid-training needs no help from here: BullMQ's stalled check hands its job on.
 */
@Injectable()
export class TrainingWatchdog implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TrainingWatchdog');
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  /** Requeues per job by this process. */
  private readonly requeues = new Map<string, number>();
  private lastProblem: string | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TRAINING_RUNNER) private readonly runner: TrainingRunner,
    private readonly jobs: TrainingJobsRepository,
  ) {}

  private get periodMs(): number {
    return this.config.jobs.watchdogSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), this.periodMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** One pass (one at a time per process; across processes, the one that claims the period). */
  check(): Promise<void> {
    this.checking ??= this.pass()
      .then(() => (this.lastProblem = undefined))
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.lastProblem) this.logger.warn(`Training watchdog: ${message}`);
        this.lastProblem = message;
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async pass(): Promise<void> {
    if (!(await this.runner.claimWatchdog(this.periodMs))) return;
    const unfinished = await this.jobs.unfinished();
    for (const id of this.requeues.keys()) if (!unfinished.some((j) => j.id === id)) this.requeues.delete(id);
    if (unfinished.length === 0) return;
    const lost = new Set(await this.runner.lost(unfinished.map((j) => j.id)));
    for (const job of unfinished) if (lost.has(job.id)) await this.recover(job);
  }

  private async recover(job: UnfinishedTraining): Promise<void> {
    if (!job.datasetId)
      return this.fail(
        job.id,
        'Its job was lost from the job queue and its dataset was deleted since; nothing was registered.',
      );
    const requeues = (this.requeues.get(job.id) ?? 0) + 1;
    if (requeues > MAX_TRAINING_REQUEUES)
      return this.fail(
        job.id,
        `Its job was lost from the job queue ${MAX_TRAINING_REQUEUES} times (is Redis losing its data?); train again.`,
      );
    await this.runner.requeue(job.id);
    this.requeues.set(job.id, requeues);
    this.logger.warn(
      `Training ${job.id}: its job was lost from the job queue (a restart, or Redis without its data?); queued again, it trains from the start`,
    );
  }

  private async fail(id: string, reason: string): Promise<void> {
    if (await this.jobs.fail(id, reason)) this.logger.warn(`Training ${id} FAILED: ${reason}`);
    this.requeues.delete(id);
  }
}
