import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { DEFAULT_HANDLE, type StrategyDocument } from '@arbiter/engine';

/** A branch of a step: the step's id and the exit's id. */
export const branchKey = (nodeId: string, handle: string) => `${nodeId}\u0000${handle}`;

export interface HiddenSteps {
  /** Each hidden step, with the collapsed branch that hides it. */
  byStep: Map<string, string>;
  /** How many steps each collapsed branch hides. */
  counts: Map<string, number>;
}

/**
 * The steps that collapsed branches hide: those reached through a collapsed branch and through no
 * other way from the start (so a merge that another branch also reaches stays in view).
 */
export function hiddenSteps(doc: StrategyDocument, collapsed: ReadonlySet<string>): HiddenSteps {
  const byStep = new Map<string, string>();
  const counts = new Map<string, number>();
  if (!collapsed.size) return { byStep, counts };
  const keyOf = (e: StrategyDocument['edges'][number]) =>
    branchKey(e.source, e.sourceHandle ?? DEFAULT_HANDLE);
  const out = new Map<string, StrategyDocument['edges']>();
  for (const e of doc.edges) out.set(e.source, [...(out.get(e.source) ?? []), e]);
  const reach = (starts: string[], skip: (e: StrategyDocument['edges'][number]) => boolean) => {
    const seen = new Set(starts);
    const stack = [...starts];
    while (stack.length) {
      for (const e of out.get(stack.pop()!) ?? []) {
        if (skip(e) || seen.has(e.target)) continue;
        seen.add(e.target);
        stack.push(e.target);
      }
    }
    return seen;
  };
  const targeted = new Set(doc.edges.map((e) => e.target));
  const starts = doc.nodes.filter((n) => !targeted.has(n.id)).map((n) => n.id);
  const visible = reach(starts, (e) => collapsed.has(keyOf(e)));
  for (const key of collapsed) {
    const branchStarts = doc.edges.filter((e) => keyOf(e) === key).map((e) => e.target);
    for (const id of reach(branchStarts, () => false)) {
      if (visible.has(id) || byStep.has(id)) continue;
      byStep.set(id, key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return { byStep, counts };
}

const storageKey = (strategyId: string) => `arbiter.editor.collapsed.${strategyId}`;

/**
 * The branches folded on this strategy's canvas: the editor's view, kept in this browser (not in the
 * strategy, so folding is not an edit to save, review or undo).
 */
export function useCollapsedBranches(strategyId: string) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => {
    try {
      const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(strategyId)) ?? '[]');
      return new Set(Array.isArray(stored) ? stored.filter((k) => typeof k === 'string') : []);
    } catch {
      return new Set();
    }
  });
  useEffect(() => {
    try {
      if (collapsed.size) window.localStorage.setItem(storageKey(strategyId), JSON.stringify([...collapsed]));
      else window.localStorage.removeItem(storageKey(strategyId));
    } catch {
      // Storage full or off: the folds last until the page is left.
    }
  }, [strategyId, collapsed]);
  const toggle = useCallback((key: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const expand = useCallback((keys: readonly string[]) => {
    setCollapsed((current) =>
      keys.some((k) => current.has(k)) ? new Set([...current].filter((k) => !keys.includes(k))) : current,
    );
  }, []);
  return { collapsed, toggle, expand };
}

/** What a step on the canvas calls to fold or unfold one of its branches. */
export const BranchToggleContext = createContext<((key: string) => void) | undefined>(undefined);

export const useBranchToggle = () => useContext(BranchToggleContext);
