import {
  compileModel,
  FACT_NAMES,
  inlineModelSchema,
  type ConditionFacts,
  type InlineModelSpec,
} from '@arbiter/engine';
import { CHUNK_ROWS, checkpoint } from './cooperate';
import { cellReader } from './prepare';
import type { PredictorDef } from './types';

/** Written like the engine's model inputs: a fact and one or more identifiers. */
const INPUT_PATTERN = new RegExp(`^(${FACT_NAMES.join('|')})(\\.[A-Za-z_][A-Za-z0-9_]*)+$`);
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export function isModelInput(input: string): boolean {
  return INPUT_PATTERN.test(input) && !input.split('.').some((key) => FORBIDDEN_KEYS.has(key));
}

/**
 * Builds the facts the engine's model reads from a dataset row: each predictor's value placed at its
 * input reference (`customer.age` ← row.age); a missing value stays absent.
 */
export function factsReader(
  predictors: readonly PredictorDef[],
): (row: Record<string, unknown>) => ConditionFacts {
  const paths = predictors.map((predictor) => {
    if (!isModelInput(predictor.input)) {
      throw new Error(`predictor "${predictor.name}" reads "${predictor.input}", which is not a model input`);
    }
    const [root, ...keys] = predictor.input.split('.');
    return { read: cellReader(predictor.name), root: root as keyof ConditionFacts, keys };
  });
  return (row) => {
    const facts: ConditionFacts = { customer: {}, context: {}, action: {}, fields: {} };
    for (const { read, root, keys } of paths) {
      const value = read(row);
      if (value === undefined) continue;
      let target = facts[root] as Record<string, unknown>;
      for (let k = 0; k < keys.length - 1; k++) {
        const key = keys[k]!;
        if (!Object.hasOwn(target, key)) target[key] = {};
        target = target[key] as Record<string, unknown>;
      }
      target[keys[keys.length - 1]!] = value;
    }
    return facts;
  };
}

/**
 * Propensities of dataset rows as the decision engine computes them: the spec is parsed with the
 * engine's schema and compiled by the engine, so these are exactly the scores strategies will see.
 */
export function predict(
  spec: InlineModelSpec,
  rows: ReadonlyArray<Record<string, unknown>>,
  predictors: readonly PredictorDef[],
): Float64Array {
  const score = compileModel(inlineModelSchema.parse(spec));
  const facts = factsReader(predictors);
  const scores = new Float64Array(rows.length);
  rows.forEach((row, i) => (scores[i] = score(facts(row)) ?? NaN));
  return scores;
}

/** `predict` for the rows at `indices`, letting the event loop run between chunks of rows. */
export async function predictRows(
  spec: InlineModelSpec,
  rows: ReadonlyArray<Record<string, unknown>>,
  indices: Uint32Array,
  predictors: readonly PredictorDef[],
  signal?: AbortSignal,
): Promise<Float64Array> {
  const score = compileModel(inlineModelSchema.parse(spec));
  const facts = factsReader(predictors);
  const scores = new Float64Array(indices.length);
  for (let start = 0; start < indices.length; start += CHUNK_ROWS) {
    const end = Math.min(start + CHUNK_ROWS, indices.length);
    for (let i = start; i < end; i++) scores[i] = score(facts(rows[indices[i]!]!)) ?? NaN;
    await checkpoint(signal);
  }
  return scores;
}
