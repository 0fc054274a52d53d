import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { ALL_ROLES, Role } from '../auth/roles';
import { notFound } from '../common/errors';
import {
  connectionType,
  DEFAULT_PAGE_SIZE,
  PageArgs,
  pageSchema,
  type Page,
} from '../common/graphql/pagination';
import { ZodPipe } from '../common/validation';
import {
  CreateStrategyInput,
  createStrategySchema,
  idSchema,
  type CreateStrategy,
} from './dto/strategy.types';
import { StrategiesService } from './strategies.service';
import { Strategy } from './strategy.entity';
import { StrategyVersion } from './strategy-version.entity';
import { VersionsService } from './versions.service';

const StrategyConnection = connectionType(Strategy, 'Strategy');

@Resolver(() => Strategy)
export class StrategiesResolver {
  constructor(
    private readonly strategiesService: StrategiesService,
    private readonly versionsService: VersionsService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => StrategyConnection, { description: 'Strategies by name.' })
  strategies(
    @Args('page', { type: () => PageArgs, nullable: true }, new ZodPipe(pageSchema.optional(), 'page'))
    page?: Page,
    @Args(
      'includeArchived',
      { type: () => Boolean, defaultValue: false },
      new ZodPipe(z.boolean(), 'includeArchived'),
    )
    includeArchived = false,
  ) {
    return this.strategiesService.list(page ?? { first: DEFAULT_PAGE_SIZE }, includeArchived);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Strategy)
  async strategy(@Args('id', { type: () => ID }, new ZodPipe(idSchema, 'id')) id: string) {
    return (await this.strategiesService.get(id)) ?? Promise.reject(notFound('Strategy', id));
  }

  @Roles(Role.designer)
  @Mutation(() => Strategy, { description: 'Creates a strategy with version 1 as a DRAFT.' })
  createStrategy(
    @CurrentActor() actor: Actor,
    @Args('input', new ZodPipe(createStrategySchema, 'input')) input: CreateStrategyInput,
  ) {
    return this.strategiesService.create(actor, input as CreateStrategy);
  }

  @Roles(Role.designer)
  @Mutation(() => Strategy, {
    description: 'Hides a strategy without a PUBLISHED version; nothing is deleted.',
  })
  archiveStrategy(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, new ZodPipe(idSchema, 'id')) id: string,
  ) {
    return this.strategiesService.archive(actor, id);
  }

  @ResolveField(() => [StrategyVersion], { description: 'Newest first.' })
  versions(@Parent() strategy: Strategy) {
    return this.versionsService.byStrategy(strategy.id);
  }

  @ResolveField(() => StrategyVersion, {
    nullable: true,
    description: 'The version that answers decisions, if any.',
  })
  publishedVersion(@Parent() strategy: Strategy) {
    return this.versionsService.published(strategy.id);
  }
}
