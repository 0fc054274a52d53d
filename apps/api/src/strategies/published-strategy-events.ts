import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisBusTopic } from '../common/redis-bus';

export type PublishedListener = (strategyId: string) => void;

/**
 * "The published version of strategy X changed" (publish, rollback, retire), delivered to every API
 * instance on the `published` topic. Lifecycle calls `changed()` after its transaction commits; the
 * plan cache listens.
 */
@Injectable()
export class PublishedStrategyEvents extends RedisBusTopic {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config, 'published', '*');
  }

  /** Tells every instance (this one at once) that the strategy's published version changed. */
  changed(strategyId: string): void {
    this.bus.publish(strategyId);
  }

  /** `'*'` means: everything may have changed. */
  onChange(listener: PublishedListener): () => void {
    return this.bus.subscribe(listener);
  }
}
