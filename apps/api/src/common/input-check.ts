import { escapeUnstorable, unstorableCharacter } from '@arbiter/datasets';
import { validationFailed, type ErrorDetail } from './errors';

/**
 * How deeply objects and lists may nest in any input (a REST body, a GraphQL argument or variable).
 * Validation, hashing and storage recurse over inputs; this bound keeps them far from the stack
 * limit. Strategy documents need about 2 levels per nested condition (the engine allows 32).
 */
export const MAX_INPUT_DEPTH = 100;

const CHARACTER_WORDS = {
  nul: 'holds a NUL character (\\u0000), which cannot be stored; remove it',
  surrogate:
    'holds half of a UTF-16 surrogate pair (e.g. \\ud800 without its partner), which is not text; send well-formed Unicode',
};

/** `base.key`, `base[3]`: the field paths VALIDATION_FAILED details use. */
export function fieldPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const safe = escapeUnstorable(key);
  return base ? `${base}.${safe}` : safe;
}

/**
 * The first thing in `value` that no handler should see: a string or an object key PostgreSQL
 * cannot store, or nesting deeper than MAX_INPUT_DEPTH. A loop, not recursion, so any depth is safe.
 * `startDepth`: how deeply `value` already sits (a GraphQL variable inside an argument's literal).
 */
export function inputProblem(value: unknown, base = '', startDepth = 0): ErrorDetail | undefined {
  // Paths are built only for the one problem found: each entry keeps its parent and key.
  interface Item {
    value: unknown;
    parent: Item | null;
    key: string | number | null;
    depth: number;
  }
  const pathOf = (item: Item): string => {
    const keys: (string | number)[] = [];
    for (let at: Item | null = item; at && at.key !== null; at = at.parent) keys.push(at.key);
    return keys.reverse().reduce<string>((path, key) => fieldPath(path, key), base) || 'body';
  };
  const pending: Item[] = [{ value, parent: null, key: null, depth: startDepth }];
  while (pending.length) {
    const item = pending.pop()!;
    if (typeof item.value === 'string') {
      const found = unstorableCharacter(item.value);
      if (found) return { field: pathOf(item), message: CHARACTER_WORDS[found] };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > MAX_INPUT_DEPTH) {
      return {
        field: pathOf(item),
        message: `nests objects or lists more than ${MAX_INPUT_DEPTH} levels deep (the limit); send flatter data`,
      };
    }
    if (Array.isArray(item.value)) {
      for (let i = item.value.length - 1; i >= 0; i--) {
        const inner: unknown = item.value[i];
        // Numbers, booleans and null need no look.
        if (typeof inner === 'string' || (inner !== null && typeof inner === 'object'))
          pending.push({ value: inner, parent: item, key: i, depth });
      }
      continue;
    }
    const keys = Object.keys(item.value);
    for (const key of keys) {
      const found = unstorableCharacter(key);
      if (found)
        return {
          field: pathOf({ value: undefined, parent: item, key, depth }),
          message: `is a key that ${CHARACTER_WORDS[found]}`,
        };
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const inner: unknown = (item.value as Record<string, unknown>)[key];
      if (typeof inner === 'string' || (inner !== null && typeof inner === 'object'))
        pending.push({ value: inner, parent: item, key, depth });
    }
  }
  return undefined;
}

/** Throws VALIDATION_FAILED naming the field when `value` holds something inputProblem finds. */
export function checkInput(value: unknown, base = ''): void {
  const problem = inputProblem(value, base);
  if (problem) throw validationFailed([problem]);
}
