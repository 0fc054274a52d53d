/**
 * Undo/redo over immutable snapshots. Edits that arrive in quick succession with the same
 * `coalesceKey` (typing into one field, dragging one slider) become a single undo step.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Key and time of the last recorded edit, for coalescing. */
  readonly last?: { key: string; at: number };
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export interface RecordOptions {
  /** Same key within COALESCE_MS of the previous edit: replace the present instead of adding a step. */
  coalesceKey?: string;
  now?: number;
}

export function record<T>(history: History<T>, next: T, options: RecordOptions = {}): History<T> {
  if (Object.is(next, history.present)) return history;
  const now = options.now ?? Date.now();
  const key = options.coalesceKey;
  if (
    key &&
    history.last &&
    history.last.key === key &&
    now - history.last.at <= COALESCE_MS &&
    history.future.length === 0
  ) {
    return { past: history.past, present: next, future: [], last: { key, at: now } };
  }
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], last: key ? { key, at: now } : undefined };
}

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  const previous = history.past[history.past.length - 1]!;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next!, future: rest };
}

export const canUndo = (history: History<unknown>) => history.past.length > 0;
export const canRedo = (history: History<unknown>) => history.future.length > 0;
