import type { StrategyDocument } from '@arbiter/engine';
import { nodeKind } from '../nodes/registry';

export interface StepMatch {
  id: string;
  title: string;
  kind: string;
}

/**
 * Steps whose name (or kind) contains every word typed, case-insensitively; names that start with
 * the text come first, then in the order of the document.
 */
export function findSteps(doc: StrategyDocument, query: string, limit = 8): StepMatch[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const start = query.trim().toLowerCase();
  const matches = doc.nodes.flatMap((n) => {
    const kind = nodeKind(n.type)?.displayName ?? n.type;
    const title = n.label?.trim() || kind;
    const text = `${title} ${kind} ${n.id}`.toLowerCase();
    return words.every((w) => text.includes(w)) ? [{ id: n.id, title, kind }] : [];
  });
  const first = (m: StepMatch) => (m.title.toLowerCase().startsWith(start) ? 0 : 1);
  return matches
    .map((m, i) => ({ m, i }))
    .sort((a, b) => first(a.m) - first(b.m) || a.i - b.i)
    .slice(0, limit)
    .map(({ m }) => m);
}
