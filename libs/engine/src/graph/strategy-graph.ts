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
 * Structural checks of the flow: endpoints and exits exist, each step has the lines its type
 * needs, no loops, everything reachable from a source and leading to the single output.
 *
 * One cause gives one problem: a deleted line is reported once (where it is missing), an
 * unconnected step once, and the steps cut off behind or before it not at all. Every step that no
 * actions reach, or from which nothing reaches the output, lies behind or before a missing line,
 * a loop or a step with unreadable settings, and that one is what is reported. Messages use the
 * palette's words: step, line, exit.
 */
export function checkGraph(
  document: StrategyDocument,
  nodes: Map<string, GraphNodeInfo>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  // A step by its name, as the canvas shows it ('the step "Age split"'); one without a name by its
  // kind ("the rank step"), with its id only when another step is of the same kind.
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const ofType = new Map<string, number>();
  for (const n of document.nodes) ofType.set(n.type, (ofType.get(n.type) ?? 0) + 1);
  const name = (id: string) => {
    const node = byId.get(id);
    const label = node?.label?.trim();
    if (label || !node) return `the step "${label || id}"`;
    const kind = `the ${node.type.replace(/-/g, ' ')} step`;
    return ofType.get(node.type) === 1 ? kind : `${kind} "${id}"`;
  };
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
          `the line connects to a step that does not exist ("${!source ? edge.source : edge.target}"); remove the line or connect it to an existing step`,
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
            ? 'no line can leave the output step; remove this line'
            : `${name(edge.source)} has no exit "${handle}"${known}`,
          { edgeId: id, nodeId: edge.source },
        ),
      );
      continue;
    }
    const key = `${edge.source}\u0000${handle}\u0000${edge.target}`;
    if (seen.has(key)) {
      problems.push(
        problem('extra_edge', `the same line is drawn twice; remove one of them`, {
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

  /** Steps that need a line in and have none. */
  const withoutInput: string[] = [];
  /** Exits that lead nowhere. */
  const deadEnds: { nodeId: string; handle: string }[] = [];
  for (const node of nodes.values()) {
    const ins = incoming.get(node.id)!;
    if (node.inputs === undefined) continue;
    if (node.inputs === 'none' && ins.length > 0) {
      problems.push(
        problem(
          'extra_edge',
          'this step starts the strategy and takes no line in; remove the line going into it',
          { nodeId: node.id },
        ),
      );
    } else if (node.inputs !== 'none' && ins.length === 0) {
      withoutInput.push(node.id);
    } else if (node.inputs === 'one' && ins.length > 1) {
      problems.push(
        problem(
          'extra_edge',
          `this step takes one line in but has ${ins.length}; join the branches with a merge step first`,
          { nodeId: node.id },
        ),
      );
    }
    for (const handle of node.handles ?? []) {
      if (!outgoing.get(node.id)!.some((e) => (e.sourceHandle ?? DEFAULT_HANDLE) === handle))
        deadEnds.push({ nodeId: node.id, handle });
    }
  }
  problems.push(...gapProblems(withoutInput, deadEnds, outgoing, name));

  const outputs = [...nodes.values()].filter((n) => n.isOutput);
  if (outputs.length !== 1) {
    problems.push(
      problem(
        'output_count',
        outputs.length === 0
          ? 'add an output step: a strategy has exactly one'
          : `a strategy has exactly one output step, this one has ${outputs.length}; keep one and join the branches with a merge step`,
        outputs.length > 1 ? { nodeId: outputs[1]!.id } : {},
      ),
    );
  }

  const cyclic = nodesOnCycles(nodes, outgoing);
  for (const id of cyclic)
    problems.push(
      problem(
        'cycle',
        'this step is part of a loop; remove a line of the loop: a strategy flows one way, to the output',
        { nodeId: id },
      ),
    );

  return problems;
}

/**
 * The missing lines, one problem each: a step with neither a line in nor out is "not connected";
 * when exactly one exit leads nowhere and exactly one step lacks its line in, they are the two
 * ends of one missing line (typically a deleted one) and give one problem, on the step after it.
 */
function gapProblems(
  withoutInput: string[],
  deadEnds: { nodeId: string; handle: string }[],
  outgoing: Map<string, StrategyEdge[]>,
  name: (id: string) => string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const lonely = new Set(
    withoutInput.filter((id) => outgoing.get(id)!.length === 0 && deadEnds.some((d) => d.nodeId === id)),
  );
  for (const id of lonely)
    problems.push(
      problem(
        'missing_edge',
        'this step is not connected; connect a line into it from the step before and one out of it towards the output',
        { nodeId: id },
      ),
    );
  const needInput = withoutInput.filter((id) => !lonely.has(id));
  const open = deadEnds.filter((d) => !lonely.has(d.nodeId));
  if (needInput.length === 1 && open.length === 1 && open[0]!.nodeId !== needInput[0]) {
    const from = open[0]!;
    const exit = from.handle === DEFAULT_HANDLE ? '' : ` (branch "${from.handle}")`;
    problems.push(
      problem('missing_edge', `no line goes into this step; connect ${name(from.nodeId)}${exit} to it`, {
        nodeId: needInput[0],
      }),
    );
    return problems;
  }
  for (const id of needInput)
    problems.push(
      problem('missing_edge', 'no line goes into this step; connect the step before it', { nodeId: id }),
    );
  for (const { nodeId, handle } of open) {
    const what = handle === DEFAULT_HANDLE ? 'this step leads nowhere' : `branch "${handle}" leads nowhere`;
    problems.push(
      problem('missing_edge', `${what}; connect a line from it towards the output`, {
        nodeId,
        field: handle === DEFAULT_HANDLE ? undefined : 'config',
      }),
    );
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
