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
import { countErrors } from '../problems';
import type { NodeHandle } from '../nodes/node-kind';
import { branchKey, type HiddenSteps } from './collapsed-branches';
import { groupSummary, type GroupedSteps } from './collapsed-groups';

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
  /** The step's name, else its kind's. */
  title: string;
  summary: string;
  handles: NodeHandle[];
  hasInput: boolean;
  problems: ValidationProblem[];
  run?: NodeRunInfo;
  /** In a review diff: how this step changed from the older version. */
  diff?: 'added' | 'removed' | 'changed';
  /** Review comments on this step. */
  comments?: number;
  /** Per branch (labelled exit) with a line: how many steps it hides when folded, null when open. */
  folds?: Record<string, number | null>;
};

export type StepNode = Node<StepData, 'step'>;

export type GroupBoxData = {
  groupId: string;
  /** The group's steps, in the order the flow reaches them. */
  steps: string[];
  /** "4 steps: Eligibility, Score, Rank, …" */
  summary: string;
  hasInput: boolean;
  hasExit: boolean;
  /** The problems of the group's steps: a collapsed group never hides that something is wrong. */
  errors: number;
  warnings: number;
};

/** A collapsed group of steps, shown as one box. */
export type GroupBoxNode = Node<GroupBoxData, 'group-box'>;

export type CanvasNode = StepNode | GroupBoxNode;

export const isStepNode = (n: CanvasNode): n is StepNode => n.type === 'step';

export interface CanvasDecorations {
  labels: Labels;
  problemsByNode: Map<string, ValidationProblem[]>;
  problemEdges: Set<string>;
  trace?: { nodes: Map<string, NodeTrace>; path: Set<string>; focusAction?: string };
  /** Branches folded on the canvas and the steps they hide (the editor's view, not the document). */
  folded?: { branches: ReadonlySet<string>; hidden: HiddenSteps };
  /** Groups of steps collapsed into boxes (the editor's view, not the document). */
  grouped?: GroupedSteps;
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
  const next = doc.nodes.map((node, i): StepNode => {
    const kind = nodeKind(node.type);
    const old = before.get(node.id);
    const trace = deco.trace?.nodes.get(node.id);
    const { summary, handles } = describedStep(node, deco.labels);
    const data: StepData = {
      strategyNode: node,
      title: node.label ?? kind?.displayName ?? node.type,
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
    if (deco.folded) data.folds = foldsOf(node.id, handles, doc, deco.folded);
    const hidden = isHiddenStep(deco, node.id);
    const position = old?.dragging ? old.position : (node.position ?? { x: i * 260, y: 0 });
    const same =
      old &&
      old.data.strategyNode === node &&
      old.position === position &&
      !!old.hidden === hidden &&
      sameDecoration(old.data, data);
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
      hidden,
      ariaLabel: `${data.title}: ${data.summary}`,
    };
  });
  return sameItems(next, previous) ? (previous as StepNode[]) : next;
}

/** The canvas's nodes: the document's steps, then a box for each collapsed group. */
export function toCanvasNodes(
  doc: StrategyDocument,
  deco: CanvasDecorations,
  previous: readonly CanvasNode[] = [],
): CanvasNode[] {
  const steps = toFlowNodes(doc, deco, previous.filter(isStepNode));
  const before = new Map(
    previous.filter((n): n is GroupBoxNode => n.type === 'group-box').map((n) => [n.id, n]),
  );
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const boxes = (deco.grouped?.boxes ?? []).map((box): GroupBoxNode => {
    const members = box.steps.map((id) => nodes.get(id)!);
    const { errors, warnings } = countErrors(box.steps.flatMap((id) => deco.problemsByNode.get(id) ?? []));
    const data: GroupBoxData = {
      groupId: box.groupId,
      errors,
      warnings,
      steps: box.steps,
      summary: groupSummary(members, (n) => n.label ?? nodeKind(n.type)?.displayName ?? n.type),
      hasInput: deco.grouped!.lines.some((l) => l.target === box.id),
      hasExit: deco.grouped!.lines.some((l) => l.source === box.id),
    };
    const old = before.get(box.id);
    if (
      old &&
      old.position.x === box.position.x &&
      old.position.y === box.position.y &&
      JSON.stringify(old.data) === JSON.stringify(data)
    )
      return old;
    return {
      ...(old ?? {}),
      id: box.id,
      type: 'group-box',
      position: box.position,
      data,
      // A view of steps, not a step: nothing to select, move or delete.
      selectable: false,
      draggable: false,
      deletable: false,
      connectable: false,
      ariaLabel: `Collapsed group of ${data.summary}`,
    };
  });
  const next = [...steps, ...boxes];
  return sameItems(next, previous) ? (previous as CanvasNode[]) : next;
}

