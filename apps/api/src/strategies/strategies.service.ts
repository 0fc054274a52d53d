import { Injectable } from '@nestjs/common';
import { SCHEMA_VERSION } from '@arbiter/engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { recordHash } from '../audit/record-hash';
import { isUniqueViolation } from '../common/database-errors';
import { conflict, invalidState, notFound } from '../common/errors';
import { isStringKey, keysetPage, type Connection, type Page } from '../common/graphql/pagination';
import type { CreateStrategy } from './dto/strategy.types';
import { StrategiesRepository } from './strategies.repository';
import { StrategyEnvironmentService } from './strategy-environment.service';
import type { Strategy } from './strategy.entity';
import { VersionsRepository } from './versions.repository';

/** The first draft of a new strategy when none is given: every action, straight to the output. */
export function starterDocument(name: string) {
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    nodes: [
      { id: 'candidates', type: 'actions', label: 'All actions', position: { x: 0, y: 0 }, config: {} },
      { id: 'output', type: 'output', label: 'Recommendations', position: { x: 300, y: 0 }, config: {} },
    ],
    edges: [{ source: 'candidates', target: 'output' }],
  };
}

const auditView = (s: Strategy) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  archived: s.archivedAt !== null,
});

@Injectable()
export class StrategiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly strategies: StrategiesRepository,
    private readonly versions: VersionsRepository,
    private readonly environment: StrategyEnvironmentService,
    private readonly audit: AuditService,
  ) {}

  /** Creates the strategy and its version 1 as a DRAFT. */
  async create(actor: Actor, input: CreateStrategy): Promise<Strategy> {
    return this.dataSource.transaction(async (em) => (await this.createWithin(em, actor, input)).strategy);
  }

  /** create, inside a caller's transaction (e.g. an import that also adds actions); returns the draft too. */
  async createWithin(
    em: EntityManager,
    actor: Actor,
    input: CreateStrategy,
  ): Promise<{ strategy: Strategy; versionId: string }> {
    const taken = () =>
      conflict(`A strategy named "${input.name}" exists already; choose another name.`, {
        field: 'input.name',
      });
    const document = input.document ?? starterDocument(input.name);
    try {
      const strategy = await this.strategies.insert(em, {
        name: input.name,
        description: input.description ?? null,
        createdBy: actor.id,
      });
      const version = await this.versions.insert(em, {
        strategyId: strategy.id,
        number: 1,
        ...(await this.environment.pinned(document, em)),
        createdBy: actor.id,
        basedOnVersionId: null,
      });
      await this.audit.append(em, actor, {
        action: 'strategy.create',
        entityType: 'strategy',
        entityId: strategy.id,
        afterHash: recordHash(auditView(strategy)),
      });
      await this.audit.append(em, actor, {
        action: 'version.create',
        entityType: 'version',
        entityId: version.id,
        afterHash: version.contentHash,
        comment: `version 1 of ${strategy.name}`,
      });
      return { strategy, versionId: version.id };
    } catch (error: unknown) {
      throw isUniqueViolation(error, 'strategies_name_key') ? taken() : error;
    }
  }

  /** Archived strategies get no new drafts and are hidden from lists; nothing is deleted. */
  async archive(actor: Actor, id: string): Promise<Strategy> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.strategies.lockById(em, id);
      if (!before) throw notFound('Strategy', id);
      if (before.archivedAt) throw invalidState(`Strategy "${before.name}" is archived already.`, []);
      const published = await this.versions.published(id, em);
      if (published)
        throw invalidState(
          `Strategy "${before.name}" has a PUBLISHED version (${published.number}); retire it first.`,
          ['retireVersion'],
        );
      const after = await this.strategies.archive(em, id);
      await this.audit.append(em, actor, {
        action: 'strategy.archive',
        entityType: 'strategy',
        entityId: id,
        beforeHash: recordHash(auditView(before)),
        afterHash: recordHash(auditView(after)),
      });
      return after;
    });
  }

  get(id: string): Promise<Strategy | null> {
    return this.strategies.findById(id);
  }

  /** By name, whatever the case; null when there is none. */
  byName(name: string): Promise<Strategy | null> {
    return this.strategies.findByName(name);
  }

  /** Id → strategy of the strategies among `ids` (archived ones too), in one query. */
  byIds(ids: readonly string[]): Promise<Map<string, Strategy>> {
    return this.strategies.byIds(ids);
  }

  list(page: Page, includeArchived: boolean): Promise<Connection<Strategy>> {
    return keysetPage(
      page,
      isStringKey,
      (limit, after) => this.strategies.page(limit, includeArchived, after),
      (s) => s.name.toLowerCase(),
    );
  }
}
