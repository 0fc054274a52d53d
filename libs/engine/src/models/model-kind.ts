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

/** One kind of score model: its parameters' schema, checks, compiler and one-line summary. */
export interface ModelKind<P> {
  type: string;
  schema: z.ZodType<P>;
  check?(params: P, ctx: ModelCheckContext, field: string): ValidationProblem[];
  compile(params: P): ScoreFunction;
  /** The facts the model reads; a model that reads neither action nor fields scores once per decision. */
  reads(params: P): FactName[];
  summarize(params: P): string;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
