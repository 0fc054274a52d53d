import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { closeRedis, redisClient } from '../decisions/redis';

/** Without REDIS_URL: one bus for every API instance of this process (tests boot several). */
const localBus = new EventEmitter();
localBus.setMaxListeners(0);
const EVENT = 'profiles';

/** `null`: anything may have changed (a lost connection): drop everything. */
export type ProfileListener = (customerIds: readonly string[] | null) => void;

/**
 * "These customers' profiles changed" (upsert, erasure), delivered to every API instance, as the
 * published-plan bus does: Redis pub/sub on `${REDIS_PREFIX}:profiles` with REDIS_URL, in-process
 * otherwise. The message is the JSON list of customer ids; the profile cache listens.
 */
@Injectable()
export class ProfileEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProfileEvents.name);
  private readonly listeners = new Set<ProfileListener>();
  private readonly channel: string;
  private pub?: Redis;
  private sub?: Redis;
  private readonly onLocal = (ids: readonly string[] | null) => this.deliver(ids);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channel = `${config.redis.prefix}:profiles`;
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.redis.url;
    if (!url) {
      localBus.on(EVENT, this.onLocal);
      return;
    }
    this.pub = redisClient(url, 'profile bus (publish)');
    const sub = redisClient(url, 'profile bus (subscribe)');
    this.sub = sub;
    sub.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        const ids: unknown = JSON.parse(message);
        this.deliver(Array.isArray(ids) ? ids.map(String) : null);
      } catch {
        this.deliver(null);
      }
    });
    // (Re)subscribed: whatever was announced while away is lost, so everything cached may be stale.
    sub.on('ready', () => {
      sub
        .subscribe(this.channel)
        .catch((error: unknown) =>
          this.logger.warn(`Could not subscribe to ${this.channel}: ${String(error)}`),
        );
      this.deliver(null);
    });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      sub.once(
        'ready',
        () =>
          void sub.subscribe(this.channel).then(
            () => (clearTimeout(timer), resolve()),
            () => (clearTimeout(timer), resolve()),
          ),
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    localBus.off(EVENT, this.onLocal);
    await Promise.all([closeRedis(this.pub), closeRedis(this.sub)]);
  }

  /** Tells every instance (this one at once) that these customers' profiles changed. */
  changed(customerIds: readonly string[]): void {
    if (customerIds.length === 0) return;
    if (!this.pub) {
      localBus.emit(EVENT, customerIds);
      return;
    }
    this.deliver(customerIds);
    this.pub
      .publish(this.channel, JSON.stringify(customerIds))
      .catch((error: unknown) => this.logger.error(`Could not announce a profile change: ${String(error)}`));
  }

  onChange(listener: ProfileListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver(ids: readonly string[] | null): void {
    for (const listener of this.listeners) listener(ids);
  }
}
