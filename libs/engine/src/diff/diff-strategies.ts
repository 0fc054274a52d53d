import { describeCondition, formatValue, type Labels } from '../conditions/describe-condition';
import type { Condition } from '../conditions/types';
import { canonicalJson } from '../document/canonical-json';
import {
  DEFAULT_HANDLE,
  type StrategyDocument,
  type StrategyEdge,
  type StrategyNode,
} from '../document/strategy-document';
import { nodeSpec } from '../nodes/registry';

export interface NodeSummary {
  id: string;
  type: string;
  label?: string;
  /** What the node does, in one line ("top 3 by priority"). */
  summary: string;
}

export interface FieldChange {
  /** Setting path inside the node, e.g. `config.propensityWeight` or `config.condition`. */
  field: string;
  before: unknown;
  after: unknown;
  /** The values in words: conditions as sentences, numbers and lists as a user reads them. */
  beforeText: string;
  afterText: string;
}

export interface NodeChange extends NodeSummary {
  before: string;
  moved?: { from?: { x: number; y: number }; to?: { x: number; y: number } };
  changes: FieldChange[];
}

export interface EdgeSummary {
  source: string;
  sourceHandle: string;
  target: string;
}

export interface StrategyDiff {
  unchanged: boolean;
  nodes: { added: NodeSummary[]; removed: NodeSummary[]; changed: NodeChange[] };
  edges: { added: EdgeSummary[]; removed: EdgeSummary[] };
}

/** Structural diff of two versions: the basis of the review screen and the visual diff. */
export function diffStrategies(
  before: StrategyDocument,
  after: StrategyDocument,
  labels: Labels = {},
): StrategyDiff {
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const added = after.nodes.filter((n) => !beforeNodes.has(n.id)).map((n) => summarize(n, labels));
  const removed = before.nodes.filter((n) => !afterNodes.has(n.id)).map((n) => summarize(n, labels));
  const changed: NodeChange[] = [];
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) continue;
    const changes: FieldChange[] = [];
    if (old.type !== node.type) changes.push(fieldChange('type', old.type, node.type, labels));
    if (old.label !== node.label) changes.push(fieldChange('label', old.label, node.label, labels));
    const [oldConfig, newConfig] = comparableConfigs(old, node);
    diffValues('config', oldConfig, newConfig, changes, labels);
    const reordered = reorderedInputs(node, before, after);
    if (reordered) changes.push(fieldChange('inputs', reordered.before, reordered.after, labels));
    const moved = samePosition(old.position, node.position)
      ? undefined
      : { from: old.position, to: node.position };
    if (changes.length || moved) {
      changed.push({
        ...summarize(node, labels),
        before: summarize(old, labels).summary,
        changes,
        ...(moved ? { moved } : {}),
      });
    }
  }
  const edgeKey = (e: StrategyEdge) =>
    `${e.source}\u0000${e.sourceHandle ?? DEFAULT_HANDLE}\u0000${e.target}`;
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  const edges = {
    added: after.edges.filter((e) => !beforeEdges.has(edgeKey(e))).map(edgeSummary),
    removed: before.edges.filter((e) => !afterEdges.has(edgeKey(e))).map(edgeSummary),
  };
  const unchanged =
    !added.length && !removed.length && !changed.length && !edges.added.length && !edges.removed.length;
  return { unchanged, nodes: { added, removed, changed }, edges };
}

/**
 * A merge keeps the first of two equal actions, so the order of its incoming edges is behaviour:
 * report it when the inputs both versions share arrive in a different order.
 */
function reorderedInputs(
  node: StrategyNode,
  before: StrategyDocument,
  after: StrategyDocument,
): { before: string[]; after: string[] } | undefined {
  if (nodeSpec(node.type)?.inputs !== 'many') return undefined;
  const inputsOf = (doc: StrategyDocument) =>
    doc.edges
      .filter((e) => e.target === node.id)
      .map((e) =>
        (e.sourceHandle ?? DEFAULT_HANDLE) === DEFAULT_HANDLE ? e.source : `${e.source}:${e.sourceHandle}`,
      );
  const a = inputsOf(before);
  const b = inputsOf(after);
  const sharedA = a.filter((x) => b.includes(x));
  const sharedB = b.filter((x) => a.includes(x));
  return sharedA.some((x, i) => x !== sharedB[i]) ? { before: a, after: b } : undefined;
}

/**
 * The two configs as they run: each node type's schema fills in its defaults, so a version that
 * spells out a default (`order: "desc"`, `levers: {}`) and one that leaves it out do not differ.
 * Configs that do not parse (or nodes that changed type) are compared as written.
 */
function comparableConfigs(before: StrategyNode, after: StrategyNode): [unknown, unknown] {
  const spec = before.type === after.type ? nodeSpec(after.type) : undefined;
  if (!spec) return [before.config, after.config];
  const a = spec.configSchema.safeParse(before.config ?? {});
  const b = spec.configSchema.safeParse(after.config ?? {});
  return a.success && b.success ? [a.data, b.data] : [before.config, after.config];
}

