import type { z } from 'zod';
import type { ConditionFacts, FactName } from '../conditions/types';
import type { StrategyEnvironment } from '../nodes/node-spec';
import type { ValidationProblem } from '../validation/problem';

export interface ModelCheckContext {
  nodeId: string;
  env: StrategyEnvironment;
  actionFields?: ReadonlySet<string>;
}

/** A scoring function compiled once: the facts of one candidate in, a number (or missing) out. */
export type ScoreFunction = (facts: ConditionFacts) => number | undefined;

/** How much one input moved a score: `effect` in log-odds (points for an unmapped scorecard), positive raises it. */
export interface Contribution {
  input: string;
  /** The value the input had for this candidate (undefined when missing). */
  value: unknown;
  effect: number;
}

/** The contributions of a model's inputs for one candidate's facts, one per input. */
export type ExplainFunction = (facts: ConditionFacts) => Contribution[];

/** One kind of score model: its parameters' schema, checks, compiler and one-line summary. */
export interface ModelKind<P> {
  type: string;
  schema: z.ZodType<P>;
  check?(params: P, ctx: ModelCheckContext, field: string): ValidationProblem[];
  compile(params: P): ScoreFunction;
  /** The facts the model reads; a model that reads neither action nor fields scores once per decision. */
  reads(params: P): FactName[];
  summarize(params: P): string;
  /** Per-input contributions for traced decisions; only built when a decision is explained. */
  explain?(params: P): ExplainFunction;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Contributions of the same input added together, in the order the inputs first appear. */
export function sumByInput(contributions: readonly Contribution[]): Contribution[] {
  const byInput = new Map<string, Contribution>();
  for (const c of contributions) {
    const seen = byInput.get(c.input);
    if (seen) seen.effect += c.effect;
    else byInput.set(c.input, { ...c });
  }
  return [...byInput.values()];
}
