import { z } from 'zod';
import { toNumber } from '../expressions/values';
import { disallowedValueMessage, fieldIs, wrongValueMessage } from '../catalog/field-types';
import type { FieldDefinition } from '../catalog/fields';
import { joinField, problem, type ValidationProblem } from '../validation/problem';
import { checkReference, referencedField, referenceGetter, referenceRoots } from './input-reference';
import { logistic, sumByInput, type ModelCheckContext, type ModelKind } from './model-kind';

const points = z.number().finite().min(-100000).max(100000);

const binSchema = z.object({
  label: z.string().optional(),
  /** Numeric range: min inclusive, max exclusive; either may be left open. */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Categories that fall into this bin (instead of a range). */
  values: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  points,
});

export const scorecardParamsSchema = z.object({
  type: z.literal('scorecard'),
  baseScore: points.default(0),
  characteristics: z
    .array(
      z.object({
        input: z.string(),
        bins: z.array(binSchema).min(1),
        /** Points when the input is missing. */
        missingPoints: points.default(0),
        /** Points when a value falls in no bin. */
        otherPoints: points.default(0),
      }),
    )
    .max(200),
  /** Optional mapping of the total score to a probability: logistic(intercept + slope × score). */
  mapping: z
    .object({ type: z.literal('logistic'), intercept: z.number().finite(), slope: z.number().finite() })
    .optional(),
});
export type ScorecardParams = z.infer<typeof scorecardParamsSchema>;

type Bin = z.infer<typeof binSchema>;
type Characteristic = ScorecardParams['characteristics'][number];

/** Scorecard: bins per characteristic give points; the sum (optionally mapped to a probability) is the score. */
export const scorecardModel: ModelKind<ScorecardParams> = {
  type: 'scorecard',
  schema: scorecardParamsSchema,
  check(params, ctx, field) {
    return params.characteristics.flatMap((c, i) => {
      const at = joinField(joinField(field, 'characteristics'), i);
      const problems = checkReference(c.input, ctx, joinField(at, 'input'));
      const def = referencedField(c.input, ctx);
      if (def) problems.push(...binTypeProblems(def, c.bins, ctx, at));
      c.bins.forEach((bin, j) => {
        const ranged = bin.min !== undefined || bin.max !== undefined;
        if (ranged === (bin.values !== undefined)) {
          problems.push(
            problem('invalid_config', 'a bin has either a range (min/max) or a list of values', {
              nodeId: ctx.nodeId,
              field: joinField(joinField(at, 'bins'), j),
            }),
          );
        } else if (bin.min !== undefined && bin.max !== undefined && bin.min >= bin.max) {
          problems.push(
            problem('out_of_range', `min ${bin.min} must be below max ${bin.max}`, {
              nodeId: ctx.nodeId,
              field: joinField(joinField(at, 'bins'), j),
            }),
          );
        }
      });
      return problems;
    });
  },
  compile(params) {
    const characteristics = params.characteristics.map((c) => {
      const get = referenceGetter(c.input);
      const points = pointsOf(c);
      return (f: Parameters<typeof get>[0]) => points(get(f));
    });
    const { baseScore, mapping } = params;
    return (f) => {
      let score = baseScore;
      for (const c of characteristics) score += c(f);
      return mapping ? logistic(mapping.intercept + mapping.slope * score) : score;
    };
  },
  explain(params) {
    // Mapped to a probability, points count in log-odds: slope × points.
    const scale = params.mapping ? params.mapping.slope : 1;
    const characteristics = params.characteristics.map((c) => ({
      input: c.input,
      get: referenceGetter(c.input),
      points: pointsOf(c),
    }));
    return (f) =>
      sumByInput(
        characteristics.map(({ input, get, points }) => {
          const value = get(f);
          return { input, value, effect: scale * points(value) };
        }),
      );
  },
  reads: (params) => referenceRoots(params.characteristics.map((c) => c.input)),
  summarize: (params) =>
    `scorecard: ${params.characteristics.length} characteristic${params.characteristics.length === 1 ? '' : 's'}` +
    (params.mapping ? ' → probability' : ''),
};

/** The points one characteristic gives a value: its bin's, else missingPoints or otherPoints. */
function pointsOf(c: Characteristic): (value: unknown) => number {
  const matchers = c.bins.map((bin) => ({ matches: binMatcher(bin), points: bin.points }));
  return (value) => {
    if (value === undefined || value === null || value === '') return c.missingPoints;
    for (const m of matchers) if (m.matches(value)) return m.points;
    return c.otherPoints;
  };
}

function binMatcher(bin: Bin): (value: unknown) => boolean {
  if (bin.values) {
    const values = bin.values;
    return (value) =>
      values.some((v) => v === value || (typeof v !== 'string' && String(v) === String(value)));
  }
  const { min = -Infinity, max = Infinity } = bin;
  return (value) => {
    const x = toNumber(value);
    return x !== undefined && x >= min && x < max;
  };
}

/** A range bin needs a number field; a bin's values must be values the field can take. */
function binTypeProblems(
  def: FieldDefinition,
  bins: readonly Bin[],
  ctx: ModelCheckContext,
  at: string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const report = (code: 'type_mismatch' | 'unknown_value', message: string, field: string) =>
    problems.push(problem(code, message, { nodeId: ctx.nodeId, field }));
  bins.forEach((bin, j) => {
    const binField = joinField(joinField(at, 'bins'), j);
    if ((bin.min !== undefined || bin.max !== undefined) && def.type !== 'number') {
      report(
        'type_mismatch',
        `${fieldIs(def)}: a range (min/max) needs a number, so no value would fall in this bin; use a list of values instead ("values": [...])`,
        binField,
      );
    }
    (bin.values ?? []).forEach((value, k) => {
      const field = joinField(joinField(binField, 'values'), k);
      if (def.type === 'list') {
        report(
          'type_mismatch',
          `${fieldIs(def)}: a bin value is one value, never a whole list; use a number field instead`,
          field,
        );
        return;
      }
      // Text fields also match numbers and true/false by their text (see binMatcher).
      const fits =
        def.type === 'string' || def.type === 'date'
          ? true
          : typeof value === (def.type === 'number' ? 'number' : 'boolean');
      if (!fits) {
        report('type_mismatch', wrongValueMessage(def, value).replace(': compare with ', ': use '), field);
        return;
      }
      const text = def.type === 'string' ? String(value) : value;
      const disallowed = disallowedValueMessage(def, text);
      if (disallowed) report('unknown_value', disallowed, field);
    });
  });
  return problems;
}
