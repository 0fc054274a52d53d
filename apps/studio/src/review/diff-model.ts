import type { Edge } from '@xyflow/react';
import type { Labels, StrategyDocument } from '@arbiter/engine';
import type { DiffQuery } from '../api/generated/graphql';
import {
  toFlowEdges,
  toFlowNodes,
  type CanvasDecorations,
  type StepNode,
} from '../editor/canvas/document-flow';
import { nodeKind } from '../editor/nodes/registry';

export type StrategyDiff = DiffQuery['diff'];
export type DiffStatus = 'added' | 'removed' | 'changed';

/** Each node the diff mentions, with how it changed (moved-only nodes are not changes). */
export function diffStatusByNode(diff: StrategyDiff): Map<string, DiffStatus> {
  const status = new Map<string, DiffStatus>();
  for (const n of diff.nodes.added) status.set(n.id, 'added');
  for (const n of diff.nodes.removed) status.set(n.id, 'removed');
  for (const n of diff.nodes.changed) if (n.changes.length > 0) status.set(n.id, 'changed');
  return status;
}

function stepName(node: { id: string; label?: string | null; type: string }): string {
  return `“${node.label ?? nodeKind(node.type)?.displayName ?? node.type}”`;
}

/**
 * Words for a setting path: config.condition → condition, config.levers.group → levers › group; a
 * single comparison inside a condition (config.condition.all[3]) is worded as its condition.
 */
export function settingWords(field: string): string {
  return field
    .replace(/^config\./, '')
    .replace(/\.(all|any)\[\d+\]|\.not\b/g, '')
    .split('.')
    .map((part) => part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' › ');
}

export interface DiffLine {
  status: DiffStatus;
  nodeId: string;
  text: string;
  details: string[];
}

type FieldChange = StrategyDiff['nodes']['changed'][number]['changes'][number];

/** How the engine's diff words a setting one version does not have. */
export const NOT_SET = '(not set)';

/** One changed setting: "condition: age ≥ 18 → age ≥ 21", "condition: added balance ≥ 0". */
export function changeWords(c: FieldChange): string {
  const setting = settingWords(c.field);
  if (c.beforeText === NOT_SET) return `${setting}: added ${c.afterText}`;
  if (c.afterText === NOT_SET) return `${setting}: removed ${c.beforeText}`;
  return `${setting}: ${c.beforeText} → ${c.afterText}`;
}

/** A step's summary, cut to a line: a 300-condition filter is summed up by its changes, not spelled out. */
export function shortSummary(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The diff as sentences: "Added filter “Adults”: age ≥ 18", "Changed score …: threshold 0.2 → 0.3". */
export function describeDiff(diff: StrategyDiff): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const n of diff.nodes.added)
    lines.push({
      status: 'added',
      nodeId: n.id,
      text: `Added ${stepName(n)}: ${shortSummary(n.summary)}`,
      details: [],
    });
  for (const n of diff.nodes.removed)
    lines.push({
      status: 'removed',
      nodeId: n.id,
      text: `Removed ${stepName(n)} (was: ${shortSummary(n.summary)})`,
      details: [],
    });
  for (const n of diff.nodes.changed) {
    if (n.changes.length === 0) continue;
    lines.push({
      status: 'changed',
      nodeId: n.id,
      text: `Changed ${stepName(n)}: now ${shortSummary(n.summary)}`,
      details: n.changes.map(changeWords),
    });
  }
  return lines;
}

const NO_DECORATIONS = (labels: Labels): CanvasDecorations => ({
  labels,
  problemsByNode: new Map(),
  problemEdges: new Set(),
});

/**
 * The newer version's canvas with the diff on it: added steps green, changed amber, and the
 * removed steps of the older version ghosted in red at their old position.
 */
export function diffFlow(
  toDoc: StrategyDocument,
  fromDoc: StrategyDocument,
  diff: StrategyDiff,
  labels: Labels = {},
  commentCounts: ReadonlyMap<string, number> = new Map(),
): { nodes: StepNode[]; edges: Edge[] } {
  const status = diffStatusByNode(diff);
  const deco = NO_DECORATIONS(labels);
  const decorate = (n: StepNode): StepNode => {
    const s = status.get(n.id);
    const comments = commentCounts.get(n.id) ?? 0;
    return {
      ...n,
      className: s ? `diff-${s}` : undefined,
      data: { ...n.data, diff: s, comments },
      draggable: false,
      connectable: false,
      ariaLabel: `${n.ariaLabel ?? n.id}${s ? ` (${s})` : ''}${comments ? `, ${comments} comment${comments === 1 ? '' : 's'}` : ''}`,
    };
  };
  const nodes = toFlowNodes(toDoc, deco).map(decorate);
  const removedIds = new Set(diff.nodes.removed.map((n) => n.id));
  const ghosts = toFlowNodes(
    { ...fromDoc, nodes: fromDoc.nodes.filter((n) => removedIds.has(n.id)) },
    deco,
  ).map(decorate);
  const removedEdges = toFlowEdges(
    { ...fromDoc, edges: fromDoc.edges.filter((e) => removedIds.has(e.source) || removedIds.has(e.target)) },
    deco,
  ).map((e) => ({ ...e, id: `removed:${e.id}`, className: 'edge-removed' }));
  return { nodes: [...nodes, ...ghosts], edges: [...toFlowEdges(toDoc, deco), ...removedEdges] };
}
