/**
 * The subset of JSONPath that conditions may use: `$.name`, `$['any name']`, `$.list[0]`, chained.
 * Resolution mirrors json-rules-engine (jsonpath-plus with `wrap: false`): each step follows an
 * own property of a truthy value; anything else yields `undefined`. Wildcards, filters, slices and
 * recursive descent would return lists and are rejected with a message instead.
 */

// Quoted names exclude every character jsonpath-plus gives a meaning to, including `;` (its internal
// step separator: `$['a;b']` reads `a.b`) and `#` (`$['x#0']` makes it throw).
const STEP =
  /^(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['([^'"[\]\\.~^@*`$(),:;#]+)'\]|\["([^'"[\]\\.~^@*`$(),:;#]+)"\])/;

export type ParsedPath = { ok: true; keys: string[] } | { ok: false; message: string };

const cache = new Map<string, ParsedPath>();

export function parsePath(path: string): ParsedPath {
  const cached = cache.get(path);
  if (cached) return cached;
  const parsed = parseUncached(path);
  cache.set(path, parsed);
  return parsed;
}

function parseUncached(path: string): ParsedPath {
  if (!path.startsWith('$')) {
    return { ok: false, message: `path "${path}" must start with $, e.g. "$.age"` };
  }
  const keys: string[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    if (!match) {
      return {
        ok: false,
        message:
          `path "${path}" is not supported at "${rest}": use $.name, $['name with spaces'] or $.list[0] ` +
          '(no wildcards, filters, slices or ..)',
      };
    }
    keys.push(match[1] ?? match[2] ?? match[3] ?? match[4]!);
    rest = rest.slice(match[0].length);
  }
  if (keys.length === 0) return { ok: false, message: `path "${path}" must name a field, e.g. "$.age"` };
  return { ok: true, keys };
}

/** Follows `keys` from a fact value exactly as json-rules-engine's default path resolver does. */
export function resolvePath(factValue: unknown, keys: readonly string[]): unknown {
  // json-rules-engine returns a non-object fact unchanged when a path is given.
  if (factValue == null || typeof factValue !== 'object') return factValue;
  let value: unknown = factValue;
  for (const key of keys) {
    if (value && Object.hasOwn(value as object, key)) value = (value as Record<string, unknown>)[key];
    else return undefined;
  }
  return value;
}

/** A getter specialised for the path, so the hot loop does no parsing. */
export function pathGetter(keys: readonly string[]): (factValue: unknown) => unknown {
  if (keys.length === 1) {
    const key = keys[0]!;
    return (v) => {
      if (v == null || typeof v !== 'object') return v;
      return Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
    };
  }
  return (v) => resolvePath(v, keys);
}
