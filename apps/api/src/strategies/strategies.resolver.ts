import { Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES, Role } from '../auth/roles';
import { notFound } from '../common/errors';
import { connectionType, type Page, PageArg } from '../common/graphql/pagination';
import { requestLoader } from '../common/graphql/request-loader';
import { CreateStrategyInput, createStrategySchema, type CreateStrategy } from './dto/strategy.types';
import { StrategiesService } from './strategies.service';
import { Strategy } from './strategy.entity';
import { StrategyVersion } from './strategy-version.entity';
import { VersionsService } from './versions.service';
import { CheckedArg, UuidArg, SwitchArg } from '../common/graphql/checked-args';

const StrategyConnection = connectionType(Strategy, 'Strategy');

@Resolver(() => Strategy)
export class StrategiesResolver {
  constructor(
    private readonly strategiesService: StrategiesService,
    private readonly versionsService: VersionsService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => StrategyConnection, { description: 'Strategies by name.' })
  strategies(@PageArg() page: Page, @SwitchArg('includeArchived') includeArchived = false) {
    return this.strategiesService.list(page, includeArchived);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Strategy)
  async strategy(@UuidArg('id') id: string) {
    return (await this.strategiesService.get(id)) ?? Promise.reject(notFound('Strategy', id));
  }

  @Allowed(Permission.createStrategy)
  @Mutation(() => Strategy, { description: 'Creates a strategy with version 1 as a DRAFT.' })
  createStrategy(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', createStrategySchema, { type: () => CreateStrategyInput })
    input: CreateStrategy,
  ) {
    return this.strategiesService.create(actor, input);
  }

  @Roles(Role.designer)
  @Mutation(() => Strategy, {
    description: 'Hides a strategy without a PUBLISHED version; nothing is deleted.',
  })
  archiveStrategy(@CurrentActor() actor: Actor, @UuidArg('id') id: string) {
    return this.strategiesService.archive(actor, id);
  }

  // Both fields are batched over the strategies of one request (one query for a whole list page),
  // and read the documents only when the query asks for them.
  @ResolveField(() => [StrategyVersion], { description: 'Newest first.' })
  async versions(@Parent() strategy: Strategy, @Context() context: object, @Info() info: GraphQLResolveInfo) {
    return (await this.versionsOf(context, info, false).load(strategy.id)) ?? [];
  }

  @ResolveField(() => StrategyVersion, {
    nullable: true,
    description: 'The version that answers decisions, if any.',
  })
  async publishedVersion(
    @Parent() strategy: Strategy,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ) {
    return (await this.versionsOf(context, info, true).load(strategy.id))?.[0] ?? null;
  }

  private versionsOf(context: object, info: GraphQLResolveInfo, publishedOnly: boolean) {
    const withContent = info.fieldNodes.some((node) =>
      node.selectionSet?.selections.some(
        (s) => s.kind !== Kind.FIELD || s.name.value === 'document' || s.name.value === 'environment',
      ),
    );
    const name = `strategy-versions:${publishedOnly ? 'published' : 'all'}:${withContent ? 'full' : 'light'}`;
    return requestLoader<StrategyVersion[]>(context, name, (ids) =>
      this.versionsService.byStrategies(ids, { withContent, publishedOnly }),
    );
  }
}
