import { DEFAULT_HANDLE, nodeSpec, type StrategyDocument, type StrategyEdge } from '@arbiter/engine';

/**
 * The strategy with a split step replaced by the arm that won: the step that fed the split feeds
 * the winning branch directly, and the steps only the other branches reached are removed, so every
 * customer takes the winning arm and the review diff shows exactly what goes away.
 */
export function promoteArm(document: StrategyDocument, splitStepId: string, arm: string): StrategyDocument {
  const incoming = document.edges.filter((e) => e.target === splitStepId);
  const winning = document.edges.filter(
    (e) => e.source === splitStepId && (e.sourceHandle ?? DEFAULT_HANDLE) === arm,
  );
  let edges: StrategyEdge[] = document.edges.filter(
    (e) => e.target !== splitStepId && e.source !== splitStepId,
  );
  for (const from of incoming)
    for (const to of winning)
      edges.push({
        source: from.source,
        ...(from.sourceHandle !== undefined && { sourceHandle: from.sourceHandle }),
        target: to.target,
      });
  let nodes = document.nodes.filter((n) => n.id !== splitStepId);

  // Remove what no longer gets a list (a step whose every input was a losing branch) and sources that now feed nothing.
  for (;;) {
    const fed = new Set(edges.map((e) => e.target));
    const feeding = new Set(edges.map((e) => e.source));
    const gone = new Set(
      nodes
        .filter((n) => {
          const source = nodeSpec(n.type)?.inputs === 'none';
          return source ? !feeding.has(n.id) : !fed.has(n.id);
        })
        .map((n) => n.id),
    );
    if (!gone.size) break;
    nodes = nodes.filter((n) => !gone.has(n.id));
    edges = edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  }
  // Two paths that merged again may now be one edge twice.
  const seen = new Set<string>();
  edges = edges.filter((e) => {
    const key = `${e.source}\u0000${e.sourceHandle ?? DEFAULT_HANDLE}\u0000${e.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...document, nodes, edges };
}
