import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { closeRedis, redisClient } from '../decisions/redis';

/** Without REDIS_URL: one bus for every instance of this process (the quick start, tests). */
const localBus = new EventEmitter();
localBus.setMaxListeners(0);
const EVENT = 'adaptive-snapshot';

/** A model version's key, `modelId@version` (the registry key strategies pin it by), or '*' for all. */
export type SnapshotListener = (key: string) => void;

/**
 * "Model version X serves a new snapshot" (learned, reset, rolled back), delivered to every API
 * instance: Redis pub/sub on `${REDIS_PREFIX}:adaptive` with REDIS_URL, in-process otherwise. The
 * published-plan cache listens and recompiles the plans that score with that model.
 */
@Injectable()
export class AdaptiveEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AdaptiveEvents.name);
  private readonly listeners = new Set<SnapshotListener>();
  private readonly channel: string;
  private pub?: Redis;
  private sub?: Redis;
  private readonly onLocal = (key: string) => this.deliver(key);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channel = `${config.redis.prefix}:adaptive`;
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.redis.url;
    if (!url) {
      localBus.on(EVENT, this.onLocal);
      return;
    }
    this.pub = redisClient(url, 'adaptive snapshot bus (publish)');
    const sub = redisClient(url, 'adaptive snapshot bus (subscribe)');
    this.sub = sub;
    sub.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.deliver(message);
    });
    // Announcements missed while Redis was away: every adaptive plan reloads.
    sub.on('ready', () => {
      sub
        .subscribe(this.channel)
        .catch((error: unknown) =>
          this.logger.warn(`Could not subscribe to ${this.channel}: ${String(error)}`),
        );
      this.deliver('*');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    localBus.off(EVENT, this.onLocal);
    await Promise.all([closeRedis(this.pub), closeRedis(this.sub)]);
  }

  announce(key: string): void {
    if (!this.pub) {
      localBus.emit(EVENT, key);
      return;
    }
    this.deliver(key);
    this.pub
      .publish(this.channel, key)
      .catch((error: unknown) =>
        this.logger.error(`Could not announce snapshot of ${key}: ${String(error)}`),
      );
  }

  onSnapshot(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver(key: string): void {
    for (const listener of this.listeners) listener(key);
  }
}
