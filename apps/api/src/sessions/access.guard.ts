import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppError, forbidden, unauthenticated } from '../common/errors';
import { UsersRepository } from '../users/users.repository';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ACCESS_KEY, requestOf, type AccessRule } from '../auth/access.decorators';

export interface AccessTokenPayload {
  sub: string;
}

/** Clocks of several API instances may differ a little. */
const CLOCK_SKEW_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The claims every access token this API issues has: a user id, when it was issued (not in the
 * future) and when it expires (no later than the configured lifetime allows). A correctly signed
 * token without them was not made by `login`/`refreshToken`, so it is refused.
 */
export function accessTokenProblem(
  payload: Record<string, unknown>,
  accessTtlSeconds: number,
  nowSeconds = Date.now() / 1000,
): string | null {
  const { sub, iat, exp } = payload;
  if (typeof sub !== 'string' || !UUID.test(sub)) return 'its subject is not a user id';
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'it has no expiry';
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return 'it has no issue time';
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return 'it was issued in the future';
  if (exp - iat > accessTtlSeconds + CLOCK_SKEW_SECONDS)
    return 'it is valid for longer than this API issues tokens for';
  return null;
}

/**
 * The one gate of every query, mutation and route: a declared access rule is required (none ⇒
 * denied), a valid access token of an active user unless public, and one of the listed roles.
 * Roles are read from the database on every request, so a role change applies at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule)
      throw new AppError('FORBIDDEN', 'This operation declares no access rule, so nobody may call it.');
    if (rule.kind === 'public') return true;
    const req = requestOf(ctx);
    const header = req.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthenticated();
    const invalid = () =>
      unauthenticated('The access token is invalid or expired: sign in again or use refreshToken.');
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync<Record<string, unknown>>(match[1]!);
    } catch {
      throw invalid();
    }
    if (
      typeof payload !== 'object' ||
      payload === null ||
      accessTokenProblem(payload, this.config.jwt.accessTtlSeconds)
    )
      throw invalid();
    const user = await this.users.findById(payload['sub'] as string);
    if (!user || !user.active)
      throw unauthenticated('The account of this access token is not active any more.');
    req.actor = { id: user.id, email: user.email, roles: user.roles };
    if (rule.kind === 'roles' && !user.roles.some((r) => rule.roles.includes(r))) throw forbidden(rule.roles);
    return true;
  }
}
