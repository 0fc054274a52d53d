import {
  DEFAULT_HANDLE,
  edgeId,
  type StrategyDocument,
  type StrategyEdge,
} from '../document/strategy-document';
import { problem, type ValidationProblem } from '../validation/problem';

export interface GraphNodeInfo {
  id: string;
  /** undefined when the node's type is unknown: its edges are not checked. */
  inputs?: 'none' | 'one' | 'many';
  /** Output handles, or undefined if the node's config is invalid (handles unknown). */
  handles?: string[];
  isOutput: boolean;
}

/**
 * Structural checks of the flow: endpoints and handles exist, each node has the edges its type
 * needs, no cycles, everything reachable from a source and leading to the single output.
 */
export function checkGraph(
  document: StrategyDocument,
  nodes: Map<string, GraphNodeInfo>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const incoming = new Map<string, StrategyEdge[]>();
  const outgoing = new Map<string, StrategyEdge[]>();
  const seen = new Set<string>();
  for (const id of nodes.keys()) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  for (const edge of document.edges) {
    const id = edgeId(edge);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      problems.push(
        problem(
          'unknown_edge_endpoint',
          `the edge connects to a node that does not exist ("${!source ? edge.source : edge.target}"); remove the edge or connect it to an existing node`,
          { edgeId: id },
        ),
      );
      continue;
    }
    const handle = edge.sourceHandle ?? DEFAULT_HANDLE;
    if (source.handles && !source.handles.includes(handle)) {
      const known = source.handles.length ? `; it has ${source.handles.map((h) => `"${h}"`).join(', ')}` : '';
      problems.push(
        problem(
          source.isOutput ? 'extra_edge' : 'unknown_handle',
          source.isOutput
            ? 'the output node cannot have outgoing edges; remove this edge'
            : `node "${edge.source}" has no output "${handle}"${known}`,
          { edgeId: id, nodeId: edge.source },
        ),
      );
      continue;
    }
    const key = `${edge.source}\u0000${handle}\u0000${edge.target}`;
    if (seen.has(key)) {
      problems.push(
        problem('extra_edge', `the same connection appears twice; remove one of them`, {
          edgeId: id,
          nodeId: edge.target,
        }),
      );
      continue;
    }
    seen.add(key);
    outgoing.get(edge.source)!.push(edge);
    incoming.get(edge.target)!.push(edge);
  }

  for (const node of nodes.values()) {
    const ins = incoming.get(node.id)!;
    if (node.inputs === undefined) continue;
    if (node.inputs === 'none' && ins.length > 0) {
      problems.push(
        problem(
          'extra_edge',
          'this node starts a flow and takes no incoming edge; remove the incoming edge',
          { nodeId: node.id },
        ),
      );
    } else if (node.inputs !== 'none' && ins.length === 0) {
      problems.push(problem('missing_edge', 'connect an incoming edge to this node', { nodeId: node.id }));
    } else if (node.inputs === 'one' && ins.length > 1) {
      problems.push(
        problem(
          'extra_edge',
          `this node takes one incoming edge but has ${ins.length}; join branches with a merge node first`,
          { nodeId: node.id },
        ),
      );
    }
    for (const handle of node.handles ?? []) {
      if (!outgoing.get(node.id)!.some((e) => (e.sourceHandle ?? DEFAULT_HANDLE) === handle)) {
        const what =
          handle === DEFAULT_HANDLE ? 'this node leads nowhere' : `branch "${handle}" leads nowhere`;
        problems.push(
          problem('missing_edge', `${what}; connect it towards the output`, {
            nodeId: node.id,
            field: handle === DEFAULT_HANDLE ? undefined : 'config',
          }),
        );
      }
    }
  }

  const outputs = [...nodes.values()].filter((n) => n.isOutput);
  if (outputs.length !== 1) {
    problems.push(
      problem(
        'output_count',
        outputs.length === 0
          ? 'add an output node: a strategy has exactly one'
          : `a strategy has exactly one output node, this one has ${outputs.length}; keep one and join the branches with a merge node`,
        outputs.length > 1 ? { nodeId: outputs[1]!.id } : {},
      ),
    );
  }

  const cyclic = nodesOnCycles(nodes, outgoing);
  for (const id of cyclic)
    problems.push(
      problem(
        'cycle',
        'this node is part of a loop; remove an edge of the loop, a strategy flows one way to the output',
        { nodeId: id },
      ),
    );

  const fromSources = reachable(
    [...nodes.values()].filter((n) => n.inputs === 'none').map((n) => n.id),
    outgoing,
    (e) => e.target,
  );
  const toOutput = reachable(
    outputs.map((n) => n.id),
    incoming,
    (e) => e.source,
  );
  for (const node of nodes.values()) {
    if (cyclic.has(node.id)) continue;
    if (node.inputs === undefined) continue;
    if (!fromSources.has(node.id)) {
      problems.push(
        problem(
          'unreachable_node',
          'no actions reach this node; connect it to a flow that starts with an actions node',
          { nodeId: node.id },
        ),
      );
    } else if (outputs.length === 1 && !toOutput.has(node.id)) {
      problems.push(
        problem(
          'no_path_to_output',
          'nothing from this node reaches the output; connect it towards the output or remove it',
          { nodeId: node.id },
        ),
      );
    }
  }
  return problems;
}

function reachable(
  start: string[],
  edges: Map<string, StrategyEdge[]>,
  next: (e: StrategyEdge) => string,
): Set<string> {
  const seen = new Set(start);
  const stack = [...start];
  while (stack.length) {
    for (const e of edges.get(stack.pop()!) ?? []) {
      const n = next(e);
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

/** Kahn's algorithm: whatever cannot be ordered lies on or behind a cycle; keep those that are on one. */
function nodesOnCycles(
  nodes: Map<string, GraphNodeInfo>,
  outgoing: Map<string, StrategyEdge[]>,
): Set<string> {
  const order = topologicalOrder([...nodes.keys()], outgoing);
  const left = new Set([...nodes.keys()].filter((id) => !order.includes(id)));
  // Among the leftovers, a node is on a cycle if it can reach itself.
  return new Set(
    [...left].filter((id) => {
      const targets = (outgoing.get(id) ?? []).map((e) => e.target).filter((t) => left.has(t));
      return reachable(targets, outgoing, (e) => e.target).has(id);
    }),
  );
}

export function topologicalOrder(ids: string[], outgoing: Map<string, StrategyEdge[]>): string[] {
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const edges of outgoing.values())
    for (const e of edges) if (indegree.has(e.target)) indegree.set(e.target, indegree.get(e.target)! + 1);
  const queue = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const e of outgoing.get(id) ?? []) {
      const d = indegree.get(e.target);
      if (d === undefined) continue;
      indegree.set(e.target, d - 1);
      if (d - 1 === 0) queue.push(e.target);
    }
  }
  return order;
}
