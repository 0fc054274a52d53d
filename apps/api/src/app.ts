import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { queryNestingCheck } from './common/graphql/argument-check';
import type { AppConfig } from './config/app-config';
import { securityHeaders } from './common/security-headers';
import { RequestGate } from './health/request-gate';
import { API_PREFIX } from './rest/openapi';
import { bodyErrors, RestNotFoundFilter } from './rest/rest-exception.filter';
import { RestPathDecodeFilter } from './rest/rest-path-decode.filter';
import { restInputCheck } from './rest/rest-input-check';
import { serveStudio, studioDirectory } from './studio/serve-studio';
import { decisionPaths, decisionRoutes } from './decisions/decision-routes';
import { DecisionsService } from './decisions/decisions.service';
import { ApiKeyGuard } from './rest/api-key.guard';
import { serveRoutesAhead } from './rest/routes-ahead';

/** The API as a Nest application, initialised (migrations applied) but not listening. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // First: after SIGTERM no new request gets in (see main.ts).
  app.use(app.get(RequestGate).middleware);
  const headers = securityHeaders({ graphqlSandbox: config.graphql.sandbox });
  app.use(headers);
  app.useBodyParser('json', { limit: '2mb' });
  app.use(API_PREFIX, bodyErrors('rest'));
  app.use(API_PREFIX, restInputCheck());
  app.use('/graphql', bodyErrors('graphql'));
  app.use('/graphql', queryNestingCheck());
  app.useGlobalFilters(new RestNotFoundFilter(), new RestPathDecodeFilter());
  app.disable('x-powered-by');
  // The client address (sign-in throttling) is X-Forwarded-For's only behind the proxies named here.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  const studio = studioDirectory(config.studioDir);
  if (studio) serveStudio(app, studio, { sourceMaps: config.env !== 'production' });
  await app.init();
  // The decision API's hot path, ahead of everything above (see routes-ahead.ts).
  serveRoutesAhead(app.getHttpServer(), {
    express: app.getHttpAdapter().getInstance(),
    routes: decisionPaths(decisionRoutes(app.get(DecisionsService))),
    gate: app.get(RequestGate),
    apiKeys: app.get(ApiKeyGuard),
    securityHeaders: headers,
  });
  return app;
}
