import {
  DEFAULT_HANDLE,
  nodeSpec,
  type StrategyDocument,
  type StrategyEdge,
  type StrategyNode,
} from '@arbiter/engine';

/** Pure edits of a strategy document. Each returns a new document and never mutates its input. */

export interface Position {
  x: number;
  y: number;
}

export function emptyDocument(name = 'Untitled strategy'): StrategyDocument {
  return { schemaVersion: 1, name, nodes: [], edges: [] };
}

/** "filter-2": the type followed by the first free number. */
export function nextNodeId(
  doc: StrategyDocument,
  type: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set([...doc.nodes.map((n) => n.id), ...taken]);
  const base = type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`;
    if (!used.has(id)) return id;
  }
}

export function addNode(doc: StrategyDocument, node: StrategyNode): StrategyDocument {
  return { ...doc, nodes: [...doc.nodes, node] };
}

export function updateNode(
  doc: StrategyDocument,
  id: string,
  change: (node: StrategyNode) => StrategyNode,
): StrategyDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = change(n);
    changed ||= next !== n;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

export function setNodeConfig(doc: StrategyDocument, id: string, config: unknown): StrategyDocument {
  return updateNode(doc, id, (n) => ({ ...n, config }));
}

export function setNodeLabel(doc: StrategyDocument, id: string, label: string): StrategyDocument {
  return updateNode(doc, id, (n) => {
    const { label: _old, ...rest } = n;
    return label.trim() ? { ...rest, label } : rest;
  });
}

export function moveNodes(doc: StrategyDocument, positions: ReadonlyMap<string, Position>): StrategyDocument {
  if (positions.size === 0) return doc;
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
    changed = true;
    return { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } };
  });
  return changed ? { ...doc, nodes } : doc;
}

export function edgeKey(edge: StrategyEdge): string {
  return `${edge.source}:${edge.sourceHandle ?? DEFAULT_HANDLE}->${edge.target}`;
}

export function connect(
  doc: StrategyDocument,
  source: string,
  sourceHandle: string | null | undefined,
  target: string,
): StrategyDocument {
  const edge: StrategyEdge = {
    source,
    target,
    ...(sourceHandle && sourceHandle !== DEFAULT_HANDLE ? { sourceHandle } : {}),
  };
  if (doc.edges.some((e) => edgeKey(e) === edgeKey(edge))) return doc;
  return { ...doc, edges: [...doc.edges, edge] };
}

/** Removes nodes (with their edges) and edges given by edgeKey. */
export function removeElements(
  doc: StrategyDocument,
  nodeIds: Iterable<string>,
  edgeKeys: Iterable<string> = [],
): StrategyDocument {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeKeys);
  if (nodes.size === 0 && edges.size === 0) return doc;
  const next = {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
    edges: doc.edges.filter((e) => !nodes.has(e.source) && !nodes.has(e.target) && !edges.has(edgeKey(e))),
  };
  return next.nodes.length === doc.nodes.length && next.edges.length === doc.edges.length ? doc : next;
}

/** A split whose branches were renamed or removed: edges from branches that no longer exist go too. */
export function dropDanglingBranchEdges(doc: StrategyDocument, onlyFrom?: string): StrategyDocument {
  const handles = new Map<string, string[] | undefined>();
  // After an edit of one step's settings only its exits can have changed: the others are not parsed.
  for (const node of onlyFrom === undefined ? doc.nodes : doc.nodes.filter((n) => n.id === onlyFrom)) {
    const spec = nodeSpec(node.type);
    const parsed = spec?.configSchema.safeParse(node.config ?? {});
    handles.set(node.id, parsed?.success ? spec!.outputHandles(parsed.data) : undefined);
  }
  const edges = doc.edges.filter((e) => {
    const known = handles.get(e.source);
    return !known || known.includes(e.sourceHandle ?? DEFAULT_HANDLE);
  });
  return edges.length === doc.edges.length ? doc : { ...doc, edges };
}

/** What is copied to the clipboard: some nodes and the edges between them. */
export interface Fragment {
  kind: 'arbiter-strategy-fragment';
  nodes: StrategyNode[];
  edges: StrategyEdge[];
}

export function copyFragment(doc: StrategyDocument, nodeIds: Iterable<string>): Fragment | undefined {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return undefined;
  return {
    kind: 'arbiter-strategy-fragment',
    nodes,
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

export function isFragment(value: unknown): value is Fragment {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'arbiter-strategy-fragment' &&
    Array.isArray((value as { nodes?: unknown }).nodes) &&
    Array.isArray((value as { edges?: unknown }).edges)
  );
}

/** Pastes a fragment with fresh ids, shifted by `offset`; returns the document and the new node ids. */
export function pasteFragment(
  doc: StrategyDocument,
  fragment: Fragment,
  offset: Position,
): { doc: StrategyDocument; nodeIds: string[] } {
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  const nodes = fragment.nodes.map((n) => {
    const id = nextNodeId(doc, n.type, taken);
    taken.add(id);
    renamed.set(n.id, id);
    const position = n.position ? { x: n.position.x + offset.x, y: n.position.y + offset.y } : offset;
    return { ...n, id, position };
  });
  const edges = fragment.edges.flatMap((e) => {
    const source = renamed.get(e.source);
    const target = renamed.get(e.target);
    if (!source || !target) return [];
    const { id: _id, ...rest } = e;
    return [{ ...rest, source, target }];
  });
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
  };
}