function summarize(node: StrategyNode, labels: Labels): NodeSummary {
  const spec = nodeSpec(node.type);
  const config = spec?.configSchema.safeParse(node.config ?? {});
  const summary = spec && config?.success ? spec.summarize(config.data, labels) : 'invalid settings';
  return { id: node.id, type: node.type, ...(node.label ? { label: node.label } : {}), summary };
}

function edgeSummary(e: StrategyEdge): EdgeSummary {
  return { source: e.source, sourceHandle: e.sourceHandle ?? DEFAULT_HANDLE, target: e.target };
}

function samePosition(a?: { x: number; y: number }, b?: { x: number; y: number }): boolean {
  return a?.x === b?.x && a?.y === b?.y;
}

/**
 * Recurses into objects and equal-length lists, and into conditions down to single comparisons, so
 * that one changed value of a long condition is one change ("age ≥ 18" → "age ≥ 21").
 */
function diffValues(field: string, a: unknown, b: unknown, out: FieldChange[], labels: Labels): void {
  if (canonical(a) === canonical(b)) return;
  // An empty list or map selects, weighs and limits nothing, exactly like leaving it out.
  if (isEmptyOrUnset(a) && isEmptyOrUnset(b)) return;
  if (isCondition(a) && isCondition(b)) {
    diffConditions(field, a as Record<string, unknown>, b as Record<string, unknown>, out, labels);
    return;
  }
  if (isObject(a) && isObject(b) && !isCondition(a) && !isCondition(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      diffValues(`${field}.${key}`, a[key], b[key], out, labels);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => diffValues(`${field}[${i}]`, item, b[i], out, labels));
    return;
  }
  out.push(fieldChange(field, a, b, labels));
}

/**
 * Two conditions, compared part by part: groups of the same kind ("all", "any") match their
 * conditions (equal ones first, then those on the same field, in order), so each changed,
 * added (before unset) or removed (after unset) comparison is a change of its own.
 */
function diffConditions(
  field: string,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  out: FieldChange[],
  labels: Labels,
): void {
  const group = (['all', 'any'] as const).find((k) => Array.isArray(a[k]) && Array.isArray(b[k]));
  if (group && Object.keys(a).length === 1 && Object.keys(b).length === 1) {
    const before = a[group] as unknown[];
    const after = b[group] as unknown[];
    const pairs = matchConditions(before, after);
    for (const [i, j] of pairs) {
      if (i === undefined) out.push(fieldChange(`${field}.${group}[${j}]`, undefined, after[j!], labels));
      else if (j === undefined)
        out.push(fieldChange(`${field}.${group}[${i}]`, before[i], undefined, labels));
      else if (canonical(before[i]) !== canonical(after[j]))
        diffValues(`${field}.${group}[${j}]`, before[i], after[j], out, labels);
    }
    return;
  }
  if (isObject(a.not) && isObject(b.not) && Object.keys(a).length === 1 && Object.keys(b).length === 1) {
    diffValues(`${field}.not`, a.not, b.not, out, labels);
    return;
  }
  out.push(fieldChange(field, a, b, labels));
}

/** Pairs of indexes [before, after] (undefined: added or removed), in the order of the newer list. */
function matchConditions(before: unknown[], after: unknown[]): [number | undefined, number | undefined][] {
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  const pairUp = (key: (c: unknown) => string) => {
    const free = new Map<string, number[]>();
    before.forEach((c, i) => {
      if (taken.has(i)) return;
      const k = key(c);
      free.set(k, [...(free.get(k) ?? []), i]);
    });
    after.forEach((c, j) => {
      if (partner.has(j)) return;
      const i = free.get(key(c))?.shift();
      if (i === undefined) return;
      partner.set(j, i);
      taken.add(i);
    });
  };
  pairUp(canonical);
  pairUp(conditionSubject);
  const pairs: [number | undefined, number | undefined][] = after.map((_, j) => [partner.get(j), j]);
  before.forEach((_, i) => {
    if (!taken.has(i)) pairs.push([i, undefined]);
  });
  return pairs;
}

/** What a condition is about: the fact and path of a comparison, the kind of a group. */
function conditionSubject(c: unknown): string {
  if (!isObject(c)) return canonical(c);
  if ('fact' in c) return `fact:${String(c.fact)}:${String(c.path ?? '')}`;
  return `group:${Object.keys(c).sort().join(',')}`;
}

function fieldChange(field: string, before: unknown, after: unknown, labels: Labels): FieldChange {
  return { field, before, after, beforeText: words(before, labels), afterText: words(after, labels) };
}

function words(value: unknown, labels: Labels): string {
  if (value === undefined) return '(not set)';
  if (isCondition(value)) {
    try {
      return describeCondition(value as Condition, labels);
    } catch {
      return JSON.stringify(value);
    }
  }
  return formatValue(value);
}

function isEmptyOrUnset(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && !isCondition(value) && Object.keys(value).length === 0;
}

function isCondition(value: unknown): boolean {
  return isObject(value) && ['all', 'any', 'not', 'fact'].some((k) => Object.hasOwn(value, k));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function canonical(value: unknown): string {
  return value === undefined ? 'undefined' : canonicalJson(value);
}
