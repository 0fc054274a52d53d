import { Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES } from '../auth/roles';
import { notFound } from '../common/errors';
import { connectionType, type Page, PageArg } from '../common/graphql/pagination';
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
  type ActionFilter,
  type CreateAction,
  type ImportActions,
  type UpdateAction,
} from './dto/action.inputs';
import { CheckedArg, FilterArg, SwitchArg } from '../common/graphql/checked-args';

const ActionConnection = connectionType(Action, 'Action');

@Resolver(() => Action)
export class ActionsResolver {
  constructor(private readonly actionsService: ActionsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => ActionConnection, { description: 'The action catalog, by id.' })
  actions(
    @FilterArg(actionFilterSchema, () => ActionFilterInput) filter: ActionFilter,
    @PageArg() page: Page,
  ) {
    return this.actionsService.list(filter, page);
  }

  @Roles(...ALL_ROLES)
  @Query(() => ActionCatalogSummary, {
    description:
      'Sizes, groups and channels of the catalog and when it last changed; `matching` counts `filter`.',
  })
  actionCatalogSummary(@FilterArg(actionFilterSchema, () => ActionFilterInput) filter: ActionFilter) {
    return this.actionsService.summary(filter);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Action)
  async action(@CheckedArg('id', actionIdSchema) id: string) {
    return (await this.actionsService.get(id)) ?? Promise.reject(notFound('Action', id));
  }

  @Allowed(Permission.editCatalog)
  @Query(() => CatalogChangeImpactType, {
    description:
      'What saving this action (created, or the whole of an existing one) — or, with remove: true, deleting it — would do to each strategy version that reads it, and whether it would be refused. Changes nothing.',
  })
  catalogChangeImpact(
    @CheckedArg('action', createActionSchema, { type: () => CreateActionInput })
    action: CreateAction,
    @SwitchArg('remove') remove: boolean,
  ) {
    return this.actionsService.previewChange(action, remove);
  }

  @Allowed(Permission.editCatalog)
  @Mutation(() => Action)
  createAction(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', createActionSchema, { type: () => CreateActionInput })
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
    @CheckedArg('input', importActionsSchema, { type: () => ImportActionsInput })
    input: ImportActions,
  ) {
    return this.actionsService.importAll(actor, input);
  }

  @Allowed(Permission.editCatalog)
  @Mutation(() => Action)
  updateAction(
    @CurrentActor() actor: Actor,
    @CheckedArg('id', actionIdSchema) id: string,
    @CheckedArg('input', updateActionSchema, { type: () => UpdateActionInput })
    input: UpdateAction,
  ) {
    return this.actionsService.update(actor, id, input);
  }

  @Allowed(Permission.editCatalog)
  @Mutation(() => Action, { description: 'Removes an action from the catalog; returns it as it was.' })
  deleteAction(
    @CurrentActor() actor: Actor,
    @CheckedArg('id', actionIdSchema) id: string,
    @CheckedArg('expectedRevision', z.number().int().min(1, 'must be at least 1'), { type: () => Int })
    expectedRevision: number,
  ) {
    return this.actionsService.delete(actor, id, expectedRevision);
  }
}
