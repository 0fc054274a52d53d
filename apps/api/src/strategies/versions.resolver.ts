import { Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES, Role } from '../auth/roles';
import { validationFailed } from '../common/errors';
import {
  approveCommentSchema,
  rejectSchema,
  rollbackReasonSchema,
  revisionSchema,
  SaveDraftInput,
  SaveDraftPayload,
  saveDraftSchema,
  StrategyProblem,
  TestDecisionInput,
  TestDecisionResult,
  testDecisionSchema,
  VersionValidation,
  type SaveDraft,
  type TestDecision,
} from './dto/strategy.types';
import { LifecycleService } from './lifecycle.service';
import { problemDetails } from './strategy-environment.service';
import { StrategyVersion } from './strategy-version.entity';
import { VersionsService, type SavedDraft } from './versions.service';
import { EXPENSIVE_FIELD_COST } from '../common/graphql/query-limits';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';

@Resolver(() => StrategyVersion)
export class VersionsResolver {
  constructor(
    private readonly versionsService: VersionsService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => StrategyVersion)
  version(@UuidArg('id') id: string) {
    return this.versionsService.get(id);
  }

  @Roles(...ALL_ROLES)
  @Query(() => VersionValidation, {
    description: "Every problem the engine finds in the version's document.",
    complexity: EXPENSIVE_FIELD_COST,
  })
  validateVersion(@UuidArg('versionId') id: string) {
    return this.versionsService.validate(id);
  }

  @Roles(Role.designer, Role.analyst, Role.reviewer, Role.publisher)
  @Query(() => TestDecisionResult, {
    description: 'Runs the engine for one input with the full trace. Writes nothing.',
    complexity: EXPENSIVE_FIELD_COST,
  })
  testDecision(
    @CheckedArg('input', testDecisionSchema, { type: () => TestDecisionInput })
    input: TestDecision,
  ) {
    return this.versionsService.testDecision(input);
  }

  @Allowed(Permission.editDrafts)
  @Mutation(() => SaveDraftPayload, {
    description:
      'Saves a DRAFT (optimistic locking). Invalid content is saved too; see SaveDraftPayload.problems.',
  })
  saveDraft(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', saveDraftSchema, { type: () => SaveDraftInput }) input: SaveDraft,
  ) {
    return this.versionsService.saveDraft(actor, input);
  }

  @Allowed(Permission.editDrafts)
  @Mutation(() => StrategyVersion, {
    description: 'A new DRAFT with the content of any version of the strategy.',
  })
  cloneVersion(@CurrentActor() actor: Actor, @UuidArg('versionId') id: string) {
    return this.versionsService.clone(actor, id);
  }

  @Allowed(Permission.editDrafts)
  @Mutation(() => StrategyVersion, {
    description: 'DRAFT → IN_REVIEW. The engine must find no errors; the content is frozen from now on.',
  })
  submitVersion(
    @CurrentActor() actor: Actor,
    @UuidArg('versionId') id: string,
    @CheckedArg('expectedRevision', revisionSchema.nullish(), { type: () => Int, nullable: true })
    expectedRevision?: number | null,
  ) {
    return this.lifecycle.submit(actor, id, expectedRevision);
  }

  @Allowed(Permission.reviewVersions)
  @Mutation(() => StrategyVersion, {
    description:
      'IN_REVIEW → APPROVED. Not by its author or editors; needs a COMPLETED simulation of its content hash, and a justification when its fairness check fails.',
  })
  approveVersion(
    @CurrentActor() actor: Actor,
    @UuidArg('versionId') id: string,
    @CheckedArg('comment', approveCommentSchema, { type: () => String, nullable: true })
    comment?: string | null,
    @CheckedArg('justification', approveCommentSchema, {
      type: () => String,
      nullable: true,
      description:
        'Why approving is justified although the fairness check of the simulation evidence failed; required then (VALIDATION_FAILED naming it), kept as a review comment and in the audit log.',
    })
    justification?: string | null,
  ) {
    return this.lifecycle.approve(actor, id, comment, justification);
  }

  @Allowed(Permission.reviewVersions)
  @Mutation(() => StrategyVersion, { description: 'IN_REVIEW → DRAFT, with the reason as a review comment.' })
  rejectVersion(
    @CurrentActor() actor: Actor,
    @UuidArg('versionId') id: string,
    @CheckedArg('comment', rejectSchema) comment: string,
  ) {
    return this.lifecycle.reject(actor, id, comment);
  }

  @Allowed(Permission.publishVersions)
  @Mutation(() => StrategyVersion, {
    description:
      'APPROVED → PUBLISHED; the previously published version becomes RETIRED in the same transaction.',
  })
  publishVersion(@CurrentActor() actor: Actor, @UuidArg('versionId') id: string) {
    return this.lifecycle.publish(actor, id);
  }

  @Allowed(Permission.publishVersions)
  @Mutation(() => StrategyVersion, {
    description:
      'Re-publishes an earlier APPROVED or RETIRED version, with the reason (kept in the audit log); the current one becomes RETIRED. Each version keeps the time it was first published.',
  })
  rollbackStrategy(
    @CurrentActor() actor: Actor,
    @UuidArg('strategyId') strategyId: string,
    @UuidArg('toVersionId') toVersionId: string,
    @CheckedArg('reason', rollbackReasonSchema) reason: string,
  ) {
    return this.lifecycle.rollback(actor, strategyId, toVersionId, reason);
  }

  @Allowed(Permission.publishVersions)
  @Mutation(() => StrategyVersion, {
    description: 'PUBLISHED → RETIRED: the strategy stops answering decisions.',
  })
  retireVersion(@CurrentActor() actor: Actor, @UuidArg('versionId') id: string) {
    return this.lifecycle.retire(actor, id);
  }
}

@Resolver(() => SaveDraftPayload)
export class SaveDraftPayloadResolver {
  @ResolveField(() => [StrategyProblem], {
    nullable: true,
    description:
      'The warnings; when the engine found errors, this field is null and the response carries VALIDATION_FAILED with every problem in extensions.details.',
  })
  problems(@Parent() payload: SavedDraft) {
    if (!payload.valid)
      throw validationFailed(
        problemDetails(payload.allProblems),
        'The draft was saved, but the engine found problems; fix them before submitting.',
      );
    return payload.allProblems;
  }
}
