import { z } from 'zod';
import { toNumber } from '../expressions/values';
import { fieldIs } from '../catalog/field-types';
import { joinField, problem, type ValidationProblem } from '../validation/problem';
import type { ConditionFacts } from '../conditions/types';
import { categoryProblems } from './category-problems';
import {
  checkReference,
  parseReference,
  referencedField,
  referenceGetter,
  referenceRoots,
} from './input-reference';
import { generateLogistic } from './logistic-codegen';
import { logistic, sumByInput, type ModelCheckContext, type ModelKind } from './model-kind';

const weight = z.number().finite().min(-1000).max(1000);

const numericTerm = z.object({
  input: z.string(),
  weight,
  /** Value used when the input is missing or not a number; without it the term adds nothing. */
  ifMissing: z.number().finite().optional(),
  /** Contribution added when the input is missing or not a number; takes precedence over ifMissing. */
  missingWeight: weight.optional(),
  /**
   * For explanations only: the term is shown as weight × (x − center). The score is unchanged (a
   * trained intercept already includes the centering).
   */
  center: z.number().finite().optional(),
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
    params.terms.flatMap((t, i) => {
      const at = joinField(joinField(field, 'terms'), i);
      return [...checkReference(t.input, ctx, joinField(at, 'input')), ...termTypeProblems(t, ctx, at)];
    }),
  compile(params, options) {
    if (options?.codegen !== false) {
      const generated = generateLogistic(params, params.terms.length, []);
      if (generated) return generated.score;
    }
    const terms = params.terms.map(compileTerm);
    const intercept = params.intercept;
    return (f) => {
      let z = intercept;
      for (const term of terms) z += term(f);
      return logistic(z);
    };
  },
  compileStaged(params, options) {
    // Terms before the first one that reads the candidate are summed once per decision; later
    // customer terms are kept as values and added in document order, so the sum is bit-identical.
    const perCandidate = params.terms.map((t) => {
      const root = parseReference(t.input)?.root;
      return root === 'action' || root === 'fields';
    });
    const first = perCandidate.indexOf(true);
    if (first < 0) return undefined;
    const tailPerCandidate = perCandidate.slice(first);
    if (first === 0 && tailPerCandidate.every(Boolean)) return undefined;
    if (options?.codegen !== false) {
      const generated = generateLogistic(params, first, perCandidate);
      if (generated)
        return {
          perDecision: generated.perDecision,
          perCandidate: (state, f) => generated.perCandidate(state as number[], f),
        };
    }
    const terms = params.terms.map(compileTerm);
    const head = terms.slice(0, first);
    const tail = terms.slice(first);
    const intercept = params.intercept;
    const n = tail.length;
    return {
      perDecision(f) {
        const state: number[] = new Array<number>(n + 1).fill(0);
        let z = intercept;
        for (const term of head) z += term(f);
        state[0] = z;
        for (let i = 0; i < n; i++) if (!tailPerCandidate[i]) state[i + 1] = tail[i]!(f);
        return state;
      },
      perCandidate(state, f) {
        const s = state as number[];
        let z = s[0]!;
        for (let i = 0; i < n; i++) z += tailPerCandidate[i] ? tail[i]!(f) : s[i + 1]!;
        return logistic(z);
      },
    };
  },
  reads: (params) => referenceRoots(params.terms.map((t) => t.input)),
  summarize: (params) => `logistic: ${params.terms.length} term${params.terms.length === 1 ? '' : 's'}`,
  explain(params) {
    const terms = params.terms.map((term) => ({ term, get: referenceGetter(term.input) }));
    return (f) =>
      sumByInput(
        terms.map(({ term, get }) => {
          const value = get(f);
          return { input: term.input, value, effect: termEffect(term, value) };
        }),
      );
  },
};

type Term = LogisticParams['terms'][number];

/** A term's share of the log-odds for one candidate's facts. */
function compileTerm(term: Term): (facts: ConditionFacts) => number {
  const get = referenceGetter(term.input);
  if ('categories' in term) {
    const categories = new Map(Object.entries(term.categories));
    const otherwise = term.otherwise ?? 0;
    const ifMissing = term.ifMissing ?? 0;
    return (f) => {
      const value = get(f);
      if (value === undefined || value === null || value === '') return ifMissing;
      return categories.get(String(value)) ?? otherwise;
    };
  }
  const { weight: w, ifMissing, missingWeight } = term;
  if (missingWeight !== undefined) {
    return (f) => {
      const x = toNumber(get(f));
      return x === undefined ? missingWeight : w * x;
    };
  }
  return (f) => {
    const x = toNumber(get(f)) ?? ifMissing;
    return x === undefined ? 0 : w * x;
  };
}

/** A term's share of the log-odds as a reader sees it: centred for numbers, the weight for a category. */
function termEffect(term: Term, value: unknown): number {
  if ('categories' in term) {
    if (value === undefined || value === null || value === '') return term.ifMissing ?? 0;
    const key = String(value);
    return Object.hasOwn(term.categories, key) ? term.categories[key]! : (term.otherwise ?? 0);
  }
  const center = term.center ?? 0;
  const x = toNumber(value);
  if (x !== undefined) return term.weight * (x - center);
  if (term.missingWeight !== undefined) return term.missingWeight;
  return term.ifMissing === undefined ? 0 : term.weight * (term.ifMissing - center);
}

/** A weight needs a number to multiply, and a category must be a value the field can take. */
function termTypeProblems(term: Term, ctx: ModelCheckContext, at: string): ValidationProblem[] {
  const def = referencedField(term.input, ctx);
  if (!def) return [];
  const report = (code: 'type_mismatch' | 'unknown_value', message: string, field: string) =>
    problem(code, message, { nodeId: ctx.nodeId, field });
  if (!('categories' in term)) {
    if (def.type === 'number') return [];
    const instead =
      def.type === 'boolean'
        ? `weigh each value instead: "categories": { "true": ${term.weight}, "false": 0 }`
        : def.type === 'string'
          ? `give a weight per category instead ("categories": { "<value>": ${term.weight} })`
          : `use a number field, or an expression model`;
    return [
      report(
        'type_mismatch',
        `${fieldIs(def)}: a weight multiplies a number, so this term would always add 0; ${instead}`,
        joinField(at, 'weight'),
      ),
    ];
  }
  if (def.type === 'list') {
    return [
      report(
        'type_mismatch',
        `${fieldIs(def)}: a category is one value, never a whole list; use a filter with "contains" for its items instead`,
        joinField(at, 'categories'),
      ),
    ];
  }
  return Object.keys(term.categories).flatMap((key) =>
    categoryProblems(def, key, ctx.nodeId, joinField(joinField(at, 'categories'), key)),
  );
}
