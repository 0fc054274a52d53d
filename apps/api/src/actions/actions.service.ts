import { Injectable } from '@nestjs/common';
import { toActionDefinition, type ActionDefinition } from '@arbiter/engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import {
  CatalogChanges,
  type CatalogChange,
  type CatalogChangePreview,
  type VersionImpact,
} from '../catalog-changes/catalog-changes';
import { recordHash } from '../audit/record-hash';
import { isUniqueViolation } from '../common/database-errors';
import { conflict, notFound, validationFailed, type ErrorDetail } from '../common/errors';
import { isStringKey, keysetPage, type Connection, type Page } from '../common/graphql/pagination';
import type { Action } from './action.entity';
import { ActionsRepository, type ActionValues } from './actions.repository';
import type { ActionFilter, CreateAction, ImportActions, UpdateAction } from './dto/action.inputs';
import type { ActionCatalogSummary } from './dto/action-catalog-summary.type';

/** The row a new action is written as. */
function actionValues(input: CreateAction): ActionValues {
  return {
    id: input.id,
    name: input.name,
    group: input.group ?? null,
    channel: input.channel ?? null,
    value: input.value ?? null,
    cost: input.cost ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    tags: input.tags ?? [],
    attributes: (input.attributes ?? {}) as Record<string, unknown>,
  };
}

/** The columns an update sets: the fields sent (null clears; cleared tags and attributes are empty). */
function updatedValues(input: UpdateAction): Partial<ActionValues> {
  const { expectedRevision: _revision, ...changes } = input;
  return Object.fromEntries(
    Object.entries(changes)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [
        k,
        v === null && (k === 'tags' || k === 'attributes') ? (k === 'tags' ? [] : {}) : v,
      ]),
  );
}

