import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ProfileEvents } from './profile-events';
import { ProfilesRepository, type StoredRow } from './profiles.repository';

/** What a decision reads of a stored profile: clear values, and per field its source and time. */
export interface StoredProfile {
  values: Record<string, unknown>;
  updated: Record<string, { source: string; at: number }>;
}

interface Waiter {
  resolve(profile: StoredProfile): void;
  reject(error: unknown): void;
}

const MAX_ENTRIES = 100_000;
/** Queries for profiles not in the cache that run at once (see load()). */
const CONCURRENT_LOADS = 2;
/** A safety net only: invalidation over the bus is what keeps entries current. */
const TTL_MS = 5 * 60_000;
const EMPTY: StoredProfile = Object.freeze({
  values: Object.freeze({}),
  updated: Object.freeze({}),
}) as StoredProfile;

/**
 * Profiles as decisions read them, cached in memory per instance (customers without a profile too,
 * so they cost no query either). ProfileEvents drops entries on every instance when a profile
 * changes. A load that started before an invalidation is not cached (the epoch moved on), so a
 * decision never keeps reading a value older than an acknowledged upsert.
 */
@Injectable()
export class ProfileCache implements OnModuleDestroy {
  private readonly entries = new Map<string, { at: number; profile: StoredProfile }>();
  private epoch = 0;
  private pending?: Map<string, Waiter[]>;
  private loading = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly repository: ProfilesRepository,
    events: ProfileEvents,
  ) {
    this.unsubscribe = events.onChange((ids) => this.invalidate(ids));
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  invalidate(customerIds: readonly string[] | null): void {
    this.epoch += 1;
    if (customerIds === null) this.entries.clear();
    else for (const id of customerIds) this.entries.delete(id);
  }

  async get(customerId: string): Promise<StoredProfile> {
    return (await this.getMany([customerId])).get(customerId)!;
  }

  async getMany(customerIds: readonly string[]): Promise<Map<string, StoredProfile>> {
    const found = new Map<string, StoredProfile>();
    const missing = new Set<string>();
    const now = Date.now();
    for (const id of customerIds) {
      const entry = this.entries.get(id);
      if (entry && now - entry.at < TTL_MS) found.set(id, entry.profile);
      else missing.add(id);
    }
    if (missing.size === 1) {
      const [id] = missing;
      found.set(id!, await this.load(id!));
    } else if (missing.size) {
      // A batch's customers: one query of their own, without a promise per customer.
      const epoch = this.epoch;
      const loaded = await this.loaded([...missing]);
      for (const id of missing) {
        const profile = loaded.get(id) ?? EMPTY;
        if (epoch === this.epoch) this.remember(id, profile);
        found.set(id, profile);
      }
    }
    return found;
  }

  /**
   * Profiles not in the cache, asked for in the same turn of the event loop (concurrent decisions),
   * are read with one query: under load, one round trip to PostgreSQL instead of one per decision.
   * At most CONCURRENT_LOADS run at once: what is asked for meanwhile waits for one of them and
   * goes in the next query, so the busier the API, the fuller (and fewer) the queries.
   */
  private load(customerId: string): Promise<StoredProfile> {
    let batch = this.pending;
    if (!batch) {
      batch = this.pending = new Map<string, Waiter[]>();
      if (this.loading < CONCURRENT_LOADS) setImmediate(() => this.sendPending());
    }
    const waiting = batch;
    return new Promise((resolve, reject) => {
      const waiters = waiting.get(customerId);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(customerId, [{ resolve, reject }]);
    });
  }

  private sendPending(): void {
    const batch = this.pending;
    if (!batch || this.loading >= CONCURRENT_LOADS) return;
    this.pending = undefined;
    this.loading += 1;
    void this.loadBatch(batch, this.epoch).finally(() => {
      this.loading -= 1;
      this.sendPending();
    });
  }

  private async loadBatch(batch: Map<string, Waiter[]>, epoch: number): Promise<void> {
    try {
      const loaded = await this.loaded([...batch.keys()]);
      for (const [id, waiters] of batch) {
        const profile = loaded.get(id) ?? EMPTY;
        // A batch that started before an invalidation is not kept: it may hold the older values.
        if (epoch === this.epoch) this.remember(id, profile);
        for (const w of waiters) w.resolve(profile);
      }
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }

  private async loaded(customerIds: string[]): Promise<Map<string, StoredProfile>> {
    return new Map((await this.repository.rows(customerIds)).map((r) => [r.customerId, profileOf(r)]));
  }

  private remember(id: string, profile: StoredProfile): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { at: Date.now(), profile });
  }
}

/** Hashed values are pseudonyms: stored and exported, never given to strategies. */
function profileOf(row: StoredRow): StoredProfile {
  const profile: StoredProfile = { values: {}, updated: {} };
  for (const [field, meta] of Object.entries(row.meta)) {
    if (meta.h) continue;
    profile.values[field] = row.fields[field];
    profile.updated[field] = { source: meta.s, at: meta.t };
  }
  return profile;
}
