/**
 * A map's entries as `[key, json]` pairs in key order: the serialised form of a tally then does not
 * depend on the order in which rows or merged chunks added its keys.
 */
export function sortedEntries<T, J>(map: ReadonlyMap<string, T>, toJSON: (value: T) => J): [string, J][] {
  return [...map.keys()].sort().map((key) => [key, toJSON(map.get(key)!)]);
}
