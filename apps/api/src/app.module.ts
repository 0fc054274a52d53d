import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { withLogFormat } from './common/log-format';
import { ActionsModule } from './actions/actions.module';
import { AdaptiveModule } from './adaptive/adaptive.module';
import { AuditModule } from './audit/audit.module';
import { SessionsModule } from './sessions/sessions.module';
import { graphqlOptions } from './common/graphql/graphql-options';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CustomerSchemaModule } from './customer-schema/customer-schema.module';
import { DatasetsModule } from './datasets/datasets.module';
import { FairnessModule } from './fairness/fairness.module';
import { dataSourceOptions } from './database/data-source-options';
import { DemoSeedModule } from './database/demo/demo-seed.module';
import { DecisionsModule } from './decisions/decisions.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { ModelsModule } from './models/models.module';
import { TrainingModule } from './models/training.module';
import { ReviewsModule } from './reviews/reviews.module';
import { RetentionModule } from './retention/retention.module';
import { SimulationRunsModule } from './simulations/simulation-runs.module';
import { SimulationsModule } from './simulations/simulations.module';
import { StrategiesModule } from './strategies/strategies.module';
import { UsersModule } from './users/users.module';
import { DocsModule } from './rest/docs.module';
import { OPENAPI_CONTRIBUTIONS } from './openapi-contributions';

/** A request id from a sane `x-request-id` header, or a new one; echoed in the response. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        LoggerModule.forRoot({
          pinoHttp: withLogFormat(config, {
            level: config.logLevel,
            genReqId: requestId,
            // Only what identifies the request: no headers (tokens), no bodies (passwords, personal data).
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
          }),
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config),
          migrationsRun: config.database.migrateOnStart,
        }),
        GraphQLModule.forRoot(graphqlOptions(config)),
        SessionsModule,
        UsersModule,
        AuditModule,
        ActionsModule,
        CustomerSchemaModule,
        SimulationsModule,
        DatasetsModule,
        SimulationRunsModule.register('api'),
        ModelsModule,
        TrainingModule.register('api'),
        AdaptiveModule.register('api'),
        StrategiesModule,
        FairnessModule,
        ReviewsModule,
        DecisionsModule,
        DocsModule.register(OPENAPI_CONTRIBUTIONS),
        ExperimentsModule,
        RetentionModule,
        HealthModule,
        MetricsModule,
        DemoSeedModule,
      ],
    };
  }
}
