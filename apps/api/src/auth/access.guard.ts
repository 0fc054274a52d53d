import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppError, forbidden, unauthenticated } from '../common/errors';
import { UsersRepository } from '../users/users.repository';
import { ACCESS_KEY, requestOf, type AccessRule } from './access.decorators';

export interface AccessTokenPayload {
  sub: string;
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
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) throw new AppError('FORBIDDEN', 'This operation declares no access rule, so nobody may call it.');
    if (rule.kind === 'public') return true;
    const req = requestOf(ctx);
    const header = req.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthenticated();
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload & object>(match[1]!);
    } catch {
      throw unauthenticated('The access token is invalid or expired: sign in again or use refreshToken.');
    }
    const user = await this.users.findById(payload.sub);
    if (!user || !user.active) throw unauthenticated('The account of this access token is not active any more.');
    req.actor = { id: user.id, email: user.email, roles: user.roles };
    if (rule.kind === 'roles' && !user.roles.some((r) => rule.roles.includes(r))) throw forbidden(rule.roles);
    return true;
  }
}
