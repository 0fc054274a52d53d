import {
  FACT_NAMES,
  isAll,
  isAny,
  isComparison,
  isFactReference,
  isNot,
  OPERATORS,
  type Condition,
  type FactName,
  type RootCondition,
} from '@arbiter/engine';

/**
 * The condition builder's tree, and its lossless conversion to and from json-rules-engine's format.
 * Anything the builder cannot show as a simple row (decorated operators, nested paths, a value that
 * refers to another fact) stays a `raw` node and round-trips untouched.
 */
export type BuilderNode = RuleGroup | NotBlock | Rule | RawCondition;

/** Extra json-rules-engine keys (`name`, `priority`) that the builder keeps but does not show. */
type Extra = Record<string, unknown>;

export interface RuleGroup {
  kind: 'group';
  id: string;
  combinator: 'all' | 'any';
  children: BuilderNode[];
  extra?: Extra;
}

export interface NotBlock {
  kind: 'not';
  id: string;
  child: BuilderNode;
  extra?: Extra;
}

export interface Rule {
  kind: 'rule';
  id: string;
  fact: FactName;
  field: string;
  operator: string;
  value: unknown;
  extra?: Extra;
}

export interface RawCondition {
  kind: 'raw';
  id: string;
  condition: Condition;
}

const SIMPLE_PATH = /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/;
const GROUP_KEYS = new Set(['all', 'any', 'not']);
const RULE_KEYS = new Set(['fact', 'path', 'operator', 'value']);

let counter = 0;
export function newId(): string {
  counter += 1;
  return `c${counter}`;
}

function extraOf(condition: object, known: Set<string>): Extra | undefined {
  const extra = Object.fromEntries(Object.entries(condition).filter(([k]) => !known.has(k)));
  return Object.keys(extra).length ? extra : undefined;
}

export function fromCondition(condition: Condition): BuilderNode {
  if (isAll(condition) || isAny(condition)) {
    const combinator = isAll(condition) ? 'all' : 'any';
    const children = isAll(condition) ? condition.all : (condition as { any: Condition[] }).any;
    if (
      !Array.isArray(children) ||
      Object.hasOwn(condition, isAll(condition) ? 'any' : 'all') ||
      Object.hasOwn(condition, 'not')
    ) {
      return { kind: 'raw', id: newId(), condition };
    }
    return {
      kind: 'group',
      id: newId(),
      combinator,
      children: children.map(fromCondition),
      extra: extraOf(condition, GROUP_KEYS),
    };
  }
  if (isNot(condition)) {
    if (
      Object.hasOwn(condition, 'all') ||
      Object.hasOwn(condition, 'any') ||
      condition.not === null ||
      typeof condition.not !== 'object'
    ) {
      return { kind: 'raw', id: newId(), condition };
    }
    return {
      kind: 'not',
      id: newId(),
      child: fromCondition(condition.not),
      extra: extraOf(condition, GROUP_KEYS),
    };
  }
  if (isComparison(condition)) {
    const match = typeof condition.path === 'string' ? SIMPLE_PATH.exec(condition.path) : null;
    const simple =
      match &&
      (FACT_NAMES as readonly string[]).includes(condition.fact) &&
      typeof condition.operator === 'string' &&
      Object.hasOwn(OPERATORS, condition.operator) &&
      Object.hasOwn(condition, 'value') &&
      !isFactReference(condition.value);
    if (simple) {
      return {
        kind: 'rule',
        id: newId(),
        fact: condition.fact as FactName,
        field: match[1]!,
        operator: condition.operator,
        value: condition.value,
        extra: extraOf(condition, RULE_KEYS),
      };
    }
  }
  return { kind: 'raw', id: newId(), condition };
}

export function toCondition(node: BuilderNode): Condition {
  switch (node.kind) {
    case 'group':
      return node.combinator === 'all'
        ? { all: node.children.map(toCondition), ...node.extra }
        : { any: node.children.map(toCondition), ...node.extra };
    case 'not':
      return { not: toCondition(node.child), ...node.extra };
    case 'rule':
      return {
        fact: node.fact,
        path: `$.${node.field}`,
        operator: node.operator,
        value: node.value,
        ...node.extra,
      };
    case 'raw':
      return node.condition;
  }
}

/** The builder always edits a root group; a root that is a single `not` is shown inside one. */
export function fromRootCondition(condition: RootCondition | undefined): RuleGroup {
  if (!condition) return emptyGroup();
  const node = fromCondition(condition);
  return node.kind === 'group'
    ? node
    : { kind: 'group', id: newId(), combinator: 'all', children: [node], extra: { __wrapped: true } };
}

export function toRootCondition(group: RuleGroup): RootCondition {
  if (group.extra?.__wrapped && group.children.length === 1 && group.combinator === 'all') {
    const only = toCondition(group.children[0]!);
    if (isNot(only) || isAll(only) || isAny(only)) return only as RootCondition;
  }
  const { __wrapped: _w, ...extra } = group.extra ?? {};
  return toCondition({ ...group, extra: Object.keys(extra).length ? extra : undefined }) as RootCondition;
}

export function emptyGroup(combinator: 'all' | 'any' = 'all'): RuleGroup {
  return { kind: 'group', id: newId(), combinator, children: [] };
}

/** Replaces the node with `id` (anywhere in the tree) by what `change` returns; undefined removes it. */
export function updateTree(
  root: RuleGroup,
  id: string,
  change: (node: BuilderNode) => BuilderNode | undefined,
): RuleGroup {
  const visit = (node: BuilderNode): BuilderNode | undefined => {
    if (node.id === id) return change(node);
    if (node.kind === 'group') {
      const children = node.children.flatMap((c) => {
        const next = visit(c);
        return next ? [next] : [];
      });
      return children.length === node.children.length && children.every((c, i) => c === node.children[i])
        ? node
        : { ...node, children };
    }
    if (node.kind === 'not') {
      const child = visit(node.child);
      if (!child) return undefined;
      return child === node.child ? node : { ...node, child };
    }
    return node;
  };
  const next = visit(root);
  return next && next.kind === 'group' ? next : root;
}

export function countRules(node: BuilderNode): number {
  if (node.kind === 'group') return node.children.reduce((n, c) => n + countRules(c), 0);
  if (node.kind === 'not') return countRules(node.child);
  return 1;
}

/** Field path of a builder node inside the json-rules-engine condition, as validation problems report it. */
export function fieldPaths(root: RuleGroup, base: string): Map<string, string> {
  const paths = new Map<string, string>();
  const visit = (node: BuilderNode, path: string) => {
    paths.set(node.id, path);
    if (node.kind === 'group') node.children.forEach((c, i) => visit(c, `${path}.${node.combinator}[${i}]`));
    if (node.kind === 'not') visit(node.child, `${path}.not`);
  };
  if (root.extra?.__wrapped && root.children.length === 1) visit(root.children[0]!, base);
  else visit(root, base);
  return paths;
}
