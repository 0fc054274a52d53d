import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES } from '../auth/roles';
import { notFound } from '../common/errors';
import { connectionType, DEFAULT_PAGE_SIZE, type Page, PageArg } from '../common/graphql/pagination';
import { ZodPipe } from '../common/validation';
import { CatalogChangeImpactType } from '../catalog-changes/dto/catalog-change-impact.types';
import { Action } from './action.entity';
import { ActionsService } from './actions.service';
import { ActionCatalogSummary } from './dto/action-catalog-summary.type';
import { ActionImportType } from './dto/action-import.type';
import {
  ActionFilterInput,
  actionFilterSchema,
  actionIdSchema,
  CreateActionInput,
  createActionSchema,
  ImportActionsInput,
  importActionsSchema,
  UpdateActionInput,
  updateActionSchema,
  type CreateAction,
  type ImportActions,
  type UpdateAction,
} from './dto/action.inputs';

const ActionConnection = connectionType(Action, 'Action');

@Resolver(() => Action)
export class ActionsResolver {
  constructor(private readonly actionsService: ActionsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => ActionConnection, { description: 'The action catalog, by id.' })
  actions(
    @Args(
      'filter',
      { type: () => ActionFilterInput, nullable: true },
      new ZodPipe(actionFilterSchema.optional(), 'filter'),
    )
    filter?: ActionFilterInput,
    @PageArg()
    page?: Page,
  ) {
    return this.actionsService.list(filter ?? {}, page ?? { first: DEFAULT_PAGE_SIZE });
  }

  @Roles(...ALL_ROLES)
  @Query(() => ActionCatalogSummary, {
    description:
      'Sizes, groups and channels of the catalog and when it last changed; `matching` counts `filter`.',
  })
  actionCatalogSummary(
    @Args(
      'filter',
      { type: () => ActionFilterInput, nullable: true },
      new ZodPipe(actionFilterSchema.optional(), 'filter'),
    )
    filter?: ActionFilterInput,
  ) {
    return this.actionsService.summary(filter ?? {});
  }

  @Roles(...ALL_ROLES)
  @Query(() => Action)
  async action(@Args('id', new ZodPipe(actionIdSchema, 'id')) id: string) {
    return (await this.actionsService.get(id)) ?? Promise.reject(notFound('Action', id));
  }

  @Allowed(Permission.editCatalog)
  @Query(() => CatalogChangeImpactType, {
    description:
      'What saving this action (created, or the whole of an existing one) — or, with remove: true, deleting it — would do to each strategy version that reads it, and whether it would be refused. Changes nothing.',
  })
  catalogChangeImpact(
    @Args('action', { type: () => CreateActionInput }, new ZodPipe(createActionSchema, 'action'))
    action: CreateAction,
    @Args('remove', { type: () => Boolean, defaultValue: false }, new ZodPipe(z.boolean(), 'remove'))
    remove: boolean,
  ) {
    return this.actionsService.previewChange(action, remove);
  }

  @Allowed(Permission.editCatalog)
  @Mutation(() => Action)
  createAction(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => CreateActionInput }, new ZodPipe(createActionSchema, 'input'))
    input: CreateAction,
  ) {
    return this.actionsService.create(actor, input);
  }

  @Allowed(Permission.editCatalog)
  @Mutation(() => ActionImportType, {
    description:
      'Creates and updates many actions (a CSV import) in one transaction: all of them, or none with every problem listed.',
  })
  importActions(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => ImportActionsInput }, new ZodPipe(importActionsSchema, 'input'))
    input: ImportActions,
  ) {
    return this.actionsService.importAll(actor, input);
  }

  @Allowed(Permission.editCatalog)
  @Mutation(() => Action)
  updateAction(
    @CurrentActor() actor: Actor,
    @Args('id', new ZodPipe(actionIdSchema, 'id')) id: string,
    @Args('input', { type: () => UpdateActionInput }, new ZodPipe(updateActionSchema, 'input'))
    input: UpdateAction,
  ) {
    return this.actionsService.update(actor, id, input);
  }

  @Allowed(Permission.editCatalog)
  @Mutation(() => Action, { description: 'Removes an action from the catalog; returns it as it was.' })
  deleteAction(
    @CurrentActor() actor: Actor,
    @Args('id', new ZodPipe(actionIdSchema, 'id')) id: string,
    @Args(
      'expectedRevision',
      { type: () => Int },
      new ZodPipe(z.number().int().min(1, 'must be at least 1'), 'expectedRevision'),
    )
    expectedRevision: number,
  ) {
    return this.actionsService.delete(actor, id, expectedRevision);
  }
}
