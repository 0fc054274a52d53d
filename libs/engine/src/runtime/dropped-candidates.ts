import type { Candidate } from './types';

/**
 * The candidates that came in and did not go out, in the order they came in. Nodes drop by keeping
 * the candidates they were given, so they are found by identity; a node that made new candidates
 * (and dropped some too) is matched by action id.
 */
export function droppedCandidates(incoming: readonly Candidate[], out: readonly Candidate[]): Candidate[] {
  // No node lets out a candidate that did not come in, so as many out as in means none dropped.
  if (out.length === incoming.length) return [];
  // A short list is searched faster than a set is built.
  const kept = out.length > 32 ? new Set(out) : undefined;
  const dropped: Candidate[] = [];
  for (const c of incoming) if (!(kept ? kept.has(c) : out.includes(c))) dropped.push(c);
  if (dropped.length === incoming.length - out.length) return dropped;
  dropped.length = 0;
  const left = new Map<string, number>();
  for (const c of out) left.set(c.action.id, (left.get(c.action.id) ?? 0) + 1);
  for (const c of incoming) {
    const n = left.get(c.action.id) ?? 0;
    if (n > 0) left.set(c.action.id, n - 1);
    else dropped.push(c);
  }
  return dropped;
}
