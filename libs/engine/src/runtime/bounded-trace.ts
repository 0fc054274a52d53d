import type { NodeLists, NodeRuntime } from '../nodes/node-spec';
import { droppedCandidates } from './dropped-candidates';
import type { Candidate, DecideOptions, DecisionState, DecisionTrace, NodeTrace } from './types';

/**
 * Full traces of large catalogs, bounded. A node that handles at most FULL_TRACE_CANDIDATES
 * candidates is traced in full, one line per candidate, as always (so small strategies, the studio's
 * test panel and the explanations read the same). A larger node is summarised:
 * - its drops counted by reason, in words many candidates share (a filter names the field of the
 *   first failing check: "action rule fails on age"; other nodes their funnel reason), the
 *   TRACE_REASONS most frequent reasons by name and the others as one count. Working out a reason
 *   re-evaluates the candidate's conditions, so at most REASONS_COUNTED drops are counted, spread
 *   evenly over the list (every k-th drop); `summary.reasonsCounted` says how many;
 * - the first `traceLimit` dropped candidates (default 20) with the full reason about this customer
 *   and the shared one they are counted by;
 * - the full story of the top `traceLimit` recommendations (what each node computed for them) and of
 *   every action named in `traceActions`, wherever it was dropped or kept.
 * Size: per summarised node at most traceLimit + |traceActions| dropped lines, TRACE_REASONS reason
 * lines and traceLimit + |traceActions| kept lines; no per-candidate notes (a score node's
 * explanation of the top actions is in their kept lines). Time: at most REASONS_COUNTED drop
 * reasons and the listed lines per node, whatever the size of the catalog, plus finding the dropped
 * candidates (one pass over the node's lists).
 */
export const FULL_TRACE_CANDIDATES = 100;
export const DEFAULT_TRACE_LIMIT = 20;
export const TRACE_REASONS = 20;
export const REASONS_COUNTED = 500;

export interface TraceBounds {
  limit: number;
  actions: ReadonlySet<string>;
}

export function traceBounds(options: DecideOptions): TraceBounds {
  const limit = options.traceLimit;
  return {
    limit: limit !== undefined && Number.isInteger(limit) && limit >= 0 ? limit : DEFAULT_TRACE_LIMIT,
    actions: new Set(options.traceActions ?? []),
  };
}

/**
 * Why a candidate was dropped, in the words the candidates dropped the same way share: what a full
 * trace groups and counts drops by (each dropped line's `category`, a summary's reasons).
 */
export function dropCategory(
  runtime: NodeRuntime,
  c: Candidate,
  state: DecisionState,
  lists: NodeLists,
): string {
  return (
    runtime.dropCategory?.(c, state, lists) ??
    runtime.dropReason?.(c, state, lists) ??
    runtime.explainDrop?.(c, state, lists) ??
    'dropped'
  );
}

/** Kept lines still to write once the decision's top actions are known. */
const pendingStories = new WeakMap<NodeTrace, (ids: ReadonlySet<string>) => void>();

/** Fills in a summarised node (see above); `node` already holds the counts. */
export function summariseNode(
  node: NodeTrace,
  runtime: NodeRuntime,
  incoming: readonly Candidate[],
  out: readonly Candidate[],
  notes: string[] | undefined,
  state: DecisionState,
  bounds: TraceBounds,
): NodeTrace {
  const lists: NodeLists = { inputs: incoming, output: out };
  if (notes?.length) node.notes = notes;
  const dropped = droppedCandidates(incoming, out);
  const reasonOf = (c: Candidate) => dropCategory(runtime, c, state, lists);
  const counts = new Map<string, number>();
  const stride = Math.ceil(dropped.length / REASONS_COUNTED);
  let counted = 0;
  for (let i = 0; i < dropped.length; i += stride) {
    const reason = reasonOf(dropped[i]!);
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
    counted++;
  }
  const listed: NonNullable<NodeTrace['dropped']> = [];
  for (const c of dropped) {
    if (listed.length < bounds.limit || bounds.actions.has(c.action.id)) {
      const category = reasonOf(c);
      listed.push({
        actionId: c.action.id,
        name: c.action.name,
        reason: runtime.explainDrop?.(c, state, lists) ?? category,
        category,
      });
    }
  }
  const reasons = [...counts].map(([reason, count]) => ({ reason, count }));
  reasons.sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  const shown = reasons.slice(0, TRACE_REASONS);
  const others = reasons.slice(TRACE_REASONS);
  node.dropped = listed;
  node.kept = [];
  node.summary = {
    reasons: shown,
    ...(others.length
      ? { otherReasons: { reasons: others.length, count: others.reduce((n, r) => n + r.count, 0) } }
      : {}),
    reasonsCounted: counted,
    droppedNotListed: dropped.length - listed.length,
    keptNotListed: out.length,
  };
  const kept = node.kept;
  const summary = node.summary;
  pendingStories.set(node, (ids) => {
    for (const c of out) {
      if (!ids.has(c.action.id) && !bounds.actions.has(c.action.id)) continue;
      const details = runtime.explainKept?.(c, state, lists);
      kept.push({ actionId: c.action.id, fields: { ...c.fields }, ...(details ? { details } : {}) });
    }
    summary.keptNotListed = out.length - kept.length;
  });
  return node;
}

/**
 * Writes the kept lines of summarised nodes for the decision's top `limit` recommendations and the
 * asked-about actions. Call once, after the output node ran.
 */
export function finishTrace(trace: DecisionTrace, result: readonly Candidate[], bounds: TraceBounds): void {
  const top = new Set<string>();
  for (let i = 0; i < result.length && i < bounds.limit; i++) top.add(result[i]!.action.id);
  for (const node of trace.nodes) {
    const story = pendingStories.get(node);
    if (!story) continue;
    pendingStories.delete(node);
    story(top);
  }
}
