import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';
import { JSONScalar } from '../common/graphql/json.scalar';
import { AdaptiveConfigView, GUARD_WINDOW } from './adaptive-config';

/** How much a model (or a group, or a snapshot) has learned from: outcomes, and the positive ones. */
@ObjectType({ isAbstract: true })
abstract class LearnedCounts {
  @Field(() => Int)
  evidence: number;

  @Field(() => Int)
  positives: number;
}

@ObjectType('AdaptiveAlert')
export class AdaptiveAlert {
  @Field({ description: 'auc or calibration.' })
  kind: string;

  @Field()
  message: string;

  @Field(() => DateTimeScalar)
  since: Date;
}

@ObjectType('AdaptiveHistoryPoint')
export class AdaptiveHistoryPoint extends LearnedCounts {
  @Field(() => DateTimeScalar)
  at: Date;

  @Field(() => Float, { nullable: true })
  rollingAuc: number | null;

  @Field(() => Float, { nullable: true })
  calibrationError: number | null;
}

@ObjectType('AdaptiveGroupStatus')
export class AdaptiveGroupStatus extends LearnedCounts {
  @Field({ description: 'The action id, the channel, or "" (groupBy none).' })
  key: string;

  @Field({ description: "How the group reads: the action's name (groupBy action), else the key." })
  name: string;

  @Field(() => Float, { nullable: true })
  successRate: number | null;

  @Field()
  mature: boolean;
}

@ObjectType('AdaptiveBin')
export class AdaptiveBin {
  @Field({ description: 'A category, "missing", "other", or "per standard unit" for a number.' })
  label: string;

  @Field(() => Float, { description: 'Posterior mean weight (log-odds), averaged over groups by evidence.' })
  weight: number;

  @Field(() => Float, { description: 'Posterior standard deviation of the weight.' })
  sd: number;
}

@ObjectType('AdaptivePredictorStatus')
export class AdaptivePredictorStatus {
  @Field()
  name: string;

  @Field()
  input: string;

  @Field(() => Float, {
    description:
      'Spread of the weights of its bins (max − min), in log-odds: how much it can move a propensity.',
  })
  importance: number;

  @Field(() => [AdaptiveBin])
  bins: AdaptiveBin[];
}

@ObjectType('AdaptiveSnapshotInfo')
export class AdaptiveSnapshotInfo extends LearnedCounts {
  @Field(() => ID)
  id: string;

  @Field(() => Float, {
    description: 'The outcome stream position (interaction id) of the last outcome learned.',
  })
  seq: number;

  @Field()
  hash: string;

  @Field({ description: 'learned, reset or rollback.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'The reason given for a reset or rollback.' })
  comment: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The user of a reset or rollback; null for the learner.',
  })
  createdBy: string | null;
}

@ObjectType('OverrideRate')
export class OverrideRate {
  @Field()
  actionId: string;

  @Field()
  actionName: string;

  @Field(() => Int, { description: 'Outcomes reported for the action when recommended.' })
  shown: number;

  @Field(() => Int, { description: 'Of those, how many said staff chose another action.' })
  overridden: number;

  @Field(() => Float, { nullable: true })
  rate: number | null;
}

@ObjectType('AdaptiveModelStatus')
export class AdaptiveModelStatus extends LearnedCounts {
  @Field(() => ID)
  modelId: string;

  @Field(() => Int)
  version: number;

  @Field(() => AdaptiveConfigView)
  config: AdaptiveConfigView;

  @Field()
  frozen: boolean;

  @Field(() => ID, { nullable: true })
  servingSnapshotId: string | null;

  @Field(() => Float, { nullable: true })
  successRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Over the last ${GUARD_WINDOW} outcomes, each judged by the prediction made before learning it.`,
  })
  rollingAuc: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Expected calibration error (10 bins) over the last ${GUARD_WINDOW} outcomes.`,
  })
  calibrationError: number | null;

  @Field({ description: 'Every group has at least `maturity` outcomes (and there is one).' })
  mature: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUpdatedAt: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Age of the oldest outcome the learner has not read for this model; 0 when caught up.',
  })
  learnerLagSeconds: number | null;

  @Field(() => AdaptiveAlert, { nullable: true })
  alert: AdaptiveAlert | null;

  @Field(() => [AdaptiveHistoryPoint], {
    description: 'One point per snapshot (the last 500), oldest first.',
  })
  history: AdaptiveHistoryPoint[];

  @Field(() => [AdaptiveGroupStatus])
  groups: AdaptiveGroupStatus[];

  @Field(() => [AdaptivePredictorStatus])
  predictors: AdaptivePredictorStatus[];

  @Field(() => [AdaptiveSnapshotInfo], { description: 'Newest first (the last 100).' })
  snapshots: AdaptiveSnapshotInfo[];

  @Field(() => [OverrideRate])
  overrides: OverrideRate[];

  @Field(() => JSONScalar, {
    description:
      "The engine `adaptive` spec decisions score with now (the serving snapshot's parameters): what the studio's in-browser test panel should put under the model's registry key instead of the version's prior spec.",
  })
  servingSpec: unknown;
}
