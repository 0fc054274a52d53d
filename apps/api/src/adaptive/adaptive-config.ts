import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { OUTCOME_VALUES } from '../interactions/outcomes';
import type { AssertMatches, InputMatchesSchema } from '../common/graphql/input-schema';
import { nonEmptyText } from '../common/validation';

export const GROUP_BY = ['action', 'channel', 'none'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const INPUT = /^(customer|context|action)\.[A-Za-z_][A-Za-z0-9_]*$/;
const outcomeNames = (what: string) =>
  z
    .array(z.enum(OUTCOME_VALUES, { message: `must be one of ${OUTCOME_VALUES.join(', ')}` }))
    .min(1, `name at least one ${what} outcome`)
    .refine((v) => new Set(v).size === v.length, 'lists an outcome twice');
const floor = (what: string) =>
  z
    .number()
    .min(0, `must be between 0 and 1 (${what})`)
    .max(1, `must be between 0 and 1 (${what})`)
    .nullish();

/** The configuration of an adaptive model version, checked field by field (createAdaptiveModel, reconfigureAdaptiveModel). */
export const adaptiveModelSchema = z
  .object({
    name: nonEmptyText(200),
    description: z.string().trim().max(5000, 'must be at most 5000 characters').nullish(),
    predictors: z
      .array(
        z
          .object({
            input: z
              .string()
              .regex(INPUT, 'must name an input such as customer.age, context.channel or action.group'),
            type: z.enum(['number', 'string', 'boolean'], { message: 'must be number, string or boolean' }),
            center: z.number().nullish(),
            spread: z.number().gt(0, 'must be more than 0').nullish(),
          })
          .superRefine((p, ctx) => {
            if ((p.center == null) !== (p.spread == null))
              ctx.addIssue({
                code: 'custom',
                path: [p.center == null ? 'center' : 'spread'],
                message: 'give center and spread together (the scale of a number predictor), or neither',
              });
            if (p.type !== 'number' && p.center != null)
              ctx.addIssue({
                code: 'custom',
                path: ['center'],
                message: 'only a number predictor has a scale',
              });
          }),
      )
      .max(100, 'at most 100 predictors')
      .refine((p) => new Set(p.map((x) => x.input)).size === p.length, 'lists an input twice'),
    positiveOutcomes: outcomeNames('positive'),
    negativeOutcomes: outcomeNames('negative'),
    noResponseHours: z
      .null({ message: 'is not supported yet: report "ignored" outcomes and map them as negative' })
      .nullish(),
    priorModelId: z.uuid('must be a model id (UUID)').nullish(),
    priorVersion: z.number().int('must be a whole number').min(1, 'must be at least 1').nullish(),
    explorationShare: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
    maturity: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be at least 0')
      .max(1_000_000_000, 'must be at most 1000000000')
      .nullish(),
    groupBy: z.enum(GROUP_BY, { message: `must be one of ${GROUP_BY.join(', ')}` }).nullish(),
    aucFloor: floor('an AUC'),
    calibrationFloor: floor('the largest calibration error tolerated'),
  })
  .superRefine((v, ctx) => {
    const both = v.positiveOutcomes.filter((o) => v.negativeOutcomes.includes(o));
    if (both.length)
      ctx.addIssue({
        code: 'custom',
        path: ['negativeOutcomes'],
        message: `${both.join(', ')} cannot be positive and negative`,
      });
    if (v.priorVersion != null && v.priorModelId == null)
      ctx.addIssue({ code: 'custom', path: ['priorModelId'], message: 'is required with priorVersion' });
  });
export type AdaptiveModelRequest = z.infer<typeof adaptiveModelSchema>;

/** The stored configuration of a version (its `provenance.config`), defaults applied. */
export interface AdaptiveModelConfig {
  predictors: {
    input: string;
    type: 'number' | 'string' | 'boolean';
    center: number | null;
    spread: number | null;
  }[];
  positiveOutcomes: string[];
  negativeOutcomes: string[];
  noResponseHours: null;
  prior: { modelId: string; version: number; contentHash: string } | null;
  explorationShare: number;
  maturity: number;
  groupBy: GroupBy;
  aucFloor: number | null;
  calibrationFloor: number | null;
}

/** Outcomes the guard evaluates over (rolling AUC and calibration error). */
export const GUARD_WINDOW = 500;

@InputType()
export class AdaptivePredictorInput {
  @Field({ description: 'What the decision reads, e.g. customer.age, context.channel, action.group.' })
  input: string;

  @Field({ description: 'number, string or boolean.' })
  type: string;

  @Field(() => Float, {
    nullable: true,
    description: 'A number enters as (x − center) / spread; without a scale the model keeps a running one.',
  })
  center?: number | null;

  @Field(() => Float, { nullable: true })
  spread?: number | null;
}

@InputType()
export class AdaptiveModelInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [AdaptivePredictorInput])
  predictors: AdaptivePredictorInput[];

  @Field(() => [String], {
    description: 'Outcome names learned as positive, e.g. accepted, clicked, converted.',
  })
  positiveOutcomes: string[];

  @Field(() => [String], { description: 'Outcome names learned as negative, e.g. declined, ignored.' })
  negativeOutcomes: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Not supported yet (must be left out): report "ignored" instead.',
  })
  noResponseHours?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A trained LOGISTIC registry model whose weights are the prior (warm start).',
  })
  priorModelId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Its version; default the latest.' })
  priorVersion?: number | null;

  @Field(() => Float, {
    description: 'Share of decisions (0..1) that score by a Thompson draw; immature groups always do.',
  })
  explorationShare: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Outcomes after which a group counts as mature (default 100).',
  })
  maturity?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "'action' (default: one model per action), 'channel' or 'none'.",
  })
  groupBy?: string | null;

  @Field(() => Float, { nullable: true, description: 'Alert when the rolling AUC falls below this.' })
  aucFloor?: number | null;

  @Field(() => Float, { nullable: true, description: 'Alert when the calibration error rises above this.' })
  calibrationFloor?: number | null;
}

@ObjectType('AdaptivePredictor')
export class AdaptivePredictorView {
  @Field()
  input: string;

  @Field()
  type: string;

  @Field(() => Float, { nullable: true })
  center: number | null;

  @Field(() => Float, { nullable: true })
  spread: number | null;
}

@ObjectType('AdaptiveConfig')
export class AdaptiveConfigView {
  @Field(() => [AdaptivePredictorView])
  predictors: AdaptivePredictorView[];

  @Field(() => [String])
  positiveOutcomes: string[];

  @Field(() => [String])
  negativeOutcomes: string[];

  @Field(() => Int, { nullable: true })
  noResponseHours: number | null;

  @Field(() => ID, { nullable: true })
  priorModelId: string | null;

  @Field(() => Int, { nullable: true })
  priorVersion: number | null;

  @Field(() => Float)
  explorationShare: number;

  @Field(() => Int)
  maturity: number;

  @Field()
  groupBy: string;

  @Field(() => Float, { nullable: true })
  aucFloor: number | null;

  @Field(() => Float, { nullable: true })
  calibrationFloor: number | null;
}

export function configView(config: AdaptiveModelConfig): AdaptiveConfigView {
  const { prior, ...rest } = config;
  return { ...rest, priorModelId: prior?.modelId ?? null, priorVersion: prior?.version ?? null };
}

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _AdaptiveModelInputMatchesSchema = AssertMatches<
  InputMatchesSchema<AdaptiveModelInput, typeof adaptiveModelSchema>
>;
