import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LostJobWatchdog, MAX_REQUEUES } from '../jobs/lost-job-watchdog';
import { TRAINING_RUNNER, type TrainingRunner } from '../jobs/training-runner';
import { TrainingJobsRepository, type UnfinishedTraining } from './training-jobs.repository';

/**
 * A training job the job queue lost (Redis restarted without its data, the quick start's process
 * restarted mid-training) is queued again — it trains from the start and registers once — or, when
 * that cannot help (its dataset was deleted, lost too often), FAILED.
 * A worker killed mid-training needs no help from here: BullMQ's stalled check hands its job on.
 */
@Injectable()
export class TrainingWatchdog extends LostJobWatchdog<UnfinishedTraining> {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(TRAINING_RUNNER) private readonly runner: TrainingRunner,
    private readonly jobs: TrainingJobsRepository,
  ) {
    super(
      {
        loggerName: 'TrainingWatchdog',
        problemLabel: 'Training watchdog',
        queue: runner,
        store: jobs,
        datasetDeleted:
          'Its job was lost from the job queue and its dataset was deleted since; nothing was registered.',
        lostTooOften: `Its job was lost from the job queue ${MAX_REQUEUES} times (is Redis losing its data?); train again.`,
      },
      config,
    );
  }

  protected lost(ids: string[]): Promise<string[]> {
    return this.runner.lost(ids);
  }

  protected async requeue(job: UnfinishedTraining): Promise<boolean> {
    await this.runner.requeue(job.id);
    this.logger.warn(
      `Training ${job.id}: its job was lost from the job queue (a restart, or Redis without its data?); queued again, it trains from the start`,
    );
    return true;
  }

  protected async fail(id: string, reason: string): Promise<void> {
    if (await this.jobs.fail(id, reason)) this.logger.warn(`Training ${id} FAILED: ${reason}`);
  }
}
