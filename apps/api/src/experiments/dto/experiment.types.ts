import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { OUTCOME_VALUES } from '../../interactions/outcomes';
import { ExperimentVerdict } from '../split-experiment';
import { nonEmptyText } from '../../common/validation';

/** Outcomes that count as a success when the caller names none. */
export const DEFAULT_POSITIVE_OUTCOMES = ['accepted', 'clicked', 'converted'] as const;

export const positiveOutcomesSchema = z
  .array(z.enum(OUTCOME_VALUES, { message: `must be one of ${OUTCOME_VALUES.join(', ')}` }))
  .min(1, 'must name at least one outcome')
  .max(OUTCOME_VALUES.length)
  .nullish();
export const versionNumberSchema = z.number().int().min(1, 'must be a version number (1 or more)');
export const stepIdSchema = nonEmptyText(64);

@ObjectType({ description: 'One arm (branch) of a split step with the outcomes of the decisions it got.' })
export class ExperimentArm {
  @Field({ description: 'The branch id.' })
  arm: string;

  @Field()
  label: string;

  @Field(() => Float, { description: 'The share of customers the split sends down this arm, in percent.' })
  percent: number;

  @Field({ description: 'The first arm: every challenger is compared with it.' })
  champion: boolean;

  @Field(() => Int, { description: 'Decisions of this version that took this arm.' })
  decisions: number;

  @Field(() => Int, { description: 'Outcomes reported (with the decisionId) for those decisions.' })
  outcomes: number;

  @Field(() => Int, { description: 'Decisions with at least one positive outcome.' })
  positives: number;

  @Field(() => Float, { nullable: true, description: 'positives / decisions; null without decisions.' })
  rate: number | null;

  @Field(() => Float, { description: 'Lower end of the 95% Wilson interval of the rate.' })
  rateLow: number;

  @Field(() => Float)
  rateHigh: number;

  @Field(() => Float, { nullable: true, description: "Challengers: this arm's rate minus the champion's." })
  difference: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Always-valid interval of the difference (null until every arm has enough decisions).',
  })
  differenceLow: number | null;

  @Field(() => Float, { nullable: true })
  differenceHigh: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Always-valid p-value of "no difference with the champion" (mSPRT); valid whenever it is read.',
  })
  pValue: number | null;

  @Field(() => ExperimentVerdict, {
    nullable: true,
    description: 'Challengers: the comparison with the champion.',
  })
  verdict: ExperimentVerdict | null;
}

@ObjectType({
  description:
    'A percentage split step of the version, read as an experiment (champion / challenger, A/B/n).',
})
export class SplitExperiment {
  @Field(() => ID)
  splitStepId: string;

  @Field()
  label: string;

  @Field(() => [ExperimentArm])
  arms: ExperimentArm[];

  @Field(() => ExperimentVerdict)
  verdict: ExperimentVerdict;

  @Field(() => String, {
    nullable: true,
    description: 'The arm the test found best; set only with a verdict. promoteExperimentArm takes it.',
  })
  winner: string | null;

  @Field({ description: 'The verdict in words.' })
  summary: string;

  @Field(() => Float, {
    description:
      'Alpha of each comparison with the champion: the overall alpha shared among the challengers.',
  })
  comparisonAlpha: number;
}

@ObjectType({
  description:
    'Live outcome rates per split arm of one strategy version, with an always-valid sequential test.',
})
export class ExperimentResults {
  @Field(() => ID)
  strategyId: string;

  @Field(() => ID)
  versionId: string;

  @Field(() => Int)
  version: number;

  @Field()
  status: string;

  @Field(() => [String], { description: 'The outcomes counted as positive.' })
  positiveOutcomes: string[];

  @Field(() => Float, {
    description: 'The chance of calling a difference where there is none, over every look.',
  })
  alpha: number;

  @Field(() => Int, { description: 'Decisions every arm needs before the test looks.' })
  minDecisions: number;

  @Field(() => [SplitExperiment], {
    description: 'Percentage splits only: their arms are assigned at random, so their rates compare fairly.',
  })
  splits: SplitExperiment[];
}
