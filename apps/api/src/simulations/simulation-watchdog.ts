import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_RUNNER, type JobRunner } from '../jobs/job-runner';
import { LostJobWatchdog, MAX_REQUEUES } from '../jobs/lost-job-watchdog';
import { SimulationProcessor } from './simulation-processor';
import { SimulationsRepository, type UnfinishedSimulation } from './simulations.repository';

/** A simulation lost this many times is FAILED instead of queued again (the recovery test counts to it). */
export { MAX_REQUEUES };

/**
 * A simulation the job queue lost gets its missing chunks queued again — chunk results are stored
 * once each, so the totals stay exact — or, when that cannot help, is FAILED with the reason.
 * Without it such a simulation would stay RUNNING for ever.
 */
@Injectable()
export class SimulationWatchdog extends LostJobWatchdog<UnfinishedSimulation> {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(JOB_RUNNER) private readonly jobs: JobRunner,
    private readonly simulations: SimulationsRepository,
    private readonly processor: SimulationProcessor,
  ) {
    super(
      {
        loggerName: 'SimulationWatchdog',
        problemLabel: 'Simulation watchdog',
        queue: jobs,
        store: simulations,
        datasetDeleted:
          'Its jobs were lost from the job queue and its dataset was deleted since; nothing can finish it.',
        lostTooOften: `Its jobs were lost from the job queue ${MAX_REQUEUES} times (is Redis losing its data?); run it again.`,
      },
      config,
    );
  }

  protected lost(ids: string[]): Promise<string[]> {
    return this.jobs.lostSimulations(ids);
  }

  protected async requeue({ id, chunkCount }: UnfinishedSimulation): Promise<boolean> {
    const missing = await this.simulations.missingChunks(id, chunkCount);
    // It may have ended (finished, cancelled) since the list was read.
    if (!(await this.simulations.isUnfinished(id))) return false;
    await this.jobs.requeueSimulation(id, missing);
    this.logger.warn(
      `Simulation ${id}: its jobs were lost from the job queue (Redis restarted without its data?); queued again: ${missing.length} of ${chunkCount} chunks, then the merge`,
    );
    return true;
  }

  protected async fail(id: string, reason: string): Promise<void> {
    await this.processor.failed(id, reason);
    this.logger.warn(`Simulation ${id} FAILED: ${reason}`);
  }
}
