import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { closeRedis, redisClient } from './redis';

/** Without REDIS_URL: one bus for every API instance of this process (tests boot several). */
const localBus = new EventEmitter();
localBus.setMaxListeners(0);
const EVENT = 'published';

export type PublishedListener = (strategyId: string) => void;

/**
 * "The published version of strategy X changed" (publish, rollback, retire), delivered to every API
 * instance: Redis pub/sub on `${REDIS_PREFIX}:published` when REDIS_URL is set, in-process otherwise.
 * Lifecycle calls `changed()` after its transaction commits; the plan cache listens.
 */
@Injectable()
export class PublishedStrategyEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PublishedStrategyEvents.name);
  private readonly listeners = new Set<PublishedListener>();
  private readonly channel: string;
  private pub?: Redis;
  private sub?: Redis;
  private readonly onLocal = (strategyId: string) => this.deliver(strategyId);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channel = `${config.redis.prefix}:published`;
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.redis.url;
    if (!url) {
      localBus.on(EVENT, this.onLocal);
      return;
    }
    this.pub = redisClient(url, 'published-strategy bus (publish)');
    const sub = redisClient(url, 'published-strategy bus (subscribe)');
    this.sub = sub;
    sub.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.deliver(message);
    });
    // Subscribe whenever the connection is (re)established, without holding up start-up while Redis
    // is away (health reports it). Whatever was announced meanwhile is lost: drop every cached plan.
    sub.on('ready', () => {
      sub
        .subscribe(this.channel)
        .catch((error: unknown) =>
          this.logger.warn(`Could not subscribe to ${this.channel}: ${String(error)}`),
        );
      this.deliver('*');
    });
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      // Normally subscribed before the first request; never wait more than 2 s for it.
      const timer = setTimeout(done, 2000);
      sub.once('ready', () => void sub.subscribe(this.channel).then(done, done));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    localBus.off(EVENT, this.onLocal);
    await Promise.all([closeRedis(this.pub), closeRedis(this.sub)]);
  }

  /** Tells every instance (this one at once) that the strategy's published version changed. */
  changed(strategyId: string): void {
    if (!this.pub) {
      localBus.emit(EVENT, strategyId);
      return;
    }
    this.deliver(strategyId);
    this.pub
      .publish(this.channel, strategyId)
      .catch((error: unknown) =>
        this.logger.error(`Could not announce the publish of ${strategyId}: ${String(error)}`),
      );
  }

  /** `'*'` means: everything may have changed. */
  onChange(listener: PublishedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver(strategyId: string): void {
    for (const listener of this.listeners) listener(strategyId);
  }
}
