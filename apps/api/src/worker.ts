import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Logger, LoggerModule } from 'nestjs-pino';
import { AdaptiveModule } from './adaptive/adaptive.module';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { withLogFormat } from './common/log-format';
import { ConfigModule } from './config/config.module';
import { loadEnvFile } from './config/env-file';
import { runCommand } from './config/run-command';
import { dataSourceOptions } from './database/data-source-options';
import { JOB_RUNNER, type JobRunner } from './jobs/job-runner';
import { TRAINING_RUNNER, type TrainingRunner } from './jobs/training-runner';
import { TrainingModule } from './models/training.module';
import { SimulationRunsModule } from './simulations/simulation-runs.module';

/** Only the workers (simulations, training and the adaptive learner): no HTTP, no GraphQL. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.register(config),
        LoggerModule.forRoot({ pinoHttp: withLogFormat(config, { level: config.logLevel }) }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config), migrationsRun: false }),
        SimulationRunsModule.register('worker'),
        TrainingModule.register('worker'),
        AdaptiveModule.register('worker'),
      ],
    };
  }
}

/** `npm run worker`: one BullMQ worker process against REDIS_URL and DATABASE_URL (any number of them, on any machine). */
export async function runWorker(): Promise<void> {
  const config = loadConfig(loadEnvFile());
  if (!config.redis.url)
    throw new ConfigError([
      'REDIS_URL: is required to run a worker (without Redis the API runs simulations in-process)',
    ]);
  if (!config.database.url)
    throw new ConfigError([
      'DATABASE_URL: is required to run a worker (the embedded database belongs to the API process)',
    ]);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app
        .get(Logger)
        .log(
          `${signal}: stopping; a chunk being decided or a model being trained goes back to the queue for another worker`,
        );
      // At once rather than in the shutdown hooks' turn: the chunk stops at its next slice of rows.
      void app.get<symbol, JobRunner>(JOB_RUNNER).stopWorkers();
      void app.get<symbol, TrainingRunner>(TRAINING_RUNNER).stopWorkers();
      app
        .close()
        .then(() => process.exit(0))
        .catch(() => process.exit(1));
    });
  }
  app
    .get(Logger)
    .log(
      `Simulation worker running (Redis prefix ${config.redis.prefix}); it trains models too${config.learner.run ? ', and learns adaptive models when no other process does' : ''}`,
    );
}

if (require.main === module) runCommand(runWorker);
