import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiKeysService } from '../api-keys/api-keys.service';
import type { ApiKey } from '../api-keys/api-key.entity';
import { AppError } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RateLimiter } from './rate-limiter';

export interface RequestWithApiKey {
  headers: Record<string, string | string[] | undefined>;
  apiKey?: ApiKey;
}

const UNAUTHENTICATED =
  'Send a valid API key as "Authorization: Bearer <key>" or "X-API-Key: <key>" (admins create keys with the createApiKey mutation).';

/**
 * REST routes of the decision API: a valid, unrevoked API key (Authorization: Bearer or X-API-Key),
 * then the key's rate limit. Used with `@Public()` so the studio's JWT guard lets the request through.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly limiter = new RateLimiter();

  constructor(
    private readonly apiKeys: ApiKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<RequestWithApiKey>();
    req.apiKey = await this.authenticate(req.headers);
    return true;
  }

  /** The caller's API key, its rate limit taken (also for the decision routes served ahead of Nest). */
  async authenticate(headers: RequestWithApiKey['headers']): Promise<ApiKey> {
    const secret = keyOf(headers);
    if (!secret) throw new AppError('UNAUTHENTICATED', UNAUTHENTICATED);
    const key = await this.apiKeys.verify(secret);
    if (!key) throw new AppError('UNAUTHENTICATED', `The API key is unknown or revoked. ${UNAUTHENTICATED}`);
    const retryAfter = this.limiter.take(
      key.id,
      key.rateLimitPerSecond ?? this.config.decisions.rateLimitPerSecond,
    );
    if (retryAfter)
      throw new AppError(
        'RATE_LIMITED',
        `Too many requests for API key ${key.prefix}…; retry after ${retryAfter} s.`,
        { retryAfterSeconds: retryAfter },
      );
    return key;
  }
}

function keyOf(headers: RequestWithApiKey['headers']): string | undefined {
  const auth = headers['authorization'];
  const bearer = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
  const header = headers['x-api-key'];
  return bearer ?? (typeof header === 'string' && header.trim() ? header.trim() : undefined);
}
