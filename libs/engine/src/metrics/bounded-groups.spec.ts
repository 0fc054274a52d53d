import fc from 'fast-check';
import { BoundedGroups, type GroupKind } from './bounded-groups';
import { stableHash } from './stable-hash';

const COUNT: GroupKind<{ n: number }, number> = {
  create: () => ({ n: 0 }),
  combine: (into, from) => {
    into.n += from.n;
  },
  toJSON: (c) => c.n,
  fromJSON: (n) => ({ n }),
};

const fill = (keys: readonly string[], capacity: number) => {
  const groups = new BoundedGroups(capacity, COUNT);
  keys.forEach((k) => groups.groupFor(k).n++);
  return groups;
};

describe('BoundedGroups', () => {
  it('keeps every key and exact counts within capacity', () => {
    const groups = fill(['a', 'b', 'a', 'c'], 3);
    expect(groups.entries().map(([k, v]) => [k, v.n])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 1],
    ]);
    expect(groups.complete()).toBe(true);
    expect(groups.overflow().n).toBe(0);
  });

  it('beyond capacity keeps the keys of smallest hash with exact counts, whatever the order and split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }).map(String), { maxLength: 120 }),
        fc.nat(),
        fc.integer({ min: 1, max: 8 }),
        (keys, cut, capacity) => {
          const distinct = [...new Set(keys)];
          const kept = [...distinct]
            .sort((a, b) => stableHash(a) - stableHash(b) || (a < b ? -1 : 1))
            .slice(0, capacity);
          const k = cut % (keys.length + 1);
          const merged = fill(keys.slice(k), capacity).merge(
            BoundedGroups.fromJSON(
              JSON.parse(JSON.stringify(fill([...keys.slice(0, k)].reverse(), capacity).toJSON())),
              COUNT,
            ),
          );
          const count = (key: string) => keys.filter((x) => x === key).length;
          expect(merged.entries()).toEqual(kept.sort().map((key) => [key, { n: count(key) }]));
          expect(merged.overflow().n).toBe(keys.length - kept.reduce((s, key) => s + count(key), 0));
          expect(merged.complete()).toBe(distinct.length <= capacity);
        },
      ),
      { numRuns: 300 },
    );
  });
});
