import type { z } from 'zod';
import type { ConditionFacts, FactName } from '../conditions/types';
import type { StrategyEnvironment } from '../nodes/node-spec';
import type { ValidationProblem } from '../validation/problem';

export interface ModelCheckContext {
  nodeId: string;
  env: StrategyEnvironment;
  actionFields?: ReadonlySet<string>;
}

/** As CompileOptions.codegen: false keeps a kind that generates code to its closures (the reference). */
export interface ModelCompileOptions {
  codegen?: boolean;
}

/** A scoring function compiled once: the facts of one candidate in, a number (or missing) out. */
export type ScoreFunction = (facts: ConditionFacts) => number | undefined;

/**
 * A score worked out in two stages, for a model that reads the candidate (action or fields) and the
 * customer or context too: `perDecision` once per decision from what does not change between
 * candidates, then `perCandidate` for each candidate with that state. Gives exactly the score of
 * `compile` (same operations in the same order), only without repeating the customer's part.
 */
export interface StagedScore<S = unknown> {
  perDecision(facts: ConditionFacts): S;
  perCandidate(state: S, facts: ConditionFacts): number | undefined;
}

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
  compile(params: P, options?: ModelCompileOptions): ScoreFunction;
  /** The same score in two stages (see StagedScore), when a kind can split it; undefined when not worth it. */
  compileStaged?(params: P, options?: ModelCompileOptions): StagedScore | undefined;
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
