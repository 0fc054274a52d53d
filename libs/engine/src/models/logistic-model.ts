import { z } from 'zod';
import { toNumber } from '../runtime/candidate';
import { joinField } from '../validation/problem';
import { checkReference, referenceGetter, referenceRoots } from './input-reference';
import { logistic, type ModelKind } from './model-kind';

const weight = z.number().finite().min(-1000).max(1000);

const numericTerm = z.object({
  input: z.string(),
  weight,
  /** Value used when the input is missing or not a number; without it the term adds nothing. */
  ifMissing: z.number().finite().optional(),
});

const categoricalTerm = z.object({
  input: z.string(),
  /** Weight per category (one-hot); an unlisted category adds `otherwise`. */
  categories: z.record(z.string(), weight),
  otherwise: weight.optional(),
  /** Weight used when the input is missing. */
  ifMissing: weight.optional(),
});

export const logisticParamsSchema = z.object({
  type: z.literal('logistic'),
  intercept: weight,
  terms: z.array(z.union([numericTerm, categoricalTerm])).max(500),
});
export type LogisticParams = z.infer<typeof logisticParamsSchema>;

/** Logistic regression: propensity = 1 / (1 + e^-(intercept + Σ terms)). */
export const logisticModel: ModelKind<LogisticParams> = {
  type: 'logistic',
  schema: logisticParamsSchema,
  check: (params, ctx, field) =>
    params.terms.flatMap((t, i) =>
      checkReference(t.input, ctx, joinField(joinField(joinField(field, 'terms'), i), 'input')),
    ),
  compile(params) {
    const terms = params.terms.map((term) => {
      const get = referenceGetter(term.input);
      if ('categories' in term) {
        const categories = new Map(Object.entries(term.categories));
        const otherwise = term.otherwise ?? 0;
        const ifMissing = term.ifMissing ?? 0;
        return (f: Parameters<typeof get>[0]) => {
          const value = get(f);
          if (value === undefined || value === null || value === '') return ifMissing;
          return categories.get(String(value)) ?? otherwise;
        };
      }
      const { weight: w, ifMissing } = term;
      return (f: Parameters<typeof get>[0]) => {
        const x = toNumber(get(f)) ?? ifMissing;
        return x === undefined ? 0 : w * x;
      };
    });
    const intercept = params.intercept;
    return (f) => {
      let z = intercept;
      for (const term of terms) z += term(f);
      return logistic(z);
    };
  },
  reads: (params) => referenceRoots(params.terms.map((t) => t.input)),
  summarize: (params) => `logistic: ${params.terms.length} term${params.terms.length === 1 ? '' : 's'}`,
};
