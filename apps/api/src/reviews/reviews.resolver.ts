import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES } from '../auth/roles';
import { ZodPipe } from '../common/validation';
import { AddCommentInput, addCommentSchema, StrategyDiffType, type AddComment } from './dto/review.types';
import { ReviewComment } from './review-comment.entity';
import { ReviewsService } from './reviews.service';
import { EXPENSIVE_FIELD_COST } from '../common/graphql/query-limits';

const id = (name: string) => new ZodPipe(z.uuid('must be an id (UUID)'), name);

@Resolver(() => ReviewComment)
export class ReviewsResolver {
  constructor(private readonly reviewsService: ReviewsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [ReviewComment], {
    description:
      'Comments on a version (or one of its nodes), oldest first, including rejection and approval comments.',
  })
  comments(
    @Args('versionId', { type: () => ID }, id('versionId')) versionId: string,
    @Args(
      'nodeId',
      { type: () => String, nullable: true },
      new ZodPipe(z.string().max(64).nullish(), 'nodeId'),
    )
    nodeId?: string | null,
  ) {
    return this.reviewsService.list(versionId, nodeId);
  }

  @Roles(...ALL_ROLES)
  @Query(() => StrategyDiffType, {
    description: 'Nodes and edges added, removed and changed between two versions of a strategy.',
    complexity: EXPENSIVE_FIELD_COST,
  })
  diff(
    @Args('fromVersionId', { type: () => ID }, id('fromVersionId')) fromVersionId: string,
    @Args('toVersionId', { type: () => ID }, id('toVersionId')) toVersionId: string,
  ) {
    return this.reviewsService.diff(fromVersionId, toVersionId);
  }

  @Allowed(Permission.commentOnVersions)
  @Mutation(() => ReviewComment)
  addComment(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => AddCommentInput }, new ZodPipe(addCommentSchema, 'input')) input: AddComment,
  ) {
    return this.reviewsService.addComment(actor, input);
  }
}
