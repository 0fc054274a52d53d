import type { ActionDefinition, DecisionTrace, StrategyDocument } from '@arbiter/engine';
import { nodeKind } from '../nodes/registry';

export interface DroppedAction {
  actionId: string;
  name: string;
  /** Why this one left, in words about it ("ranked #7 (value 42), below the top 3"). */
  reason: string;
  /** The reason it shares with the others dropped the same way ("below the top 3 by value"). */
  category: string;
}

/** The actions one step dropped for one reason. */
export interface DropGroup {
  /** The shared reason ("below the top 3 by value"). */
  reason: string;
  /** How many were dropped for it (estimated from a sample when `estimated`). */
  count: number;
  estimated: boolean;
  /** Those the trace lists by name (all of them at a step with up to 100 actions), with their own reasons. */
  listed: DroppedAction[];
}

export interface TraceStep {
  nodeId: string;
  title: string;
  /** "10 in → 4 out", "took the branch “High churn risk”". */
  text: string;
  dropped: DroppedAction[];
  /** The drops by reason, most frequent first. */
  groups: DropGroup[];
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
    const dropped = (t.dropped ?? []).map((d) => ({
      actionId: d.actionId,
      name: names.get(d.actionId) ?? d.actionId,
      reason: d.reason,
      category: d.category ?? d.reason,
    }));
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
        dropped,
        groups: dropGroups(dropped, t),
        notes: t.notes ?? [],
      },
    ];
  });
}

/**
 * A step's drops by the reason they share ("below the top 3 by value"), each listed drop in its
 * group with its own words. A step with more than 100 actions lists only its first drops by name
 * and counts the shared reasons over a sample of its drops: the counts are scaled to all of them.
 * A listed drop whose reason is not among the counted ones stays out of the groups.
 */
function dropGroups(dropped: DroppedAction[], t: DecisionTrace['nodes'][number]): DropGroup[] {
  const byReason = new Map<string, DroppedAction[]>();
  for (const d of dropped) {
    const listed = byReason.get(d.category);
    if (listed) listed.push(d);
    else byReason.set(d.category, [d]);
  }
  const summary = t.summary;
  if (!summary) {
    return [...byReason]
      .map(([reason, listed]) => ({ reason, count: listed.length, estimated: false, listed }))
      .sort((a, b) => b.count - a.count);
  }
  const total = dropped.length + summary.droppedNotListed;
  const scale = summary.reasonsCounted > 0 ? total / summary.reasonsCounted : 1;
  const estimated = summary.reasonsCounted < total;
  const groups: DropGroup[] = summary.reasons.map((r) => {
    const listed = byReason.get(r.reason) ?? [];
    // Never fewer than it lists by name.
    return {
      reason: r.reason,
      count: Math.max(listed.length, Math.round(r.count * scale)),
      estimated,
      listed,
    };
  });
  if (summary.otherReasons)
    groups.push({
      reason: plural(summary.otherReasons.reasons, 'other reason'),
      count: Math.round(summary.otherReasons.count * scale),
      estimated,
      listed: [],
    });
  return groups;
}

/** The steps, or the parts of them, that mention the text: in a step's title, a reason or an action's name. */
export function searchTrace(steps: TraceStep[], query: string): TraceStep[] {
  const text = query.trim().toLowerCase();
  if (!text) return steps;
  const has = (s: string) => s.toLowerCase().includes(text);
  const mentions = (d: DroppedAction) => has(d.name) || has(d.actionId) || has(d.reason);
  return steps.flatMap((step) => {
    if (has(step.title) || has(step.text)) return [step];
    const groups = step.groups.flatMap((g) => {
      if (has(g.reason)) return [g];
      const listed = g.listed.filter(mentions);
      return listed.length ? [{ ...g, listed }] : [];
    });
    const dropped = step.dropped.filter(mentions);
    return groups.length || dropped.length ? [{ ...step, groups, dropped }] : [];
  });
}

export interface StoryStep {
  nodeId: string;
  title: string;
  /** "kept: priority 0.42, propensity 0.31", "left: age 17 is not ≥ 18", "passed". */
  text: string;
  dropped: boolean;
}

/**
 * The full story of one action: what each step on the customer's path did with it, up to the step
 * where it left (the run follows it, so large steps tell it too).
 */
export function actionStory(trace: DecisionTrace, doc: StrategyDocument, actionId: string): StoryStep[] {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const byId = new Map(trace.nodes.map((n) => [n.nodeId, n]));
  const story: StoryStep[] = [];
  for (const id of trace.path) {
    const t = byId.get(id);
    const node = nodes.get(id);
    if (!t || !node) continue;
    const title = node.label ?? nodeKind(node.type)?.displayName ?? node.type;
    const drop = t.dropped?.find((d) => d.actionId === actionId);
    if (drop) {
      story.push({ nodeId: id, title, text: `left: ${drop.reason}`, dropped: true });
      break;
    }
    const kept = t.kept?.find((k) => k.actionId === actionId);
    const fields = kept
      ? Object.entries(kept.fields)
          .filter(([, v]) => Number.isFinite(v))
          .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(3)}`)
      : [];
    story.push({
      nodeId: id,
      title,
      text: kept ? `kept${fields.length ? `: ${fields.join(', ')}` : ''}` : 'passed',
      dropped: false,
    });
  }
  return story;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
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
