import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisBusTopic } from '../common/redis-bus';

/** `null`: anything may have changed (a lost connection): drop everything. */
export type ProfileListener = (customerIds: readonly string[] | null) => void;

/**
 * "These customers' profiles changed" (upsert, erasure), delivered to every API instance on the
 * `profiles` topic as the JSON list of customer ids; the profile cache listens.
 */
@Injectable()
export class ProfileEvents extends RedisBusTopic {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config, 'profiles', 'null');
  }

  /** Tells every instance (this one at once) that these customers' profiles changed. */
  changed(customerIds: readonly string[]): void {
    if (customerIds.length > 0) this.bus.publish(JSON.stringify(customerIds));
  }

  /** Tells every instance that any profile may have changed (e.g. after a large import chunk). */
  changedAll(): void {
    this.bus.publish('null');
  }

  onChange(listener: ProfileListener): () => void {
    return this.bus.subscribe((message) => listener(customerIds(message)));
  }
}

function customerIds(message: string): readonly string[] | null {
  try {
    const ids: unknown = JSON.parse(message);
    return Array.isArray(ids) ? ids.map(String) : null;
  } catch {
    return null;
  }
}
