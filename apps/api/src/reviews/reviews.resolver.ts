import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES } from '../auth/roles';
import { AddCommentInput, addCommentSchema, StrategyDiffType, type AddComment } from './dto/review.types';
import { ReviewComment } from './review-comment.entity';
import { ReviewsService } from './reviews.service';
import { EXPENSIVE_FIELD_COST } from '../common/graphql/query-limits';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';

@Resolver(() => ReviewComment)
export class ReviewsResolver {
  constructor(private readonly reviewsService: ReviewsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [ReviewComment], {
    description:
      'Comments on a version (or one of its nodes), oldest first, including rejection and approval comments.',
  })
  comments(
    @UuidArg('versionId') versionId: string,
    @CheckedArg('nodeId', z.string().max(64).nullish(), { type: () => String, nullable: true })
    nodeId?: string | null,
  ) {
    return this.reviewsService.list(versionId, nodeId);
  }

  @Roles(...ALL_ROLES)
  @Query(() => StrategyDiffType, {
    description: 'Nodes and edges added, removed and changed between two versions of a strategy.',
    complexity: EXPENSIVE_FIELD_COST,
  })
  diff(@UuidArg('fromVersionId') fromVersionId: string, @UuidArg('toVersionId') toVersionId: string) {
    return this.reviewsService.diff(fromVersionId, toVersionId);
  }

  @Allowed(Permission.commentOnVersions)
  @Mutation(() => ReviewComment)
  addComment(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', addCommentSchema, { type: () => AddCommentInput }) input: AddComment,
  ) {
    return this.reviewsService.addComment(actor, input);
  }
}
