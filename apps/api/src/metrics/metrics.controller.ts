import { Controller, ForbiddenException, Get, Header, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { MetricsService } from './metrics.service';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Prometheus scrape endpoint. With METRICS_TOKEN set it needs `Authorization: Bearer <token>`;
 * without it only this machine (loopback) may read it.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() req: Request): Promise<string> {
    if (!this.allowed(req))
      throw new ForbiddenException(
        'metrics: send Authorization: Bearer <METRICS_TOKEN>, or scrape from this machine',
      );
    req.res?.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }

  private allowed(req: Request): boolean {
    const token = this.config.metricsToken;
    if (!token) return LOOPBACK.has(req.socket.remoteAddress ?? '');
    const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
