import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisBusTopic } from '../common/redis-bus';

/** A model version's key, `modelId@version` (the registry key strategies pin it by), or '*' for all. */
export type SnapshotListener = (key: string) => void;

/**
 * "Model version X serves a new snapshot" (learned, reset, rolled back), delivered to every API
 * instance on the `adaptive` topic. The published-plan cache listens and recompiles the plans that
 * score with that model.
 */
@Injectable()
export class AdaptiveEvents extends RedisBusTopic {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config, 'adaptive', '*');
  }

  announce(key: string): void {
    this.bus.publish(key);
  }

  onSnapshot(listener: SnapshotListener): () => void {
    return this.bus.subscribe(listener);
  }
}
