/**
 * The subset of JSONPath that conditions may use, read exactly as json-rules-engine reads it
 * (jsonpath-plus with `wrap: false`):
 * - names: `$.name`, `$.first-name`, `$['any name']`, `$['dot.property']`; indexes: `$.list[0]`;
 * - wildcards `$.items[*].price` / `$.items.*.price` (every item of a list, every value of an
 *   object) and slices `$.items[0:2]`, `$.items[-2:]`, `$.items[::2]`.
 * A key step follows an own property of a truthy value; a path without wildcards or slices gives
 * that one value (or `undefined`); a path with one gives the list of every value it reaches, or
 * `undefined` when it reaches none (so `$.items[*].price` over one item is `[price]`).
 * Filters (`[?(...)]`, which jsonpath-plus evaluates as script), recursive descent (`..`), unions
 * (`[0,1]`) and negative indexes are refused with a message saying why and what to write instead.
 */

export type PathStep =
  | { key: string }
  | { wildcard: true }
  /** Python-style slice, as jsonpath-plus reads `[start:end:step]` (empty parts are absent). */
  | { slice: { start?: number; end?: number; step?: number } };

export type ParsedPath =
  | {
      ok: true;
      steps: PathStep[];
      /**
       * The names of the key steps before the first wildcard or slice: all of the path when
       * `many` is false (what schema checks and labels read).
       */
      keys: string[];
      /** Whether the path has a wildcard or slice, so that it reads a list of values. */
      many: boolean;
    }
  | { ok: false; message: string };

// Quoted names exclude every character jsonpath-plus gives a meaning to inside brackets, including
// `;` (its internal step separator: `$['a;b']` reads `a.b`), `#` (`$['x#0']` makes it throw), `,`
// (a union) and `:` (a slice). A `.` is fine there: jsonpath-plus escapes it (`$['dot.property']`).
const QUOTED_CHARS = `[^'"[\\]\\\\~^@*\`$(),:;#]+`;
const STEP = new RegExp(
  '^(?:' +
    [
      '\\.([A-Za-z0-9_-]+)', // 1: .name
      '\\[(\\d+)\\]', // 2: [0]
      `\\['(${QUOTED_CHARS})'\\]`, // 3: ['name']
      `\\["(${QUOTED_CHARS})"\\]`, // 4: ["name"]
      '(\\.\\*|\\[\\*\\])', // 5: .* or [*]
      '\\[(-?\\d*):(-?\\d*)(?::(\\d*))?\\]', // 6, 7, 8: [start:end:step]
    ].join('|') +
    ')',
);

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
  const steps: PathStep[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    if (!match) return { ok: false, message: `path "${path}" ${refusal(rest)}` };
    if (match[5]) steps.push({ wildcard: true });
    else if (match[6] !== undefined) steps.push({ slice: sliceOf(match[6], match[7]!, match[8]) });
    else {
      const key = match[1] ?? match[2] ?? match[3] ?? match[4]!;
      // jsonpath-plus reads the name ".." as recursive descent, even quoted.
      if (key === '..') {
        return {
          ok: false,
          message: `path "${path}" is not supported at "${rest}": the name ".." means recursive descent in JSONPath; rename the field`,
        };
      }
      steps.push({ key });
    }
    rest = rest.slice(match[0].length);
  }
  if (steps.length === 0) return { ok: false, message: `path "${path}" must name a field, e.g. "$.age"` };
  const firstMany = steps.findIndex((s) => !('key' in s));
  const leading = firstMany === -1 ? steps : steps.slice(0, firstMany);
  return { ok: true, steps, keys: leading.map((s) => (s as { key: string }).key), many: firstMany !== -1 };
}

/** jsonpath-plus reads an empty or zero start as 0, an empty or zero end as the length, a zero step as 1. */
function sliceOf(start: string, end: string, step: string | undefined) {
  // `parseInt(part) || default`, as jsonpath-plus does: "0", "-0" and "-" are absent too.
  const slice: { start?: number; end?: number; step?: number } = {};
  const s = Number.parseInt(start, 10);
  const e = Number.parseInt(end, 10);
  const by = Number.parseInt(step ?? '', 10);
  if (s) slice.start = s;
  if (e) slice.end = e;
  if (by) slice.step = by;
  return slice;
}

