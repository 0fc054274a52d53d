import type { AdaptiveFacts } from '@arbiter/engine';
import { AdaptiveModelError } from './adaptive-config';
import { cloneState, learnInPlace, type AdaptiveState } from './bayesian-logistic';

/** One outcome as the learner consumes it from the ordered outcome stream. */
export interface AdaptiveOutcome {
  /** The outcome's id (its idempotency key). */
  id: string;
  /** Position in the ordered stream (a PostgreSQL bigserial or a Redis stream counter): increasing. */
  seq: number;
  /** What the decision saw (customer, context, action), from the decision log. */
  facts: AdaptiveFacts;
  /** Positive (accepted, clicked, converted) or negative, per the model's outcome mapping. */
  label: boolean;
}

export interface ApplyResult {
  state: AdaptiveState;
  applied: number;
  /** Outcomes skipped as already applied (redelivered) or re-sent (a known id). */
  skipped: number;
}

/**
 * Applies outcomes exactly once. Two guards, both kept in the state so a snapshot carries them:
 * - a high-water mark on the stream's sequence: the learner reads one ordered stream, so after a crash
 *   and a restart from a snapshot, every redelivered outcome has seq ≤ the mark and is skipped. It is
 *   exact and O(1), unlike a set of every id ever seen, which grows without bound.
 * - the last `dedupWindow` outcome ids: a caller that re-sends an outcome which the API stored twice
 *   (two sequence numbers) is skipped too, within that window.
 * Each model has its own mark, so a model restored from an older snapshot catches up from its own
 * position in the shared stream. The input state is left as it was.
 */
export function applyOutcomes(state: AdaptiveState, outcomes: Iterable<AdaptiveOutcome>): ApplyResult {
  const draft = cloneState(state);
  const window = draft.config.dedupWindow;
  const recent = new Set(draft.cursor.recentIds);
  let applied = 0;
  let skipped = 0;
  for (const outcome of outcomes) {
    if (!Number.isSafeInteger(outcome.seq) || outcome.seq < 1)
      throw new AdaptiveModelError(
        'seq',
        `outcome "${outcome.id}" has sequence ${outcome.seq}; expected a positive whole number`,
      );
    if (typeof outcome.label !== 'boolean')
      throw new AdaptiveModelError(
        'label',
        `outcome "${outcome.id}" has label ${String(outcome.label)}; expected true or false`,
      );
    if (outcome.seq <= draft.cursor.seq || recent.has(outcome.id)) {
      skipped++;
      continue;
    }
    learnInPlace(draft, outcome.facts, outcome.label);
    draft.cursor.seq = outcome.seq;
    draft.cursor.recentIds.push(outcome.id);
    recent.add(outcome.id);
    if (draft.cursor.recentIds.length > window) recent.delete(draft.cursor.recentIds.shift()!);
    applied++;
  }
  return { state: draft, applied, skipped };
}