@Injectable()
export class ActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: ActionsRepository,
    private readonly changes: CatalogChanges,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateAction): Promise<Action> {
    const taken = () =>
      conflict(`An action with the id "${input.id}" exists already; choose another id.`, {
        field: 'input.id',
      });
    if (await this.actions.findById(input.id)) throw taken();
    return this.dataSource
      .transaction((em) => this.createWithin(em, actor, input))
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? taken() : error;
      });
  }

  /** Adds a new action inside a caller's transaction (e.g. an import that also creates a strategy). */
  async createWithin(em: EntityManager, actor: Actor, input: CreateAction): Promise<Action> {
    const action = await this.actions.insert(em, actionValues(input));
    await this.changes.applied(em, {
      kind: 'action',
      id: action.id,
      before: null,
      after: toActionDefinition(action),
    });
    await this.audit.append(em, actor, {
      action: 'action.create',
      entityType: 'action',
      entityId: action.id,
      afterHash: recordHash(toActionDefinition(action)),
    });
    return action;
  }

  /**
   * Creates and updates many actions at once (a CSV import): all or nothing, in one transaction, with
   * one look at the strategy versions for all the edits, and the audit entries appended together.
   */
  async importAll(
    actor: Actor,
    input: ImportActions,
  ): Promise<{ created: number; updated: number; impacts: VersionImpact[] }> {
    const where = new Map<string, string>();
    const duplicates: ErrorDetail[] = [];
    const note = (id: string, field: string) => {
      const first = where.get(id);
      if (first) duplicates.push({ field: `${field}.id`, message: `"${id}" is in ${first} already` });
      else where.set(id, field);
    };
    input.create.forEach((a, i) => note(a.id, `input.create[${i}]`));
    input.update.forEach((a, i) => note(a.id, `input.update[${i}]`));
    if (duplicates.length)
      throw validationFailed(duplicates, 'The import lists an action twice; nothing was changed.');
    return this.dataSource.transaction(async (em) => {
      const existing = new Map((await this.actions.findByIds([...where.keys()], em)).map((a) => [a.id, a]));
      const refused: ErrorDetail[] = [];
      input.create.forEach((a, i) => {
        if (existing.has(a.id))
          refused.push({
            field: `input.create[${i}].id`,
            message: `an action with the id "${a.id}" exists already`,
          });
      });
      input.update.forEach((a, i) => {
        const current = existing.get(a.id);
        if (!current)
          refused.push({
            field: `input.update[${i}].id`,
            message: `no action has the id "${a.id}" (deleted meanwhile?)`,
          });
        else if (current.revision !== a.expectedRevision)
          refused.push({
            field: `input.update[${i}].expectedRevision`,
            message: `"${a.id}" was changed by someone else (revision ${current.revision}, the file was read at ${a.expectedRevision})`,
          });
      });
      if (refused.length)
        throw conflict(
          `${refused.length === 1 ? 'One action' : `${refused.length} actions`} of the import cannot be written, so nothing was changed: read the catalog again and import the file again.`,
          { details: refused },
        );
      const created = await this.actions.insertAll(em, input.create.map(actionValues));
      const actionChanges: Extract<CatalogChange, { kind: 'action' }>[] = created.map((a) => ({
        kind: 'action',
        id: a.id,
        before: null,
        after: toActionDefinition(a),
      }));
      for (const { id, ...update } of input.update) {
        const before = existing.get(id)!;
        const after = await this.actions.update(em, id, update.expectedRevision, updatedValues(update));
        if (!after) throw this.staleRevision(before, update.expectedRevision);
        actionChanges.push({
          kind: 'action',
          id,
          before: toActionDefinition(before),
          after: toActionDefinition(after),
        });
      }
      const impacts = await this.changes.applied(em, actionChanges);
      await this.audit.appendAll(
        em,
        actor,
        actionChanges.map((c) => ({
          action: c.before ? 'action.update' : 'action.create',
          entityType: 'action',
          entityId: c.id,
          beforeHash: c.before && recordHash(c.before),
          afterHash: recordHash(c.after),
        })),
      );
      return { created: created.length, updated: input.update.length, impacts };
    });
  }

  /** The actions with these ids that exist, read in the caller's transaction. */
  existing(em: EntityManager, ids: readonly string[]): Promise<Action[]> {
    return this.actions.findByIds(ids, em);
  }

  async update(actor: Actor, id: string, input: UpdateAction): Promise<Action> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.actions.findById(id, em);
      if (!before) throw notFound('Action', id);
      const { expectedRevision } = input;
      const after = await this.actions.update(em, id, expectedRevision, updatedValues(input));
      if (!after) throw this.staleRevision(before, expectedRevision);
      await this.changes.applied(em, {
        kind: 'action',
        id,
        before: toActionDefinition(before),
        after: toActionDefinition(after),
      });
      await this.audit.append(em, actor, {
        action: 'action.update',
        entityType: 'action',
        entityId: id,
        beforeHash: recordHash(toActionDefinition(before)),
        afterHash: recordHash(toActionDefinition(after)),
      });
      return after;
    });
  }

  async delete(actor: Actor, id: string, expectedRevision: number): Promise<Action> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.actions.findById(id, em);
      if (!before) throw notFound('Action', id);
      if (!(await this.actions.delete(em, id, expectedRevision)))
        throw this.staleRevision(before, expectedRevision);
      await this.changes.applied(em, { kind: 'action', id, before: toActionDefinition(before), after: null });
      await this.audit.append(em, actor, {
        action: 'action.delete',
        entityType: 'action',
        entityId: id,
        beforeHash: recordHash(toActionDefinition(before)),
      });
      return before;
    });
  }

  /**
   * What saving this action (a new one, or the whole of an existing one) — or, with `remove`,
   * deleting it — would do to strategy versions, before saving; changes nothing.
   */
  async previewChange(input: CreateAction, remove: boolean): Promise<CatalogChangePreview> {
    const before = await this.actions.findById(input.id);
    if (remove && !before) throw notFound('Action', input.id);
    const after = remove ? null : toActionDefinition(actionValues(input));
    return this.changes.preview(this.dataSource.manager, {
      kind: 'action',
      id: input.id,
      before: before && toActionDefinition(before),
      after,
    });
  }

  get(id: string): Promise<Action | null> {
    return this.actions.findById(id);
  }

  list(filter: ActionFilter, page: Page): Promise<Connection<Action>> {
    return keysetPage(
      page,
      isStringKey,
      (limit, after) => this.actions.page(filter, limit, after),
      (a) => a.id,
    );
  }

  async summary(filter: ActionFilter): Promise<ActionCatalogSummary> {
    const facts = await this.actions.facts();
    const filtered = !!(filter.group || filter.channel || filter.search);
    return { ...facts, matching: filtered ? await this.actions.count(filter) : facts.total };
  }

  /** The catalog as the engine's environment needs it. */
  async definitions(em?: EntityManager): Promise<ActionDefinition[]> {
    return (await this.actions.all(em)).map(toActionDefinition);
  }

  private staleRevision(current: Action, expectedRevision: number) {
    return conflict(
      `Action "${current.id}" was changed by someone else (revision ${current.revision}, you sent ${expectedRevision}); reload it and apply your change again.`,
      {
        currentRevision: current.revision,
      },
    );
  }
}
