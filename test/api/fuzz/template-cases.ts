import fc from 'fast-check';
import {
  BOUNDARY_DATES,
  BOUNDARY_NUMBERS,
  DEEP_MARK,
  deepJson,
  DEPTHS,
  ISO_DATE,
  nodes,
  otherTypeValues,
  pathPattern,
  pathText,
  plainText,
  POISON,
  poisonInto,
  replaceAt,
  withRawLiterals,
  type Json,
  type Node,
} from './bad-values';
import type { CaseKind, Expectation, FuzzCase } from './fuzz-case';
import type { FuzzWorld } from './fuzz-world';
import { TEMPLATES, type Template } from './templates';

/** Input errors: our VALIDATION_FAILED, a GraphQL variable that does not fit its type, a malformed request. */
const INPUT_ERRORS = ['VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST'];
/** Answers a valid-looking input may get from the fixtures' state. */
const STATE_ERRORS = ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'];

type Mutation = 'unstorable-value' | 'unstorable-key' | 'wrong-type' | 'deep' | 'boundary' | 'huge';

function expectationFor(t: Template, kind: Mutation, freeForm: boolean, original: Json): Expectation {
  const graphql = t.target.startsWith('graphql');
  const okStatus = graphql ? [200] : [200, 201];
  const baseStatus = (codes: string[]) =>
    codes.flatMap((c) => (c === 'OK' ? okStatus : graphql ? [200] : [400, 401, 404, 409]));
  const extraCodes = t.extra?.codes ?? [];
  const extraStatus = t.extra?.status ?? [];
  const make = (status: number[], codes: string[]): Expectation => ({
    status: [...new Set([...status, ...extraStatus])],
    codes: [...new Set([...codes, ...extraCodes])],
  });
  switch (kind) {
    case 'unstorable-value':
    case 'unstorable-key':
      // The edge refuses such text wherever it is, before any lookup: never OK, never a state error.
      return graphql
        ? make([200, 400], ['VALIDATION_FAILED', 'BAD_USER_INPUT'])
        : make([400], ['VALIDATION_FAILED']);
    case 'wrong-type':
      // GraphQL coerces a single value where a list belongs into a list of one (spec, "Input Coercion" of lists).
      if (freeForm || (graphql && Array.isArray(original)))
        return make(
          [...(graphql ? [200, 400] : [400]), ...baseStatus(t.base)],
          [...INPUT_ERRORS, ...t.base, ...STATE_ERRORS],
        );
      return graphql ? make([200, 400], INPUT_ERRORS) : make([400], ['VALIDATION_FAILED', 'BAD_REQUEST']);
    case 'deep':
      return graphql
        ? make([200, 400, 413], INPUT_ERRORS)
        : make([400, 413], ['VALIDATION_FAILED', 'BAD_REQUEST']);
    case 'boundary':
    case 'huge':
      return make(
        [...(graphql ? [200, 400] : [400, 404, 409]), 413, ...baseStatus(t.base)],
        [...INPUT_ERRORS, ...t.base, ...STATE_ERRORS],
      );
  }
}

const inFreeForm = (t: Template, path: (string | number)[]) => {
  const p = pathPattern(path);
  return t.freeForm.some(
    (region) => p === region || p.startsWith(`${region}.`) || p.startsWith(`${region}[`),
  );
};

interface Choice {
  t: Template;
  kind: Mutation;
  pick: number;
  at: number;
  poison: string;
  text: string;
  other: number;
  depth: number;
  shape: 'array' | 'object' | 'all';
  size: number;
}

let serial = 0;
/** Unique per generated case within one process (names, ids and idempotency keys of valid inputs). */
const nextUnique = () => `${process.pid.toString(36)}${(serial++).toString(36)}`;

function pickNode(all: Node[], pick: number, filter: (n: Node) => boolean): Node | undefined {
  const candidates = all.filter(filter);
  return candidates.length ? candidates[pick % candidates.length] : undefined;
}

