import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ReviewQueueService } from './review-queue.service';
import { StrategyVersion } from './strategy-version.entity';
import { Strategy } from './strategy.entity';

@ObjectType('ReviewQueueItem', {
  description: 'A version waiting for the signed-in reviewer, with its strategy.',
})
export class ReviewQueueItemType {
  @Field(() => Strategy)
  strategy: Strategy;

  @Field(() => StrategyVersion)
  version: StrategyVersion;
}

@Resolver(() => ReviewQueueItemType)
export class ReviewQueueResolver {
  constructor(private readonly queue: ReviewQueueService) {}

  @Allowed(Permission.reviewVersions)
  @Query(() => [ReviewQueueItemType], {
    description:
      'The versions waiting for you: in review, of strategies not archived, that you neither created nor edited (four eyes); longest waiting first.',
  })
  reviewQueue(@CurrentActor() actor: Actor) {
    return this.queue.queue(actor);
  }
}
