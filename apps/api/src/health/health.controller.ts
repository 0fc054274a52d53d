import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The process is up (for liveness probes; touches nothing else). */
  @Public()
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready to serve: the database answers, every migration is applied, Redis answers (when configured). */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => this.migrations(),
      ...(this.config.redis.url ? [() => this.redis(this.config.redis.url!)] : []),
    ]);
  }

  private async migrations() {
    const session = this.indicators.check('migrations');
    try {
      const pending = await this.dataSource.showMigrations();
      return pending
        ? session.down({ message: 'migrations are pending: run npm run migrate' })
        : session.up();
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }

  private async redis(url: string) {
    const session = this.indicators.check('redis');
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 1500,
      enableOfflineQueue: false,
    });
    try {
      await client.connect();
      await client.ping();
      return session.up();
    } catch {
      return session.down({ message: 'Redis does not answer' });
    } finally {
      client.disconnect();
    }
  }
}
