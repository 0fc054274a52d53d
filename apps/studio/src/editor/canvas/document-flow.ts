import type { Edge, Node } from '@xyflow/react';
import {
  DEFAULT_HANDLE,
  type Labels,
  type NodeTrace,
  type StrategyDocument,
  type StrategyNode,
  type ValidationProblem,
} from '@arbiter/engine';
import { edgeKey } from '../document-edits';
import { nodeKind } from '../nodes/registry';
import type { NodeHandle } from '../nodes/node-kind';

/** What a test run says about one node, for the counts and highlighting on the canvas. */
export interface NodeRunInfo {
  reached: boolean;
  in: number;
  out: number;
  branch?: string;
  /** The action the designer is following dropped out here. */
  droppedFocus?: string;
}

export type StepData = {
  strategyNode: StrategyNode;
  summary: string;
  handles: NodeHandle[];
  hasInput: boolean;
  problems: ValidationProblem[];
  run?: NodeRunInfo;
  /** In a review diff: how this step changed from the older version. */
  diff?: 'added' | 'removed' | 'changed';
  /** Review comments on this step. */
  comments?: number;
};

export type StepNode = Node<StepData>;

export interface CanvasDecorations {
  labels: Labels;
  problemsByNode: Map<string, ValidationProblem[]>;
  problemEdges: Set<string>;
  trace?: { nodes: Map<string, NodeTrace>; path: Set<string>; focusAction?: string };
}

/**
 * Document nodes as React Flow nodes. Keeps what React Flow measured and the selection of the
 * previous nodes, so a re-render after an edit neither flickers nor loses the selection.
 */
export function toFlowNodes(
  doc: StrategyDocument,
  deco: CanvasDecorations,
  previous: readonly StepNode[] = [],
): StepNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return doc.nodes.map((node, i) => {
    const kind = nodeKind(node.type);
    const old = before.get(node.id);
    const trace = deco.trace?.nodes.get(node.id);
    const { summary, handles } = describedStep(node, deco.labels);
    const data: StepData = {
      strategyNode: node,
      summary,
      handles,
      hasInput: kind ? kind.inputs !== 'none' : true,
      problems: deco.problemsByNode.get(node.id) ?? [],
      run: trace
        ? {
            reached: trace.reached,
            in: trace.in,
            out: trace.out,
            branch: trace.branch,
            droppedFocus:
              deco.trace?.focusAction && trace.dropped?.some((d) => d.actionId === deco.trace!.focusAction)
                ? deco.trace.focusAction
                : undefined,
          }
        : undefined,
    };
    const position = old?.dragging ? old.position : (node.position ?? { x: i * 260, y: 0 });
    const same =
      old && old.data.strategyNode === node && old.position === position && sameDecoration(old.data, data);
    if (same) return old;
    return {
      ...(old ?? {}),
      id: node.id,
      // One React Flow type for every kind (its own names would pick up React Flow's built-in
      // input/output node styles); the kind comes from the strategy node itself.
      type: 'step',
      position,
      data,
      selected: old?.selected ?? false,
      ariaLabel: `${node.label ?? kind?.displayName ?? node.type}: ${data.summary}`,
    };
  });
}

/**
 * A step's summary and exits, worked out once per version of the step: an edit changes one step,
 * and a large one (a 300-condition filter) is not parsed and worded again for every other edit.
 */
const described = new WeakMap<
  StrategyNode,
  { labels: Labels; summary: string; handles: StepData['handles'] }
>();

function describedStep(
  node: StrategyNode,
  labels: Labels,
): { summary: string; handles: StepData['handles'] } {
  const known = described.get(node);
  if (known && known.labels === labels) return known;
  const kind = nodeKind(node.type);
  const entry = {
    labels,
    summary:
      kind?.summarize(node, labels) ??
      (kind ? 'settings need attention' : `unknown step type “${node.type}”`),
    handles: kind?.handles(node) ?? [{ id: DEFAULT_HANDLE, label: '' }],
  };
  described.set(node, entry);
  return entry;
}

function sameDecoration(a: StepData, b: StepData): boolean {
  return (
    a.summary === b.summary &&
    a.hasInput === b.hasInput &&
    JSON.stringify(a.handles) === JSON.stringify(b.handles) &&
    JSON.stringify(a.problems) === JSON.stringify(b.problems) &&
    JSON.stringify(a.run) === JSON.stringify(b.run)
  );
}

export function toFlowEdges(
  doc: StrategyDocument,
  deco: CanvasDecorations,
  previous: readonly Edge[] = [],
): Edge[] {
  const selected = new Set(previous.filter((e) => e.selected).map((e) => e.id));
  const path = deco.trace?.path;
  return doc.edges.map((e) => {
    const id = edgeKey(e);
    const onPath =
      path?.has(e.source) &&
      path.has(e.target) &&
      takesBranch(deco, e.source, e.sourceHandle ?? DEFAULT_HANDLE);
    const invalid = deco.problemEdges.has(id);
    return {
      id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? DEFAULT_HANDLE,
      targetHandle: 'in',
      selected: selected.has(id),
      className:
        [onPath ? 'edge-on-path' : '', path && !onPath ? 'edge-off-path' : '', invalid ? 'edge-invalid' : '']
          .join(' ')
          .trim() || undefined,
      ariaLabel: `Connection from ${e.source}${e.sourceHandle ? ` (${e.sourceHandle})` : ''} to ${e.target}`,
    };
  });
}

function takesBranch(deco: CanvasDecorations, source: string, handle: string): boolean {
  const branch = deco.trace?.nodes.get(source)?.branch;
  return branch === undefined || branch === handle;
}
