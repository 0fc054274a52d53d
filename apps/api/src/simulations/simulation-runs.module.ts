import { Inject, Injectable, Module, Optional, type DynamicModule } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import { ActionsModule } from '../actions/actions.module';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CustomerSchemaModule } from '../customer-schema/customer-schema.module';
import { DatasetsModule } from '../datasets/datasets.module';
import { BullMqJobRunner } from '../jobs/bullmq-job-runner';
import { InProcessJobRunner } from '../jobs/in-process-job-runner';
import { ModelsModule } from '../models/models.module';
import { JOB_RUNNER, type JobRunner } from '../jobs/job-runner';
import { QueueWorkers } from '../jobs/queue-workers';
import { StrategyReadsModule } from '../strategies/strategy-reads.module';
import { AdaptiveServingModule } from '../adaptive/adaptive-serving.module';
import { CustomerExportController } from './customer-export.controller';
import { CustomerExportService } from './customer-export.service';
import { LearningReplayRunner } from './learning-replay.runner';
import { SimulationProcessor } from './simulation-processor';
import { SimulationRunsResolver } from './simulation-runs.resolver';
import { SimulationWatchdog } from './simulation-watchdog';
import { SimulationsRepository } from './simulations.repository';
import { SimulationsService } from './simulations.service';

export const PROCESS_ROLE = Symbol('PROCESS_ROLE');
export type ProcessRole = 'api' | 'worker';

/** BullMQ when REDIS_URL is set, else the in-process queue. */
export function createJobRunner(config: AppConfig): JobRunner {
  return config.redis.url
    ? new BullMqJobRunner({ url: config.redis.url, prefix: config.redis.prefix })
    : new InProcessJobRunner();
}

/** Runs the simulation workers of this process (see QueueWorkers) and reports their queue to the metrics. */
@Injectable()
export class SimulationWorkers extends QueueWorkers<SimulationProcessor> {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(JOB_RUNNER) private readonly jobs: JobRunner,
    @Inject(PROCESS_ROLE) role: ProcessRole,
    processor: SimulationProcessor,
    private readonly simulations: SimulationsService,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    super(config, jobs, role, processor);
  }

  override async onApplicationBootstrap(): Promise<void> {
    this.metrics?.addQueueDepthSource(() => this.jobs.jobCounts());
    this.metrics?.addSimulationRateSource(() => this.simulations.runningRates());
    await super.onApplicationBootstrap();
  }
}

/** Running simulations: the service and resolver (API), the processors and the workers (both). */
@Module({})
export class SimulationRunsModule {
  static register(role: ProcessRole): DynamicModule {
    return {
      module: SimulationRunsModule,
      imports: [
        AuditModule,
        ActionsModule,
        CustomerSchemaModule,
        DatasetsModule,
        ModelsModule,
        AdaptiveServingModule,
        StrategyReadsModule,
      ],
      providers: [
        { provide: PROCESS_ROLE, useValue: role },
        { provide: JOB_RUNNER, inject: [APP_CONFIG], useFactory: createJobRunner },
        SimulationProcessor,
        LearningReplayRunner,
        SimulationsRepository,
        SimulationsService,
        SimulationWorkers,
        SimulationWatchdog,
        ...(role === 'api' ? [SimulationRunsResolver, CustomerExportService] : []),
      ],
      controllers: role === 'api' ? [CustomerExportController] : [],
      exports: [SimulationsService, JOB_RUNNER, SimulationProcessor],
    };
  }
}
