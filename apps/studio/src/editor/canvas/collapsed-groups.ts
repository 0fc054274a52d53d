import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { DEFAULT_HANDLE, type StrategyDocument, type StrategyNode } from '@arbiter/engine';
import type { Position } from '../document-edits';

/** Steps the designer collapsed into one box on the canvas. */
export interface StepGroup {
  id: string;
  steps: string[];
}

/** The box that stands for a collapsed group on the canvas. */
export interface GroupBox {
  /** The box's id on the canvas (never a step's id). */
  id: string;
  groupId: string;
  /** The group's steps on the canvas now, in the order the flow reaches them. */
  steps: string[];
  /** Where the box stands: in the place of its first step (a corner of all of them may be another step's). */
  position: Position;
}

/** A line into or out of a collapsed group, drawn to or from its box. */
export interface GroupLine {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

export interface GroupedSteps {
  boxes: GroupBox[];
  /** Each step a collapsed group hides, with the id of its box. */
  byStep: Map<string, string>;
  /** The lines that now start or end at a box (the document's lines they stand for are hidden). */
  lines: GroupLine[];
}

/** The exit of a group's box: every line out of the group leaves from it. */
export const GROUP_EXIT = 'out';
export const groupBoxId = (groupId: string) => `group:${groupId}`;

/**
 * How collapsed groups change the canvas: each group of two or more steps still on the canvas
 * (not deleted, not hidden by a folded branch, not in an earlier group) becomes one box; lines
 * between its steps are hidden, lines into or out of it attach to the box (one line per source
 * exit and target), and lines elsewhere are untouched.
 */
export function groupedSteps(
  doc: StrategyDocument,
  groups: readonly StepGroup[],
  hiddenElsewhere: ReadonlySet<string> | ReadonlyMap<string, unknown> = new Set(),
): GroupedSteps {
  const byStep = new Map<string, string>();
  const boxes: GroupBox[] = [];
  if (!groups.length) return { boxes, byStep, lines: [] };
  const order = flowOrder(doc);
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const group of groups) {
    const steps = [...new Set(group.steps)]
      .filter((id) => nodes.has(id) && !hiddenElsewhere.has(id) && !byStep.has(id))
      .sort((a, b) => order.get(a)! - order.get(b)!);
    if (steps.length < 2) continue;
    const id = groupBoxId(group.id);
    for (const step of steps) byStep.set(step, id);
    boxes.push({ id, groupId: group.id, steps, position: nodes.get(steps[0]!)!.position ?? { x: 0, y: 0 } });
  }
  const lines = new Map<string, GroupLine>();
  for (const e of doc.edges) {
    if (hiddenElsewhere.has(e.source) || hiddenElsewhere.has(e.target)) continue;
    const source = byStep.get(e.source);
    const target = byStep.get(e.target);
    if (!source && !target) continue;
    if (source && source === target) continue;
    const line = {
      source: source ?? e.source,
      sourceHandle: source ? GROUP_EXIT : (e.sourceHandle ?? DEFAULT_HANDLE),
      target: target ?? e.target,
    };
    const lineId = `${line.source}:${line.sourceHandle}->${line.target}`;
    if (!lines.has(lineId)) lines.set(lineId, { id: lineId, ...line });
  }
  return { boxes, byStep, lines: [...lines.values()] };
}

/** Each step's place in the flow: a step comes after the steps with lines into it (document order otherwise). */
function flowOrder(doc: StrategyDocument): Map<string, number> {
  const waiting = new Map(doc.nodes.map((n) => [n.id, 0]));
  const next = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (!waiting.has(e.target)) continue;
    waiting.set(e.target, waiting.get(e.target)! + 1);
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  }
  const order = new Map<string, number>();
  const visit = (id: string) => {
    order.set(id, order.size);
    for (const target of next.get(id) ?? []) {
      const left = waiting.get(target)! - 1;
      waiting.set(target, left);
      if (left === 0) visit(target);
    }
  };
  for (const n of doc.nodes) if (waiting.get(n.id) === 0 && !order.has(n.id)) visit(n.id);
  // Steps on a loop (an invalid strategy) keep their document order after the rest.
  for (const n of doc.nodes) if (!order.has(n.id)) order.set(n.id, order.size);
  return order;
}

/** "4 steps: Eligibility, Score, Rank, …" */
export function groupSummary(steps: readonly StrategyNode[], name: (step: StrategyNode) => string): string {
  const SHOWN = 3;
  const names = steps.slice(0, SHOWN).map(name);
  return `${steps.length} steps: ${names.join(', ')}${steps.length > SHOWN ? ', …' : ''}`;
}

const storageKey = (strategyId: string) => `arbiter.editor.groups.${strategyId}`;

function storedGroups(strategyId: string): StepGroup[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(strategyId)) ?? '[]');
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (g): g is StepGroup =>
        typeof g === 'object' &&
        g !== null &&
        typeof (g as StepGroup).id === 'string' &&
        Array.isArray((g as StepGroup).steps) &&
        (g as StepGroup).steps.every((s) => typeof s === 'string'),
    );
  } catch {
    return [];
  }
}

/**
 * The groups of steps collapsed on this strategy's canvas: like folded branches, the editor's
 * view kept in this browser, never an edit of the strategy.
 */
export function useCollapsedGroups(strategyId: string) {
  const [groups, setGroups] = useState<readonly StepGroup[]>(() => storedGroups(strategyId));
  useEffect(() => {
    try {
      if (groups.length) window.localStorage.setItem(storageKey(strategyId), JSON.stringify(groups));
      else window.localStorage.removeItem(storageKey(strategyId));
    } catch {
      // Storage full or off: the groups last until the page is left.
    }
  }, [strategyId, groups]);
  const collapse = useCallback((steps: readonly string[]) => {
    if (steps.length < 2) return;
    setGroups((current) => {
      const taken = new Set(current.map((g) => Number(g.id)).filter(Number.isFinite));
      let next = 1;
      while (taken.has(next)) next++;
      return [...current, { id: String(next), steps: [...steps] }];
    });
  }, []);
  const expand = useCallback((groupIds: readonly string[]) => {
    setGroups((current) =>
      current.some((g) => groupIds.includes(g.id))
        ? current.filter((g) => !groupIds.includes(g.id))
        : current,
    );
  }, []);
  return { groups, collapse, expand };
}

/** What a group's box on the canvas calls to show its steps again. */
export const GroupExpandContext = createContext<((groupId: string) => void) | undefined>(undefined);

export const useGroupExpand = () => useContext(GroupExpandContext);
