import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ProfileEvents } from './profile-events';
import { ProfilesRepository, type ProfileFieldRow } from './profiles.repository';

/** What a decision reads of a stored profile: clear values, and per field its source and time. */
export interface StoredProfile {
  values: Record<string, unknown>;
  updated: Record<string, { source: string; at: number }>;
}

const MAX_ENTRIES = 100_000;
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
    const missing: string[] = [];
    const now = Date.now();
    for (const id of customerIds) {
      const entry = this.entries.get(id);
      if (entry && now - entry.at < TTL_MS) found.set(id, entry.profile);
      else if (!found.has(id)) missing.push(id);
    }
    if (missing.length === 0) return found;
    const epoch = this.epoch;
    const rows = await this.repository.ofCustomers([...new Set(missing)]);
    const loaded = profilesOf(rows);
    for (const id of missing) {
      const profile = loaded.get(id) ?? EMPTY;
      found.set(id, profile);
      if (epoch === this.epoch) this.remember(id, profile);
    }
    return found;
  }

  private remember(id: string, profile: StoredProfile): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { at: Date.now(), profile });
  }
}

/** Hashed values are pseudonyms: stored and exported, never given to strategies. */
function profilesOf(rows: readonly ProfileFieldRow[]): Map<string, StoredProfile> {
  const profiles = new Map<string, StoredProfile>();
  for (const row of rows) {
    if (row.treatment !== 'clear') continue;
    let profile = profiles.get(row.customerId);
    if (!profile) profiles.set(row.customerId, (profile = { values: {}, updated: {} }));
    profile.values[row.field] = row.value;
    profile.updated[row.field] = { source: row.source, at: row.sourceUpdatedAt.getTime() };
  }
  return profiles;
}