/** Applies the mutation; returns the JSON text sent, where it was applied and what was done. */
function mutate(
  input: Json,
  c: Choice,
): { json: string; path: (string | number)[]; original: Json; note: string; kind: Mutation } | undefined {
  const graphql = c.t.target.startsWith('graphql');
  const all = nodes(input).filter((n) => n.path.length > 0);
  const text = (v: Json) => withRawLiterals(JSON.stringify(v));
  switch (c.kind) {
    case 'unstorable-value': {
      const node = pickNode(all, c.pick, (n) => typeof n.value === 'string');
      if (!node) return undefined;
      const value = poisonInto(node.value as string, c.poison, c.at);
      return {
        json: text(replaceAt(input, node.path, value)),
        path: node.path,
        original: node.value,
        note: `U+${c.poison.charCodeAt(0).toString(16).padStart(4, '0')} in the value of ${pathText(node.path)}`,
        kind: c.kind,
      };
    }
    case 'unstorable-key': {
      // GraphQL ignores variables the operation does not declare, so the keys of the variables object itself are not input.
      const candidates = graphql ? all : nodes(input);
      const node = pickNode(
        candidates,
        c.pick,
        (n) => !!n.value && typeof n.value === 'object' && !Array.isArray(n.value),
      );
      if (!node) return undefined;
      const key = poisonInto(c.text || 'k', c.poison, c.at);
      const value = { ...(node.value as Record<string, Json>), [key]: 'v' };
      return {
        json: text(replaceAt(input, node.path, value)),
        path: [...node.path, key],
        original: node.value,
        note: `U+${c.poison.charCodeAt(0).toString(16).padStart(4, '0')} in a key of ${pathText(node.path) || 'the root'}`,
        kind: c.kind,
      };
    }
    case 'wrong-type': {
      const node = all[c.pick % all.length]!;
      const options = otherTypeValues(node.value);
      const value = options[c.other % options.length]!;
      return {
        json: text(replaceAt(input, node.path, value)),
        path: node.path,
        original: node.value,
        note: `${pathText(node.path)} = ${JSON.stringify(value)}`,
        kind: c.kind,
      };
    }
    case 'deep': {
      const node = all[c.pick % all.length]!;
      const json = JSON.stringify(replaceAt(input, node.path, DEEP_MARK)).replace(
        `"${DEEP_MARK}"`,
        deepJson(c.depth, c.shape),
      );
      return {
        json,
        path: node.path,
        original: node.value,
        note: `${pathText(node.path)} nested ${c.depth} levels (${c.shape})`,
        kind: c.kind,
      };
    }
    case 'boundary': {
      const dates = all.filter((n) => typeof n.value === 'string' && ISO_DATE.test(n.value));
      const numbers = all.filter((n) => typeof n.value === 'number');
      const useDate = dates.length > 0 && (numbers.length === 0 || c.other % 2 === 0);
      const pool = useDate ? dates : numbers.length ? numbers : all;
      const node = pool[c.pick % pool.length]!;
      const value = useDate
        ? BOUNDARY_DATES[c.at % BOUNDARY_DATES.length]!
        : BOUNDARY_NUMBERS[c.at % BOUNDARY_NUMBERS.length]!;
      return {
        json: text(replaceAt(input, node.path, value)),
        path: node.path,
        original: node.value,
        note: `${pathText(node.path)} = ${String(value)}`,
        kind: c.kind,
      };
    }
    case 'huge': {
      const node = all[c.pick % all.length]!;
      const value: Json =
        typeof node.value === 'string'
          ? 'x'.repeat(c.size * 10)
          : Array.isArray(node.value)
            ? Array.from({ length: c.size }, (_, i) => (node.value as Json[])[0] ?? i)
            : Array.from({ length: c.size }, (_, i) => i);
      return {
        json: text(replaceAt(input, node.path, value)),
        path: node.path,
        original: node.value,
        note: `${pathText(node.path)} = ${Array.isArray(value) ? `${value.length} items` : `${String(value).length} characters`}`,
        kind: c.kind,
      };
    }
  }
}

/** One spot of a valid input of one operation broken in one way. */
export function templateCases(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      t: fc.constantFrom(...TEMPLATES),
      kind: fc.constantFrom<Mutation>(
        'unstorable-value',
        'unstorable-value',
        'unstorable-key',
        'wrong-type',
        'deep',
        'boundary',
        'boundary',
        'huge',
      ),
      pick: fc.nat(),
      at: fc.nat(),
      poison: fc.constantFrom(...POISON),
      text: plainText(8),
      other: fc.nat(),
      depth: fc.constantFrom(...DEPTHS),
      shape: fc.constantFrom<'array' | 'object' | 'all'>('array', 'object', 'all'),
      // Items (or tens of characters): up to 3 MB, past the 2 MB body limit.
      size: fc.constantFrom(1_001, 20_000, 120_000, 300_000),
    })
    .map((c): FuzzCase => {
      const input = c.t.input(w, nextUnique());
      const m =
        mutate(input, c) ??
        mutate(input, { ...c, kind: 'unstorable-key' }) ??
        mutate(input, { ...c, kind: 'wrong-type' })!;
      return {
        target: c.t.target,
        kind: m.kind as CaseKind,
        note: m.note,
        request: c.t.request(w, m.json),
        expect: expectationFor(c.t, m.kind, inFreeForm(c.t, m.path), m.original),
        decides: c.t.decides,
      };
    });
}
