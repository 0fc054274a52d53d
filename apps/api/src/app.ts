import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { RequestGate } from './health/request-gate';
import { API_PREFIX } from './rest/openapi';
import { bodyErrors, RestNotFoundFilter } from './rest/rest-exception.filter';
import { serveStudio, studioDirectory } from './studio/serve-studio';

/** The API as a Nest application, initialised (migrations applied) but not listening. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // First: after SIGTERM no new request gets in (see main.ts).
  app.use(app.get(RequestGate).middleware);
  app.useBodyParser('json', { limit: '2mb' });
  app.use(API_PREFIX, bodyErrors('rest'));
  app.use('/graphql', bodyErrors('graphql'));
  app.useGlobalFilters(new RestNotFoundFilter());
  app.disable('x-powered-by');
  const studio = studioDirectory(config.studioDir);
  if (studio) serveStudio(app, studio);
  await app.init();
  return app;
}
