import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { z } from 'zod';
import type { AssertMatches, InputMatchesSchema } from '../../common/graphql/input-schema';

@InputType({ description: 'The thresholds of the fairness check.' })
export class FairnessSettingsInput {
  @Field(() => Float, { description: 'More than 0, at most 1; 0.8 is the four-fifths rule.' })
  ratioFloor: number;

  @Field(() => Int, { description: 'At least 1; groups with fewer customers are shown but not judged.' })
  minGroupSize: number;
}

export const fairnessSettingsSchema = z.object({
  ratioFloor: z.number().finite().gt(0, 'must be more than 0').max(1, 'must be at most 1 (a ratio of rates)'),
  minGroupSize: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1_000_000, 'must be at most 1000000'),
});
export type FairnessSettingsValues = z.infer<typeof fairnessSettingsSchema>;

export enum FairnessStatus {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  NOT_MEASURED = 'NOT_MEASURED',
}
registerEnumType(FairnessStatus, {
  name: 'FairnessStatus',
  description:
    "FAILED: some protected group gets an action first at a rate below the ratio floor × the best-served group's; NOT_MEASURED: nothing could be compared (no protected field in the data, groups too small, or a simulation from before the check).",
});

@ObjectType('FairnessGroup')
export class FairnessGroupType {
  @Field({
    description:
      'The value of the protected field; "(missing)" for rows without one, "(other values)" for values beyond the 50 kept.',
  })
  group: string;

  @Field(() => Int)
  rows: number;

  @Field({
    description:
      'False for groups smaller than the minimum size, rows without a value and other values: shown, not judged.',
  })
  judged: boolean;
}

@ObjectType('FairnessRate')
export class FairnessRateType {
  @Field()
  group: string;

  @Field(() => Float, { description: 'Share of the group that gets the action first.' })
  first: number;

  @Field(() => Float, { description: 'Share of the group that gets the action at any rank.' })
  anyRank: number;
}

@ObjectType('FairnessActionCheck')
export class FairnessActionCheckType {
  @Field()
  actionId: string;

  @Field({ description: 'The action as the catalog names it.' })
  actionName: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Lowest ÷ highest rate of getting it first among the judged groups (null: fewer than two judged groups, or none got it first).',
  })
  ratio: number | null;

  @Field(() => Float, { nullable: true, description: 'The same at any rank (shown, not judged).' })
  ratioAnyRank: number | null;

  @Field({ description: 'ratio is below the ratio floor.' })
  belowFloor: boolean;

  @Field(() => [FairnessRateType], { description: 'Per group, in the order of `groups`.' })
  rates: FairnessRateType[];
}

@ObjectType('FairnessFieldCheck')
export class FairnessFieldCheckType {
  @Field({ description: 'The protected customer field.' })
  field: string;

  @Field({ description: 'Its label in the customer schema (the name when it has none).' })
  label: string;

  @Field(() => [FairnessGroupType])
  groups: FairnessGroupType[];

  @Field(() => [FairnessActionCheckType])
  actions: FairnessActionCheckType[];
}

@ObjectType('FairnessCheck', {
  description:
    'The fairness check of a simulation, judged with the current thresholds (the four-fifths rule on "recommended first").',
})
export class FairnessCheckType {
  @Field(() => FairnessStatus)
  status: FairnessStatus;

  @Field({ description: 'The check in one sentence.' })
  summary: string;

  @Field(() => [String], {
    description:
      'Each case below the floor in words, lowest ratio first: "age band 18–25 gets \'Gold card\' first at 4.0% vs 9.0% for 40–60: ratio 0.44, below 0.80".',
  })
  findings: string[];

  @Field(() => Float)
  ratioFloor: number;

  @Field(() => Int)
  minGroupSize: number;

  @Field(() => [FairnessFieldCheckType])
  fields: FairnessFieldCheckType[];
}

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _FairnessSettingsInputMatchesSchema = AssertMatches<
  InputMatchesSchema<FairnessSettingsInput, typeof fairnessSettingsSchema>
>;
