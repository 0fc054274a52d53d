import { EventEmitter } from 'node:events';
import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { closeRedis, redisClient } from './redis-client';

/** Without REDIS_URL: one bus for every API instance of this process (the quick start; tests boot several). */
const localBus = new EventEmitter();
localBus.setMaxListeners(0);

/**
 * Messages to every API instance of a deployment on one topic: Redis pub/sub on
 * `${REDIS_PREFIX}:${topic}` with REDIS_URL, one in-process bus otherwise. The sender's own instance
 * gets its message at once. Whenever the subscription is (re)established, `lostMessage` is delivered:
 * whatever was announced while Redis was away is lost, so listeners drop what they cached.
 * The published-plan, profile and adaptive-snapshot buses are each one topic of it.
 */
export class RedisBus {
  private readonly logger: Logger;
  private readonly listeners = new Set<(message: string) => void>();
  private readonly channel: string;
  private pub?: Redis;
  private sub?: Redis;
  private readonly onLocal = (message: string) => this.deliver(message);

  constructor(
    private readonly config: AppConfig,
    private readonly topic: string,
    private readonly lostMessage: string,
  ) {
    this.channel = `${config.redis.prefix}:${topic}`;
    this.logger = new Logger(`${topic} bus`);
  }

  async start(): Promise<void> {
    const url = this.config.redis.url;
    if (!url) {
      localBus.on(this.topic, this.onLocal);
      return;
    }
    this.pub = redisClient(url, `${this.topic} bus (publish)`);
    const sub = redisClient(url, `${this.topic} bus (subscribe)`);
    this.sub = sub;
    sub.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.deliver(message);
    });
    // Subscribe whenever the connection is (re)established, without holding up start-up while Redis
    // is away (health reports it).
    sub.on('ready', () => {
      sub
        .subscribe(this.channel)
        .catch((error: unknown) =>
          this.logger.warn(`Could not subscribe to ${this.channel}: ${String(error)}`),
        );
      this.deliver(this.lostMessage);
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

  async stop(): Promise<void> {
    localBus.off(this.topic, this.onLocal);
    await Promise.all([closeRedis(this.pub), closeRedis(this.sub)]);
  }

  /** Delivers the message to every instance, this one at once. */
  publish(message: string): void {
    if (!this.pub) {
      localBus.emit(this.topic, message);
      return;
    }
    this.deliver(message);
    this.pub
      .publish(this.channel, message)
      .catch((error: unknown) =>
        this.logger.error(`Could not announce on ${this.channel}: ${String(error)}`),
      );
  }

  subscribe(listener: (message: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver(message: string): void {
    for (const listener of this.listeners) listener(message);
  }
}

/** A provider for one topic of the bus: subscribed when its module starts, closed at shutdown. */
export abstract class RedisBusTopic implements OnModuleInit, OnApplicationShutdown {
  protected readonly bus: RedisBus;

  constructor(config: AppConfig, topic: string, lostMessage: string) {
    this.bus = new RedisBus(config, topic, lostMessage);
  }

  onModuleInit(): Promise<void> {
    return this.bus.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.bus.stop();
  }
}
