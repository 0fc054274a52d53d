import { stableHash } from './stable-hash';

/** How a bounded group's value is created, combined and stored. */
export interface GroupKind<T, J> {
  create(): T;
  /** Adds `from` into `into`; must be associative and commutative. */
  combine(into: T, from: T): void;
  toJSON(value: T): J;
  fromJSON(json: J): T;
}

export interface BoundedGroupsJSON<J> {
  capacity: number;
  /** Kept groups, by ascending hash of the key. */
  groups: [string, J][];
  overflow: J;
  /** Set once more than `capacity` keys were seen: keys ordered after it go to the overflow. */
  cutoff?: string;
}

/**
 * Values grouped by a text key (a segment, a drop reason, a customer id), bounded to `capacity`
 * keys. Beyond that it keeps the keys with the smallest hash and folds the others into one
 * overflow value. The kept set is the `capacity` smallest hashes of all keys ever seen, whatever
 * the order of rows and merges, and a kept key was never folded away; so bounded results still
 * combine exactly, and a key kept in one simulation is kept in any other over the same keys.
 */
export class BoundedGroups<T, J> {
  private readonly groups = new Map<string, T>();
  private overflowValue: T;
  private cutoff: { hash: number; key: string } | undefined;

  constructor(
    readonly capacity: number,
    private readonly kind: GroupKind<T, J>,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.overflowValue = kind.create();
  }

  /** The value to add a row of `key` into: its own group, or the overflow. */
  groupFor(key: string): T {
    const existing = this.groups.get(key);
    if (existing !== undefined) return existing;
    // Trimming lazily at twice the capacity keeps adding new keys cheap; it happens before the new
    // group exists so that the group handed back is never one the trim folded away.
    if (this.groups.size >= 2 * this.capacity) this.trim();
    if (this.cutoff && compareKeys(stableHash(key), key, this.cutoff.hash, this.cutoff.key) > 0)
      return this.overflowValue;
    const created = this.kind.create();
    this.groups.set(key, created);
    return created;
  }

  merge(other: BoundedGroups<T, J>): this {
    this.kind.combine(this.overflowValue, other.overflowValue);
    if (
      other.cutoff &&
      (!this.cutoff ||
        compareKeys(other.cutoff.hash, other.cutoff.key, this.cutoff.hash, this.cutoff.key) < 0)
    ) {
      this.cutoff = other.cutoff;
      for (const [key, value] of this.groups) {
        if (compareKeys(stableHash(key), key, this.cutoff.hash, this.cutoff.key) > 0) {
          this.kind.combine(this.overflowValue, value);
          this.groups.delete(key);
        }
      }
    }
    for (const [key, value] of other.groups) this.kind.combine(this.groupFor(key), value);
    return this;
  }

  /** The kept groups, by ascending key. */
  entries(): [string, T][] {
    this.trim();
    return [...this.groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get(key: string): T | undefined {
    this.trim();
    return this.groups.get(key);
  }

  overflow(): T {
    this.trim();
    return this.overflowValue;
  }

  /** True when every key ever seen has its own group (nothing was folded into the overflow). */
  complete(): boolean {
    this.trim();
    return this.cutoff === undefined;
  }

  get size(): number {
    this.trim();
    return this.groups.size;
  }

  toJSON(): BoundedGroupsJSON<J> {
    const hashed = this.hashedEntries();
    return {
      capacity: this.capacity,
      groups: hashed.map(([, key, value]) => [key, this.kind.toJSON(value)]),
      overflow: this.kind.toJSON(this.overflowValue),
      ...(this.cutoff ? { cutoff: this.cutoff.key } : {}),
    };
  }

  static fromJSON<T, J>(json: BoundedGroupsJSON<J>, kind: GroupKind<T, J>): BoundedGroups<T, J> {
    const groups = new BoundedGroups(json.capacity, kind);
    groups.overflowValue = kind.fromJSON(json.overflow);
    if (json.cutoff !== undefined) groups.cutoff = { hash: stableHash(json.cutoff), key: json.cutoff };
    for (const [key, value] of json.groups) groups.groups.set(key, kind.fromJSON(value));
    groups.trim();
    return groups;
  }

  private hashedEntries(): [number, string, T][] {
    this.trim();
    return [...this.groups]
      .map(([key, value]): [number, string, T] => [stableHash(key), key, value])
      .sort((a, b) => compareKeys(a[0], a[1], b[0], b[1]));
  }

  private trim(): void {
    if (this.groups.size <= this.capacity) return;
    const ordered = [...this.groups]
      .map(([key, value]): [number, string, T] => [stableHash(key), key, value])
      .sort((a, b) => compareKeys(a[0], a[1], b[0], b[1]));
    for (const [, key, value] of ordered.slice(this.capacity)) {
      this.kind.combine(this.overflowValue, value);
      this.groups.delete(key);
    }
    const last = ordered[this.capacity - 1]!;
    if (!this.cutoff || compareKeys(last[0], last[1], this.cutoff.hash, this.cutoff.key) < 0)
      this.cutoff = { hash: last[0], key: last[1] };
  }
}

function compareKeys(hashA: number, keyA: string, hashB: number, keyB: string): number {
  if (hashA !== hashB) return hashA - hashB;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
