import fc from 'fast-check';

/** JSON as the cases build it (before serialising). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

/** Characters PostgreSQL cannot keep in text or jsonb: NUL and unpaired UTF-16 surrogates. */
export const POISON = ['\u0000', '\ud800', '\udbff', '\udc00', '\udfff'] as const;

/** Ordinary text around the poison (letters, digits, spaces, accents, an emoji: all storable). */
export const plainText = (maxLength = 12) =>
  fc.string({ unit: fc.constantFrom(...'abcXYZ019 _-.éß€😀'.match(/./gu)!), maxLength });

/** A string PostgreSQL cannot store: plain text with one poison character somewhere. */
export const unstorableString = fc
  .tuple(plainText(), fc.constantFrom(...POISON), plainText())
  .map(([a, p, b]) => `${a}${p}${b}`);

/** Inserts a poison character into a string at a chosen position. */
export const poisonInto = (s: string, poison: string, at: number) => {
  const i = s.length ? at % (s.length + 1) : 0;
  return `${s.slice(0, i)}${poison}${s.slice(i)}`;
};

/** Written into a body as the literal text 1e400 (JSON.parse gives Infinity), which JSON.stringify cannot produce. */
export const HUGE_LITERAL = '__fuzz_1e400__';
export const NEG_HUGE_LITERAL = '__fuzz_-1e400__';
export const withRawLiterals = (json: string) =>
  json.replaceAll(`"${HUGE_LITERAL}"`, '1e400').replaceAll(`"${NEG_HUGE_LITERAL}"`, '-1e400');

export const BOUNDARY_NUMBERS: Json[] = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-300,
  HUGE_LITERAL,
  NEG_HUGE_LITERAL,
];

/** Date-times at and beyond the edges of JavaScript's and PostgreSQL's ranges, and impossible ones. */
export const BOUNDARY_DATES = [
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '-004713-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999Z',
  '+294277-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T00:00:00+25:00',
  '2026-01-01',
  'now',
  'infinity',
  '-infinity',
  '',
];

export const ISO_DATE = /^[+-]?\d{4,6}-\d\d-\d\d(T|$)/;

/**
 * The nested value's JSON text, built without recursion (JSON.stringify of 40,000 levels would
 * overflow the test's own stack): the value is a placeholder in the structure and this replaces it.
 */
export function deepJson(levels: number, shape: 'array' | 'object' | 'all'): string {
  const [open, close] =
    shape === 'array' ? ['[', ']'] : shape === 'object' ? ['{"a":', '}'] : ['{"all":[', ']}'];
  return `${open.repeat(levels)}1${close.repeat(levels)}`;
}
export const DEEP_MARK = '__fuzz_deep__';
export const DEPTHS = [3_000, 10_000, 40_000] as const;

/** A value of another JSON type than `v` (never null: optional fields accept null). */
export function otherTypeValues(v: Json): Json[] {
  const all: Json[] = ['text', 42, true, [1, 'a'], { x: 1 }];
  const type = (x: Json) => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);
  return all.filter((x) => type(x) !== type(v));
}

export interface Node {
  path: Path;
  value: Json;
}

/** Every node of a JSON value (the root included), depth-first. */
export function nodes(value: Json, path: Path = []): Node[] {
  const out: Node[] = [{ path, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, [...path, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k]));
  return out;
}

/** A copy of `root` with the node at `path` replaced. */
export function replaceAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let cur = copy;
  for (const step of path.slice(0, -1)) cur = cur[step] as Record<string | number, Json>;
  cur[path[path.length - 1]!] = value;
  return copy as Json;
}

/** `a.b[0].c` — also how the server names fields. */
export const pathText = (path: Path) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
/** The same with every index as `[]`, to match declared regions such as `requests[].customer`. */
export const pathPattern = (path: Path) =>
  pathText(path.map((p) => (typeof p === 'number' ? -1 : p))).replaceAll('[-1]', '[]');

/** JSON text for logs and reproducers: poison escaped, long text cut in the middle. */
export function shortText(text: string, max = 400): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
    /[\u0000-\u001f\ud800-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length <= max
    ? escaped
    : `${escaped.slice(0, max / 2)}…(${escaped.length} chars)…${escaped.slice(-max / 4)}`;
}
