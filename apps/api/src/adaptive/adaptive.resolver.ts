import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { ALL_ROLES } from '../auth/roles';
import { ZodPipe } from '../common/validation';
import { Model } from '../models/model.types';
import { AdaptiveModelInput, adaptiveModelSchema, type AdaptiveModelRequest } from './adaptive-config';
import { AdaptiveModelsService } from './adaptive-models.service';
import { AdaptiveStatusReader } from './adaptive-status.reader';
import { AdaptiveModelStatus } from './adaptive.types';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';

const versionNumber = new ZodPipe(
  z.number().int('must be a whole number').min(1, 'must be at least 1'),
  'version',
);
const reasonText = new ZodPipe(
  z.string().trim().min(1, 'say why (it goes to the audit log)').max(2000, 'must be at most 2000 characters'),
  'reason',
);
const snapshotIdPipe = new ZodPipe(
  z.string().regex(/^\d{1,18}$/, 'must be a snapshot id from the status'),
  'snapshotId',
);

/** Adaptive models: analysts configure them, publishers control their learning, every role reads their status. */
@Resolver()
export class AdaptiveResolver {
  constructor(
    private readonly adaptive: AdaptiveModelsService,
    private readonly reader: AdaptiveStatusReader,
  ) {}

  @Allowed(Permission.configureAdaptiveModel)
  @Mutation(() => Model, { description: 'A new adaptive model; its version 1 is this configuration.' })
  createAdaptiveModel(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', adaptiveModelSchema, { type: () => AdaptiveModelInput })
    input: AdaptiveModelRequest,
  ) {
    return this.adaptive.create(actor, input);
  }

  @Allowed(Permission.configureAdaptiveModel)
  @Mutation(() => Model, {
    description:
      "The adaptive model's next version: a new configuration that learns from its own prior (strategies pin versions).",
  })
  reconfigureAdaptiveModel(
    @CurrentActor() actor: Actor,
    @UuidArg('modelId', { message: 'must be a model id (UUID)' }) modelId: string,
    @CheckedArg('input', adaptiveModelSchema, { type: () => AdaptiveModelInput })
    input: AdaptiveModelRequest,
  ) {
    return this.adaptive.reconfigure(actor, modelId, input);
  }

  @Allowed(Permission.controlAdaptiveModel)
  @Mutation(() => AdaptiveModelStatus, {
    description:
      'Frozen: keeps serving its snapshot and stops learning (outcomes are still recorded; unfreezing catches up). Audited.',
  })
  freezeAdaptiveModel(
    @CurrentActor() actor: Actor,
    @UuidArg('modelId', { message: 'must be a model id (UUID)' }) modelId: string,
    @Args('version', { type: () => Int }, versionNumber) version: number,
    @Args('frozen') frozen: boolean,
    @Args('reason', reasonText) reason: string,
  ) {
    return this.adaptive.freeze(actor, modelId, version, frozen, reason);
  }

  @Allowed(Permission.controlAdaptiveModel)
  @Mutation(() => AdaptiveModelStatus, {
    description: 'Back to the prior (a new snapshot, reason reset); learns on from new outcomes. Audited.',
  })
  resetAdaptiveModel(
    @CurrentActor() actor: Actor,
    @UuidArg('modelId', { message: 'must be a model id (UUID)' }) modelId: string,
    @Args('version', { type: () => Int }, versionNumber) version: number,
    @Args('reason', reasonText) reason: string,
  ) {
    return this.adaptive.reset(actor, modelId, version, reason);
  }

  @Allowed(Permission.controlAdaptiveModel)
  @Mutation(() => AdaptiveModelStatus, {
    description:
      "Serves an earlier snapshot's parameters again (a new snapshot, reason rollback); learns on from new outcomes. Audited.",
  })
  rollBackAdaptiveModel(
    @CurrentActor() actor: Actor,
    @UuidArg('modelId', { message: 'must be a model id (UUID)' }) modelId: string,
    @Args('version', { type: () => Int }, versionNumber) version: number,
    @Args('snapshotId', { type: () => ID }, snapshotIdPipe) snapshotId: string,
    @Args('reason', reasonText) reason: string,
  ) {
    return this.adaptive.rollBack(actor, modelId, version, snapshotId, reason);
  }

  @Roles(...ALL_ROLES)
  @Query(() => AdaptiveModelStatus, {
    description:
      'What an adaptive model version has learned, its guard, history, snapshots and staff override rates.',
  })
  adaptiveModelStatus(
    @UuidArg('modelId', { message: 'must be a model id (UUID)' }) modelId: string,
    @Args('version', { type: () => Int }, versionNumber) version: number,
  ) {
    return this.reader.status(modelId, version);
  }
}
