import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Algorithm } from '@arbiter/learning';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';
import { JSONScalar } from '../common/graphql/json.scalar';

export enum ModelAlgorithm {
  LOGISTIC = 'LOGISTIC',
  GBDT = 'GBDT',
  NAIVE_BAYES = 'NAIVE_BAYES',
  ADAPTIVE = 'ADAPTIVE',
}
export type TrainedAlgorithm = Exclude<ModelAlgorithm, ModelAlgorithm.ADAPTIVE>;
registerEnumType(ModelAlgorithm, {
  name: 'ModelAlgorithm',
  description:
    'LOGISTIC: regularised logistic regression. GBDT: gradient-boosted trees (histogram-based). NAIVE_BAYES: naive Bayes on binned predictors, read as a scorecard. ADAPTIVE: an adaptive model (createAdaptiveModel), learning online from outcomes; not trained.',
});

/** The trainer's name of each algorithm. */
export const TRAINER_ALGORITHM: Record<TrainedAlgorithm, Algorithm> = {
  [ModelAlgorithm.LOGISTIC]: 'logistic',
  [ModelAlgorithm.GBDT]: 'gbdt',
  [ModelAlgorithm.NAIVE_BAYES]: 'naiveBayes',
};

export enum TrainingStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TrainingStatus, { name: 'TrainingStatus' });

/** A registered model: a name, what it predicts, and its versions (the first one registered with it). */
@ObjectType('Model')
export class Model {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field({ description: 'What the model predicts, in words, e.g. "Y is 1".' })
  target: string;

  @Field({
    description:
      'trained (versions come from training) or adaptive (versions are configurations; it learns from outcomes).',
  })
  kind: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field({ description: 'Id of the user who trained its first version.' })
  createdBy: string;
}

/** One immutable version of a model: its engine form, report and provenance. */
@ObjectType('ModelVersion')
export class ModelVersion {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  modelId: string;

  @Field()
  modelName: string;

  @Field(() => Int)
  version: number;

  @Field(() => ModelAlgorithm)
  algorithm: ModelAlgorithm;

  @Field({
    description:
      'SHA-256 of the canonical JSON of `spec`: the same data, settings and seed give the same hash.',
  })
  contentHash: string;

  @Field(() => JSONScalar, {
    description:
      'The engine model (logistic, scorecard or treeEnsemble): what a strategy that pins this version runs.',
  })
  spec: unknown;

  @Field(() => JSONScalar, {
    description:
      'Evaluation on held-out rows: AUC with its interval, log loss, Brier, ROC, calibration, gains, importance, segments, warnings.',
  })
  report: unknown;

  @Field(() => JSONScalar, {
    description:
      'How it was made: datasetId, datasetName, datasetHash, rows, target, predictors, split, seed, settings, trainer.',
  })
  provenance: unknown;

  @Field(() => Float, { nullable: true, description: 'Held-out AUC (also in report.auc).' })
  auc: number | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field()
  createdBy: string;
}

/** A training run: a background job that registers a model version when it succeeds. */
@ObjectType('TrainingJob')
export class TrainingJob {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: "The model's id; a new model exists (model(id)) once this job SUCCEEDED." })
  modelId: string;

  @Field()
  modelName: string;

  @Field(() => TrainingStatus)
  status: TrainingStatus;

  @Field(() => String, {
    nullable: true,
    description: 'reading (rows from the dataset), preparing, training, evaluating; null before it starts.',
  })
  phase: string | null;

  @Field(() => Int, { description: 'Rows read from the dataset so far.' })
  rows: number;

  @Field(() => Int)
  iteration: number;

  @Field(() => Int)
  iterations: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Seconds left at the current pace; null when unknown or finished.',
  })
  etaSeconds: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it FAILED, naming the column when a column is the reason.',
  })
  error: string | null;

  @Field(() => ID, { nullable: true, description: 'The version registered (SUCCEEDED only).' })
  versionId: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt: Date | null;

  @Field()
  createdBy: string;
}

@ObjectType('PredictorChoice')
export class PredictorChoice {
  @Field({ description: 'The dataset column.' })
  name: string;

  @Field({
    description:
      'What a strategy reads for it when the model decides, e.g. customer.age or action.id; empty when a decision request cannot carry it.',
  })
  input: string;

  @Field({ description: 'number, string or boolean.' })
  type: string;

  @Field({ description: 'Whether the default selection includes it.' })
  include: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is left out by default.' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'A warning in words, e.g. likely leakage.' })
  warning: string | null;
}

@ObjectType('TargetChoice')
export class TargetChoice {
  @Field()
  column: string;

  @Field(() => [String], { description: 'Its values, most frequent first.' })
  values: string[];
}

@ObjectType('TrainingChoices')
export class TrainingChoices {
  @Field(() => [TargetChoice])
  targets: TargetChoice[];

  @Field(() => [PredictorChoice], {
    description: 'Every column but the target; leakage warnings once a target column is chosen.',
  })
  predictors: PredictorChoice[];

  @Field(() => [String], { description: 'Date columns, for a time split.' })
  timeColumns: string[];

  @Field(() => Int)
  rows: number;
}

@ObjectType('VersionComparison')
export class VersionComparison {
  @Field({
    description: 'auc, aucLow, aucHigh, logLoss, brier, positiveRate, liftTopDecile, trainRows, testRows.',
  })
  metric: string;

  @Field(() => Float, { nullable: true })
  a: number | null;

  @Field(() => Float, { nullable: true })
  b: number | null;

  @Field(() => Float, { nullable: true, description: 'b − a.' })
  delta: number | null;
}
