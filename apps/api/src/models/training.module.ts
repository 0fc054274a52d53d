import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CustomerSchemaModule } from '../customer-schema/customer-schema.module';
import { DatasetsModule } from '../datasets/datasets.module';
import { BullMqTrainingRunner } from '../jobs/bullmq-training-runner';
import { InProcessTrainingRunner } from '../jobs/in-process-training-runner';
import { QueueWorkers } from '../jobs/queue-workers';
import { TRAINING_RUNNER, type TrainingRunner } from '../jobs/training-runner';
import { ModelsModule } from './models.module';
import { TrainingChoicesService } from './training-choices.service';
import { TrainingProcessor } from './training.processor';
import { TrainingResolver } from './training.resolver';
import { TrainingService } from './training.service';
import { TrainingWatchdog } from './training-watchdog';

export type TrainingProcessRole = 'api' | 'worker';
const TRAINING_PROCESS_ROLE = Symbol('TRAINING_PROCESS_ROLE');

/** BullMQ (queue `training`) when REDIS_URL is set, else the in-process queue. */
export function createTrainingRunner(config: AppConfig): TrainingRunner {
  return config.redis.url
    ? new BullMqTrainingRunner({ url: config.redis.url, prefix: config.redis.prefix })
    : new InProcessTrainingRunner();
}

/** Runs training jobs in this process, as the simulation workers do (see QueueWorkers). */
@Injectable()
export class TrainingWorkers extends QueueWorkers<TrainingProcessor> {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(TRAINING_RUNNER) runner: TrainingRunner,
    @Inject(TRAINING_PROCESS_ROLE) role: TrainingProcessRole,
    processor: TrainingProcessor,
  ) {
    super(config, runner, role, processor);
  }
}

/** Training models: the service, choices and resolver (API), the processor, workers and watchdog (both). */
@Module({})
export class TrainingModule {
  static register(role: TrainingProcessRole): DynamicModule {
    return {
      module: TrainingModule,
      imports: [ModelsModule, AuditModule, DatasetsModule, ...(role === 'api' ? [CustomerSchemaModule] : [])],
      providers: [
        { provide: TRAINING_PROCESS_ROLE, useValue: role },
        { provide: TRAINING_RUNNER, inject: [APP_CONFIG], useFactory: createTrainingRunner },
        TrainingProcessor,
        TrainingWorkers,
        TrainingWatchdog,
        ...(role === 'api' ? [TrainingChoicesService, TrainingService, TrainingResolver] : []),
      ],
      exports: [TRAINING_RUNNER],
    };
  }
}
