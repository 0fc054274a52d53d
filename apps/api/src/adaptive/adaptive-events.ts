import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisBus } from '../common/redis-bus';

/** A model version's key, `modelId@version` (the registry key strategies pin it by), or '*' for all. */
export type SnapshotListener = (key: string) => void;

/**
 * "Model version X serves a new snapshot" (learned, reset, rolled back), delivered to every API
 * instance on the `adaptive` topic. The published-plan cache listens and recompiles the plans that
 * score with that model.
 */
@Injectable()
export class AdaptiveEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly bus: RedisBus;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.bus = new RedisBus(config, 'adaptive', '*');
  }

  onModuleInit(): Promise<void> {
    return this.bus.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.bus.stop();
  }

  announce(key: string): void {
    this.bus.publish(key);
  }

  onSnapshot(listener: SnapshotListener): () => void {
    return this.bus.subscribe(listener);
  }
}
