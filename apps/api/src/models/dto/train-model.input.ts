import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { JSONScalar } from '../../common/graphql/json.scalar';
import { ModelAlgorithm } from '../model.types';
import type { AssertMatches, InputMatchesSchema } from '../../common/graphql/input-schema';
import { nonEmptyText } from '../../common/validation';

const idSchema = z.uuid('must be an id (UUID)');
const columnName = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** The largest share of rows held out for evaluation; the rest trains. */
export const MAX_TEST_SHARE = 0.5;

export const trainModelSchema = z.object({
  modelId: idSchema.nullish(),
  name: nonEmptyText(200).nullish(),
  description: z.string().trim().max(5000, 'must be at most 5000 characters').nullish(),
  datasetId: idSchema,
  targetColumn: columnName,
  positiveValues: z
    .array(z.string().max(1000, 'must be at most 1000 characters'))
    .min(1, 'name at least one value of the target column that counts as positive')
    .max(1000, 'at most 1000 values')
    .refine((v) => new Set(v).size === v.length, 'lists a value twice'),
  predictors: z
    .array(columnName)
    .min(1, 'choose at least one predictor, or leave predictors out for the suggested ones')
    .max(2000, 'at most 2000 predictors')
    .refine((p) => new Set(p).size === p.length, 'lists a column twice')
    .nullish(),
  algorithm: z.enum([ModelAlgorithm.LOGISTIC, ModelAlgorithm.GBDT, ModelAlgorithm.NAIVE_BAYES], {
    message: 'must be LOGISTIC, GBDT or NAIVE_BAYES (an ADAPTIVE model is created with createAdaptiveModel)',
  }),
  settings: z.record(z.string(), z.json(), 'must be an object of settings, e.g. { "trees": 200 }').nullish(),
  seed: z.number().int('must be a whole number').min(0, 'must be at least 0').nullish(),
  testShare: z
    .number()
    .gt(0, `must be more than 0 and at most ${MAX_TEST_SHARE}`)
    .max(MAX_TEST_SHARE, `must be more than 0 and at most ${MAX_TEST_SHARE}`)
    .nullish(),
  timeColumn: columnName.nullish(),
});
export type TrainModel = z.infer<typeof trainModelSchema>;

@InputType()
export class TrainModelInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Retrain this model: the result is its next version. Leave out for a new model (then name is required).',
  })
  modelId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the new model (unique).' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID)
  datasetId: string;

  @Field({ description: 'The column the model predicts (see trainingChoices.targets).' })
  targetColumn: string;

  @Field(() => [String], {
    description:
      'Values of the target column that count as positive (compared as text, e.g. "1", "true", "yes").',
  })
  positiveValues: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Predictor columns; default: the ones trainingChoices includes.',
  })
  predictors?: string[] | null;

  @Field(() => ModelAlgorithm)
  algorithm: ModelAlgorithm;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Advanced settings of the algorithm (see the API README); defaults otherwise.',
  })
  settings?: Record<string, unknown> | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Seed of the split and of the training (default 1): the same data, settings and seed give the same version hash.',
  })
  seed?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Share of rows held out for evaluation, in (0, ${MAX_TEST_SHARE}] (default 0.2).`,
  })
  testShare?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A date column: the latest rows are held out (time split) instead of a seeded stratified split.',
  })
  timeColumn?: string | null;
}

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _TrainModelInputMatchesSchema = AssertMatches<
  InputMatchesSchema<TrainModelInput, typeof trainModelSchema>
>;
