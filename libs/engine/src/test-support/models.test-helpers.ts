import type { ConditionFacts } from '../conditions/types';
import { compileModel, inlineModelSchema, type ModelSpec } from '../models/model-spec';
import type { StrategyEnvironment } from '../nodes/node-spec';
import { validateStrategy } from '../validation/validate-strategy';
import type { ValidationProblem } from '../validation/problem';
import { CATALOG, linearStrategy } from './build-strategy';

/** The score a model gives one candidate (defaults applied, as in a strategy). */
export function score(model: unknown, facts: Partial<ConditionFacts> = {}): number | undefined {
  return compileModel(inlineModelSchema.parse(model))({
    customer: {},
    context: {},
    action: {},
    fields: {},
    ...facts,
  });
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The problems of a small strategy whose score node (n2) uses `model`. */
export function modelProblems(
  model: unknown,
  env: StrategyEnvironment = { actions: CATALOG },
): ValidationProblem[] {
  return validateStrategy(
    linearStrategy([
      ['actions', {}],
      ['score', { model: model as ModelSpec }],
      ['output', {}],
    ]),
    env,
  ).problems;
}