/** Why the rest of a path is refused, and what to write instead. */
function refusal(rest: string): string {
  const at = `is not supported at "${rest}": `;
  if (rest.startsWith('..')) {
    return `${at}recursive descent (..) is not supported; name each step, e.g. $.address.city or $.items[*].price`;
  }
  if (rest.startsWith('[?')) {
    return (
      `${at}filters ([?(...)]) are not supported: jsonpath-plus runs them as script; read the list ` +
      'with a wildcard and test its items with a "someFact:" or "everyFact:" operator, e.g. path ' +
      '$.items[*].price with operator someFact:greaterThan'
    );
  }
  if (/^\[-\d+\]/.test(rest)) {
    return `${at}a negative index never matches (it is read as a missing name); for the last item use the slice [-1:], which gives a list of one`;
  }
  if (/^\[[^\]]*,[^\]]*\]/.test(rest) && !/^\[['"]/.test(rest)) {
    return `${at}unions ([a,b]) are not supported; write one condition per item inside "any"`;
  }
  const quoted = /^\[(['"])(.*?)\1\]/.exec(rest);
  if (quoted) {
    const bad = [...new Set(quoted[2]!.split('').filter((ch) => /['"[\]\\~^@*`$(),:;#]/.test(ch)))];
    if (bad.length || quoted[2] === '') {
      return (
        `${at}${quoted[2] === '' ? 'an empty name is not supported' : `the name contains ${bad.map((c) => JSON.stringify(c)).join(', ')}, which JSONPath (jsonpath-plus) gives a meaning to even inside quotes`}; ` +
        'rename the field'
      );
    }
  }
  return `${at}use $.name, $['name with spaces or dots'], $.list[0], $.list[*].name or $.list[0:2]`;
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

/**
 * Follows steps with wildcards or slices as jsonpath-plus does with `wrap: false`: every value
 * reached, in order, as a list; `undefined` when none is reached.
 */
export function resolveSteps(factValue: unknown, steps: readonly PathStep[]): unknown {
  if (factValue == null || typeof factValue !== 'object') return factValue;
  const found: unknown[] = [];
  collect(factValue, steps, 0, found);
  return found.length ? found : undefined;
}

function collect(value: unknown, steps: readonly PathStep[], i: number, found: unknown[]): void {
  if (i === steps.length) {
    found.push(value);
    return;
  }
  const step = steps[i]!;
  if ('key' in step) {
    if (value && Object.hasOwn(value as object, step.key))
      collect((value as Record<string, unknown>)[step.key], steps, i + 1, found);
    return;
  }
  if ('wildcard' in step) {
    if (Array.isArray(value)) {
      for (let j = 0; j < value.length; j++) collect(value[j], steps, i + 1, found);
    } else if (value && typeof value === 'object') {
      for (const key of Object.keys(value))
        collect((value as Record<string, unknown>)[key], steps, i + 1, found);
    }
    return;
  }
  if (!Array.isArray(value)) return;
  const length = value.length;
  const { start: s = 0, end: e = length, step: by = 1 } = step.slice;
  const start = s < 0 ? Math.max(0, s + length) : Math.min(length, s);
  const end = e < 0 ? Math.max(0, e + length) : Math.min(length, e);
  for (let j = start; j < end; j += by) if (Object.hasOwn(value, j)) collect(value[j], steps, i + 1, found);
}

/** A getter specialised for the path, so the hot loop does no parsing. */
export function pathGetter(parsed: { steps: readonly PathStep[]; keys: readonly string[]; many: boolean }) {
  if (parsed.many) {
    const steps = parsed.steps;
    return (v: unknown) => resolveSteps(v, steps);
  }
  const keys = parsed.keys;
  if (keys.length === 1) {
    const key = keys[0]!;
    return (v: unknown) => {
      if (v == null || typeof v !== 'object') return v;
      return Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
    };
  }
  return (v: unknown) => resolvePath(v, keys);
}
