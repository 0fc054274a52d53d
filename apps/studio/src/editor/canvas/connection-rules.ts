import { DEFAULT_HANDLE, nodeSpec, type StrategyDocument } from '@arbiter/engine';
import { edgeKey } from '../document-edits';

export interface ProposedConnection {
  source: string | null;
  sourceHandle?: string | null;
  target: string | null;
}

/** Why a connection may not be made, in the designer's words; undefined if it may. */
export function connectionProblem(doc: StrategyDocument, connection: ProposedConnection): string | undefined {
  const { source, target } = connection;
  if (!source || !target) return 'drop the line on another step';
  if (source === target) return 'a step cannot lead to itself';
  const from = doc.nodes.find((n) => n.id === source);
  const to = doc.nodes.find((n) => n.id === target);
  if (!from || !to) return 'that step no longer exists';
  const fromSpec = nodeSpec(from.type);
  const toSpec = nodeSpec(to.type);
  if (!fromSpec || !toSpec) return 'unknown step type';
  if (from.type === 'output') return 'the output is the end of the strategy; nothing comes after it';
  if (toSpec.inputs === 'none') return `${toSpec.title} starts a flow; it takes no incoming line`;
  const handle = connection.sourceHandle ?? DEFAULT_HANDLE;
  const parsed = fromSpec.configSchema.safeParse(from.config ?? {});
  if (parsed.success && !fromSpec.outputHandles(parsed.data).includes(handle))
    return `${fromSpec.title} has no exit "${handle}"`;
  const key = edgeKey({ source, sourceHandle: handle, target });
  if (doc.edges.some((e) => edgeKey(e) === key)) return 'these steps are already connected';
  if (toSpec.inputs === 'one' && doc.edges.some((e) => e.target === target)) {
    return `${toSpec.title} takes one incoming line; join branches with a Merge step first`;
  }
  if (leadsTo(doc, target, source)) return 'that would make a loop; a strategy flows one way to the output';
  return undefined;
}

function leadsTo(doc: StrategyDocument, from: string, to: string): boolean {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const e of doc.edges) {
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target);
        stack.push(e.target);
      }
    }
  }
  return false;
}
