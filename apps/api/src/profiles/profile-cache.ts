import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { CoalescedLoader } from '../common/coalesced-loader';
import { ProfileEvents } from './profile-events';
import { ProfilesRepository, type StoredRow } from './profiles.repository';

/** What a decision reads of a stored profile: clear values, and per field its source and time. */
export interface StoredProfile {
  values: Record<string, unknown>;
  updated: Record<string, { source: string; at: number }>;
}

const MAX_ENTRIES = 100_000;
/** Queries for profiles not in the cache that run at once (see CoalescedLoader). */
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
  /** Profiles not in the cache asked for one at a time (concurrent decisions), read together. */
  private readonly single = new CoalescedLoader(CONCURRENT_LOADS, (customerIds) => this.fetch(customerIds));
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
      found.set(id!, await this.single.load(id!));
    } else if (missing.size) {
      // A batch's customers: one query of their own, without a promise per customer.
      for (const [id, profile] of await this.fetch([...missing])) found.set(id, profile);
    }
    return found;
  }

  private async fetch(customerIds: string[]): Promise<Map<string, StoredProfile>> {
    const epoch = this.epoch;
    const loaded = await this.loaded(customerIds);
    const found = new Map<string, StoredProfile>();
    for (const id of customerIds) {
      const profile = loaded.get(id) ?? EMPTY;
      // A fetch that started before an invalidation is not kept: it may hold the older values.
      if (epoch === this.epoch) this.remember(id, profile);
      found.set(id, profile);
    }
    return found;
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
