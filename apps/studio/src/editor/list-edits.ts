/** The list with item `i` replaced by `item`, or without it when `item` is undefined. */
export function replaceAt<T>(list: readonly T[], i: number, item: T | undefined): T[] {
  return item === undefined ? list.filter((_, j) => j !== i) : list.map((x, j) => (j === i ? item : x));
}

/** The list with `patch` applied to item `i`, or without that item when `patch` is undefined. */
export function patchAt<T extends object>(list: readonly T[], i: number, patch: Partial<T> | undefined): T[] {
  return replaceAt(list, i, patch && { ...list[i]!, ...patch });
}
