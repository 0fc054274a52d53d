import type { DecisionTrace } from '@arbiter/engine';

/** The engine trace in words: one line per node reached, then why candidates were dropped. */
export function explain(trace: DecisionTrace | undefined): string[] {
  if (!trace) return [];
  const lines: string[] = [];
  for (const node of trace.nodes) {
    if (!node.reached) continue;
    const name = node.label ? `${node.label} (${node.type})` : `${node.nodeId} (${node.type})`;
    lines.push(`${name}: ${node.in} in, ${node.out} out${node.branch ? `, took branch "${node.branch}"` : ''}.`);
    for (const note of node.notes ?? []) lines.push(`  ${note}`);
    for (const d of node.dropped ?? []) lines.push(`  dropped ${d.actionId}: ${d.reason}`);
  }
  return lines;
}