/** Whether two lists hold the same objects in the same order: then React Flow is given the old list, and does nothing. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
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

/** The branches of a step that lead somewhere, each with what folding it hides (null: unfolded). */
function foldsOf(
  nodeId: string,
  handles: readonly NodeHandle[],
  doc: StrategyDocument,
  folded: NonNullable<CanvasDecorations['folded']>,
): Record<string, number | null> | undefined {
  const labelled = handles.filter(
    (h) =>
      h.label !== '' &&
      doc.edges.some((e) => e.source === nodeId && (e.sourceHandle ?? DEFAULT_HANDLE) === h.id),
  );
  if (!labelled.length) return undefined;
  return Object.fromEntries(
    labelled.map((h) => {
      const key = branchKey(nodeId, h.id);
      return [h.id, folded.branches.has(key) ? (folded.hidden.counts.get(key) ?? 0) : null];
    }),
  );
}

/** Whether a step is out of sight: in a collapsed branch or a collapsed group. */
function isHiddenStep(deco: CanvasDecorations, stepId: string): boolean {
  return (deco.folded?.hidden.byStep.has(stepId) ?? false) || (deco.grouped?.byStep.has(stepId) ?? false);
}

function sameDecoration(a: StepData, b: StepData): boolean {
  return (
    a.summary === b.summary &&
    JSON.stringify(a.folds) === JSON.stringify(b.folds) &&
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
  const before = new Map(previous.map((e) => [e.id, e]));
  const path = deco.trace?.path;
  const next = doc.edges.map((e): Edge => {
    const id = edgeKey(e);
    const onPath =
      path?.has(e.source) &&
      path.has(e.target) &&
      takesBranch(deco, e.source, e.sourceHandle ?? DEFAULT_HANDLE);
    const invalid = deco.problemEdges.has(id);
    const className =
      [onPath ? 'edge-on-path' : '', path && !onPath ? 'edge-off-path' : '', invalid ? 'edge-invalid' : '']
        .join(' ')
        .trim() || undefined;
    // The id names source, exit and target: an edge with the same id and looks is the same edge.
    const hidden = isHiddenStep(deco, e.source) || isHiddenStep(deco, e.target);
    const old = before.get(id);
    if (old && old.className === className && !!old.hidden === hidden) return old;
    return {
      id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? DEFAULT_HANDLE,
      targetHandle: 'in',
      selected: old?.selected ?? false,
      hidden,
      className,
      ariaLabel: `Connection from ${e.source}${e.sourceHandle ? ` (${e.sourceHandle})` : ''} to ${e.target}`,
    };
  });
  for (const line of deco.grouped?.lines ?? []) {
    const old = before.get(line.id);
    next.push(
      old ?? {
        id: line.id,
        source: line.source,
        target: line.target,
        sourceHandle: line.sourceHandle,
        targetHandle: 'in',
        // Stands for lines of the document: removing it would be an edit nobody sees.
        selectable: false,
        deletable: false,
        className: 'edge-group',
        ariaLabel: `Connection from ${groupedName(line.source)} to ${groupedName(line.target)}`,
      },
    );
  }
  return sameItems(next, previous) ? (previous as Edge[]) : next;
}

const groupedName = (id: string) => (id.startsWith('group:') ? 'the collapsed group' : id);

function takesBranch(deco: CanvasDecorations, source: string, handle: string): boolean {
  const branch = deco.trace?.nodes.get(source)?.branch;
  return branch === undefined || branch === handle;
}
