import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { ALL_ROLES } from '../auth/roles';
import { TrainModelInput, trainModelSchema, type TrainModel } from './dto/train-model.input';
import { TrainingChoices, TrainingJob } from './model.types';
import { TrainingChoicesService } from './training-choices.service';
import { TrainingService } from './training.service';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';

/** Training: analysts (and admins) start and cancel it; every role follows it. */
@Resolver(() => TrainingJob)
export class TrainingResolver {
  constructor(
    private readonly training: TrainingService,
    private readonly choices: TrainingChoicesService,
  ) {}

  @Allowed(Permission.trainModel)
  @Mutation(() => TrainingJob, {
    description:
      'Trains a model (new, or the next version of modelId) as a background job; poll trainingJob(id). The version is registered only if it succeeds.',
  })
  trainModel(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', trainModelSchema, { type: () => TrainModelInput }) input: TrainModel,
  ) {
    return this.training.train(actor, input);
  }

  @Allowed(Permission.trainModel)
  @Mutation(() => TrainingJob, {
    description:
      'QUEUED or RUNNING → CANCELLED; a running training stops within a second and registers nothing.',
  })
  cancelTraining(@CurrentActor() actor: Actor, @UuidArg('id') id: string) {
    return this.training.cancel(actor, id);
  }

  @Roles(...ALL_ROLES)
  @Query(() => TrainingJob, {
    nullable: true,
    description:
      'A training job: status, phase, rows, iterations, ETA, error; null when there is none with this id.',
  })
  async trainingJob(@UuidArg('id') id: string) {
    return (await this.training.find(id)) ?? null;
  }

  @Roles(...ALL_ROLES)
  @Query(() => TrainingChoices, {
    description:
      'What a dataset offers for training: targets with their values, predictors (with why some are left out, and leakage warnings for the target chosen), date columns, rows.',
  })
  trainingChoices(
    @UuidArg('datasetId') datasetId: string,
    @CheckedArg(
      'targetColumn',
      z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullish(),
      { type: () => String, nullable: true },
    )
    targetColumn?: string | null,
  ) {
    return this.choices.choices(datasetId, targetColumn ?? undefined);
  }
}
