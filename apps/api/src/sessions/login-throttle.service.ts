import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { closeRedis, redisClient } from '../common/redis-client';
import {
  MemoryAttemptCounters,
  RedisAttemptCounters,
  type AttemptCount,
  type AttemptCounters,
} from './attempt-counters';

/** One sign-in attempt, counted against its account and its client address until it is settled. */
export interface LoginAttempt {
  accountKey: string;
  addressKey: string;
  address: string;
  account: AttemptCount;
  byAddress: AttemptCount;
  counters: AttemptCounters;
}

/**
 * Throttles password guessing: at most LOGIN_MAX_FAILURES_PER_ACCOUNT failed sign-ins per account
 * and LOGIN_MAX_FAILURES_PER_ADDRESS per client address within LOGIN_LOCKOUT_SECONDS; then that
 * account or address is locked out for LOGIN_LOCKOUT_SECONDS (RATE_LIMITED with retryAfterSeconds).
 * Every attempt is counted before the password is checked, so parallel guesses cannot slip past the
 * limit; a successful one is taken back. Unknown emails are counted exactly like known ones, so
 * the answers (and their timing) do not tell which accounts exist. Counters live in Redis with
 * REDIS_URL (shared by every instance), else in this process; while Redis is away, in this process.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly memory = new MemoryAttemptCounters();
  private redis?: Redis;
  private shared?: RedisAttemptCounters;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    if (!this.config.redis.url) return;
    this.redis = redisClient(this.config.redis.url, 'sign-in throttle');
    this.shared = new RedisAttemptCounters(this.redis, `${this.config.redis.prefix}:login:`);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }

  /** Counts one attempt; RATE_LIMITED while the account or the address is locked out. */
  begin(email: string, clientAddress: string): Promise<LoginAttempt> {
    return this.beginWith(this.counters(), email, clientAddress);
  }

  private async beginWith(
    counters: AttemptCounters,
    email: string,
    clientAddress: string,
  ): Promise<LoginAttempt> {
    const { maxFailuresPerAccount, maxFailuresPerAddress, lockoutSeconds } = this.config.login;
    const windowMs = lockoutSeconds * 1000;
    const address = normalizeAddress(clientAddress);
    // A hash, not the email: Redis holds no personal data.
    const accountKey = `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    const addressKey = `address:${address}`;
    let account: AttemptCount;
    let byAddress: AttemptCount;
    try {
      [account, byAddress] = await Promise.all([
        counters.add(accountKey, windowMs, maxFailuresPerAccount),
        counters.add(addressKey, windowMs, maxFailuresPerAddress),
      ]);
    } catch (error) {
      if (counters === this.memory) throw error;
      this.logger.warn(`sign-in throttle: Redis failed, counting in this process: ${String(error)}`);
      return this.beginWith(this.memory, email, clientAddress);
    }
    const locked = [
      account.count > maxFailuresPerAccount && account,
      byAddress.count > maxFailuresPerAddress && byAddress,
    ].filter((c): c is AttemptCount => !!c);
    if (locked.length) {
      // Refused without trying the password: it does not count, and it does not extend the lockout.
      await Promise.all([counters.undo(accountKey), counters.undo(addressKey)]).catch(() => undefined);
      const retryAfterSeconds = Math.max(1, ...locked.map((c) => Math.ceil(c.resetInMs / 1000)));
      throw new AppError(
        'RATE_LIMITED',
        `Too many failed sign-ins for this account or from this address; try again in ${retryAfterSeconds} s.`,
        { retryAfterSeconds },
      );
    }
    return { accountKey, addressKey, address, account, byAddress, counters };
  }

  /** The password was right: the attempt does not count. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await Promise.all([
      attempt.counters.undo(attempt.accountKey),
      attempt.counters.undo(attempt.addressKey),
    ]).catch((e: unknown) => this.logger.warn(`sign-in throttle: ${String(e)}`));
  }

  /** The attempt failed; the one that reaches a limit records the lockout in the audit log. */
  async failed(attempt: LoginAttempt, userId: string | null): Promise<void> {
    const { maxFailuresPerAccount, maxFailuresPerAddress, lockoutSeconds } = this.config.login;
    const events: { entityType: string; entityId: string | null; comment: string }[] = [];
    if (attempt.account.count === maxFailuresPerAccount) {
      events.push({
        entityType: userId ? 'user' : 'signIn',
        entityId: userId,
        comment: `${maxFailuresPerAccount} failed sign-ins for ${userId ? 'this account' : 'an unknown account'}; locked out for ${lockoutSeconds} s`,
      });
    }
    if (attempt.byAddress.count === maxFailuresPerAddress) {
      events.push({
        entityType: 'clientAddress',
        entityId: attempt.address,
        comment: `${maxFailuresPerAddress} failed sign-ins from this address; locked out for ${lockoutSeconds} s`,
      });
    }
    if (!events.length) return;
    await this.dataSource.transaction(async (em) => {
      for (const event of events) await this.audit.append(em, null, { action: 'auth.lockout', ...event });
    });
  }

  private counters(): AttemptCounters {
    return this.shared && this.redis?.status === 'ready' ? this.shared : this.memory;
  }
}

/** An IPv4 client over an IPv6 socket counts as its IPv4 address. */
function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address || 'unknown';
}
