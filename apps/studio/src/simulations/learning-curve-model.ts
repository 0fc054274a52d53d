import type { LearningCurve, ReplayRate } from '@arbiter/learning';
import { formatCount, formatShare } from './results-model';

/** `results.learning` of a simulation run with learning: @arbiter/learning's curve and the column it was ordered by. */
export type LearningResults = LearningCurve & { orderBy: string };

/** The learning curve of a summary, when the run learned while replaying. */
export function learningResults(summary: object): LearningResults | undefined {
  const learning = (summary as { learning?: LearningResults }).learning;
  return learning && Array.isArray(learning.buckets) ? learning : undefined;
}

export interface CurvePoint {
  /** "1" … "10": the stretch of the log in time order. */
  stretch: string;
  /** The order values the stretch covers, e.g. "2019-11-24 … 2019-11-25". */
  span: string;
  learning: number | null;
  learningError: [number, number];
  frozen: number | null;
  frozenError: [number, number];
  learningMatched: number;
  frozenMatched: number;
}

const errorOf = (r: ReplayRate): [number, number] =>
  r.rate === null || r.low === null || r.high === null ? [0, 0] : [r.rate - r.low, r.high - r.rate];

const orderText = (v: unknown) => (v === null || v === undefined ? '(none)' : String(v));

export function curvePoints(results: LearningResults): CurvePoint[] {
  return results.buckets.map((b, i) => ({
    stretch: String(i + 1),
    span: `${orderText(b.from)} … ${orderText(b.to)}`,
    learning: b.learning.rate,
    learningError: errorOf(b.learning),
    frozen: b.frozen.rate,
    frozenError: errorOf(b.frozen),
    learningMatched: b.learning.matched,
    frozenMatched: b.frozen.matched,
  }));
}

const withInterval = (r: ReplayRate) =>
  `${formatShare(r.rate)} (95% CI ${formatShare(r.low)}–${formatShare(r.high)})`;

/** What the curve means, in a sentence or two. */
export function learningSentence(results: LearningResults): string {
  const { learning, frozen } = results;
  if (learning.matched === 0 || frozen.matched === 0)
    return `Replayed in order of ${results.orderBy}, the strategy never chose the logged action${learning.matched === 0 ? ' while learning' : ' with frozen models'}, so the log cannot say how it would do.`;
  const separated = learning.low! > frozen.high! || learning.high! < frozen.low!;
  const verdict = !separated
    ? 'The intervals overlap: this log is too small to tell the two apart.'
    : learning.rate! > frozen.rate!
      ? 'Learning from outcomes clearly helps on this log.'
      : 'Learning from outcomes does worse than the frozen models on this log.';
  return (
    `Replaying the log in order of ${results.orderBy}, customers accepted ${withInterval(learning)} of the ` +
    `${formatCount(learning.matched)} offers where the learning strategy chose the logged action, against ` +
    `${withInterval(frozen)} of ${formatCount(frozen.matched)} with the models frozen. ${verdict} ` +
    `The models learned from ${formatCount(results.updates)} outcomes.`
  );
}
