import type { ActionDefinition, DecisionTrace, StrategyDocument } from '@arbiter/engine';
import { nodeKind } from '../nodes/registry';

export interface TraceStep {
  nodeId: string;
  title: string;
  /** "10 in → 4 out", "took the branch “High churn risk”". */
  text: string;
  dropped: { actionId: string; name: string; reason: string }[];
  notes: string[];
}

/** The path a customer took through the strategy, step by step, in words. */
export function traceInWords(
  trace: DecisionTrace,
  doc: StrategyDocument,
  actions: readonly ActionDefinition[],
): TraceStep[] {
  const names = new Map(actions.map((a) => [a.id, a.name]));
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const byId = new Map(trace.nodes.map((n) => [n.nodeId, n]));
  return trace.path.flatMap((id) => {
    const t = byId.get(id);
    const node = nodes.get(id);
    if (!t || !node) return [];
    const kind = nodeKind(node.type);
    const title = node.label ?? kind?.displayName ?? node.type;
    const parts: string[] = [];
    if (kind?.inputs === 'none') parts.push(`${plural(t.out, 'action')} to consider`);
    else parts.push(`${t.in} in → ${t.out} out`);
    if (t.branch !== undefined) {
      const handle = kind?.handles(node).find((h) => h.id === t.branch);
      parts.push(`took the branch “${handle?.label || t.branch}”`);
    }
    return [
      {
        nodeId: id,
        title,
        text: parts.join('; '),
        dropped: (t.dropped ?? []).map((d) => ({
          actionId: d.actionId,
          name: names.get(d.actionId) ?? d.actionId,
          reason: d.reason,
        })),
        notes: [...(t.notes ?? []), ...summaryWords(t.summary)],
      },
    ];
  });
}

/** Where one action left the strategy, and why; undefined if it made it to the output. */
export function whereDropped(
  trace: DecisionTrace,
  actionId: string,
): { nodeId: string; reason: string } | undefined {
  for (const id of trace.path) {
    const d = trace.nodes.find((n) => n.nodeId === id)?.dropped?.find((x) => x.actionId === actionId);
    if (d) return { nodeId: id, reason: d.reason };
  }
  return undefined;
}

/** A step with more than 100 candidates lists only its first drops; the rest are counted by reason. */
function summaryWords(summary: DecisionTrace['nodes'][number]['summary']): string[] {
  if (!summary) return [];
  const lines = summary.droppedNotListed
    ? [`${summary.droppedNotListed} more dropped, not listed by name.`]
    : [];
  const sample = summary.reasonsCounted;
  lines.push(...summary.reasons.map((r) => `${r.count} of ${sample} drops counted: ${r.reason}`));
  if (summary.otherReasons)
    lines.push(
      `${summary.otherReasons.count} of ${sample} drops counted: ${plural(summary.otherReasons.reasons, 'other reason')}`,
    );
  return lines;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
