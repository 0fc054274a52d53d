import type { DecisionTrace } from '@arbiter/engine';

/** The engine trace in words: one line per node reached, then why candidates were dropped. */
export function explain(trace: DecisionTrace | undefined): string[] {
  if (!trace) return [];
  const lines: string[] = [];
  for (const node of trace.nodes) {
    if (!node.reached) continue;
    const name = node.label ? `${node.label} (${node.type})` : `${node.nodeId} (${node.type})`;
    lines.push(
      `${name}: ${node.in} in, ${node.out} out${node.branch ? `, took branch "${node.branch}"` : ''}.`,
    );
    for (const note of node.notes ?? []) lines.push(`  ${note}`);
    for (const d of node.dropped ?? []) lines.push(`  dropped ${d.actionId}: ${d.reason}`);
    // A node of a large catalog lists only some drops by name (see the engine's bounded-trace.ts).
    const summary = node.summary;
    if (summary) {
      if (summary.droppedNotListed)
        lines.push(`  … and ${summary.droppedNotListed} more dropped, not listed.`);
      const counted =
        summary.reasonsCounted < node.in - node.out ? ` (of ${summary.reasonsCounted} drops counted)` : '';
      for (const r of summary.reasons) lines.push(`  ${r.count} dropped${counted}: ${r.reason}`);
      if (summary.otherReasons)
        lines.push(
          `  ${summary.otherReasons.count} dropped for ${summary.otherReasons.reasons} other reasons.`,
        );
    }
  }
  return lines;
}
