import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { unauthenticated } from '../common/errors';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import type { AccessTokenPayload } from './access.guard';
import type { Actor } from '../auth/actor';
import type { AuthPayload } from './dto/auth.types';
import { LoginThrottle } from './login-throttle.service';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords';
import { RefreshTokensRepository } from './refresh-tokens.repository';

const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Sign-in with email and password; short-lived JWT access tokens and one-time refresh tokens
 * (`<id>.<secret>`, only a hash of the secret is stored). Reusing a refresh token that was already
 * used revokes every session of the user: somebody copied it.
 */
@Injectable()
export class SessionsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly tokens: RefreshTokensRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  /** The dummy hash is made now, so the first sign-in with an unknown email takes no longer than any other. */
  async onModuleInit(): Promise<void> {
    await dummyPasswordHash();
  }

  /**
   * Unknown emails are checked against a dummy hash of the same cost, and counted by the throttle
   * like known ones: neither the answer nor its timing says whether an account exists.
   */
  async login(email: string, password: string, clientAddress: string): Promise<AuthPayload> {
    const attempt = await this.throttle.begin(email, clientAddress);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || !user.active) {
      await this.throttle.failed(attempt, user?.id ?? null);
      throw unauthenticated('Wrong email or password, or the account is deactivated.');
    }
    await this.throttle.succeeded(attempt);
    return this.dataSource.transaction((em) => this.issue(em, user));
  }

  async refresh(refreshToken: string): Promise<AuthPayload> {
    const [id, secret] = refreshToken.split('.') as [string, string];
    const invalid = () => unauthenticated('The refresh token is invalid, used or expired: sign in again.');
    const outcome = await this.dataSource.transaction(async (em) => {
      const stored = await this.tokens.lockById(em, id);
      if (!stored || !timingSafeEqual(Buffer.from(stored.secretHash), Buffer.from(secretHash(secret))))
        return invalid();
      if (stored.revokedAt) {
        await this.tokens.revokeAllOf(em, stored.userId);
        return invalid();
      }
      if (stored.expiresAt.getTime() <= Date.now()) return invalid();
      const user = await this.users.findById(stored.userId, em);
      if (!user || !user.active) return invalid();
      await this.tokens.revoke(em, stored.id);
      return this.issue(em, user);
    });
    // Thrown after the transaction, so the revocation of a reused token's family is committed.
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  async logout(actor: Actor, refreshToken: string): Promise<boolean> {
    const [id] = refreshToken.split('.') as [string];
    return this.dataSource.transaction(async (em) => {
      const stored = await this.tokens.lockById(em, id);
      if (!stored || stored.userId !== actor.id) return false;
      await this.tokens.revoke(em, stored.id);
      return true;
    });
  }

  private async issue(em: EntityManager, user: User): Promise<AuthPayload> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.tokens.insert(em, {
      id,
      userId: user.id,
      secretHash: secretHash(secret),
      expiresAt: new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000),
    });
    const payload: AccessTokenPayload = { sub: user.id };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.jwt.accessTtlSeconds });
    return {
      accessToken,
      expiresIn: this.config.jwt.accessTtlSeconds,
      refreshToken: `${id}.${secret}`,
      user,
    };
  }
}
