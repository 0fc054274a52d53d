import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { ALL_ROLES } from '../auth/roles';
import { ZodPipe } from '../common/validation';
import { idSchema, TrainModelInput, trainModelSchema, type TrainModel } from './dto/train-model.input';
import { TrainingChoices, TrainingJob } from './model.types';
import { TrainingChoicesService } from './training-choices.service';
import { TrainingService } from './training.service';

const uuid = (name: string) => new ZodPipe(idSchema, name);

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
    @Args('input', { type: () => TrainModelInput }, new ZodPipe(trainModelSchema, 'input')) input: TrainModel,
  ) {
    return this.training.train(actor, input);
  }

  @Allowed(Permission.trainModel)
  @Mutation(() => TrainingJob, {
    description:
      'QUEUED or RUNNING → CANCELLED; a running training stops within a second and registers nothing.',
  })
  cancelTraining(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, uuid('id')) id: string) {
    return this.training.cancel(actor, id);
  }

  @Roles(...ALL_ROLES)
  @Query(() => TrainingJob, {
    nullable: true,
    description:
      'A training job: status, phase, rows, iterations, ETA, error; null when there is none with this id.',
  })
  async trainingJob(@Args('id', { type: () => ID }, uuid('id')) id: string) {
    return (await this.training.find(id)) ?? null;
  }

  @Roles(...ALL_ROLES)
  @Query(() => TrainingChoices, {
    description:
      'What a dataset offers for training: targets with their values, predictors (with why some are left out, and leakage warnings for the target chosen), date columns, rows.',
  })
  trainingChoices(
    @Args('datasetId', { type: () => ID }, uuid('datasetId')) datasetId: string,
    @Args(
      'targetColumn',
      { type: () => String, nullable: true },
      new ZodPipe(
        z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullish(),
        'targetColumn',
      ),
    )
    targetColumn?: string | null,
  ) {
    return this.choices.choices(datasetId, targetColumn ?? undefined);
  }
}
