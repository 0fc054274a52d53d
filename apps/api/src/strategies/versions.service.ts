import { Injectable } from '@nestjs/common';
import {
  compileCached,
  StrategyValidationError,
  validateDecisionInput,
  validateStrategy,
  type ValidationProblem,
} from '@arbiter/engine';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { conflict, invalidState, notFound, validationFailed } from '../common/errors';
import type { SaveDraft, TestDecision } from './dto/strategy.types';
import { assertAllowed } from './lifecycle';
import { StrategiesRepository } from './strategies.repository';
import {
  pinnedContent,
  problemDetails,
  StrategyEnvironmentService,
  versionProblems,
} from './strategy-environment.service';
import type { StrategyVersion } from './strategy-version.entity';
import { VersionStatus } from './version-status';
import { VersionsRepository } from './versions.repository';

export interface SavedDraft {
  version: StrategyVersion;
  valid: boolean;
  allProblems: ValidationProblem[];
}

/** Drafts: clone, save with optimistic locking, validate, and try a decision with trace. */
@Injectable()
export class VersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly strategies: StrategiesRepository,
    private readonly environment: StrategyEnvironmentService,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<StrategyVersion> {
    return (await this.versions.findById(id)) ?? Promise.reject(notFound('Version', id));
  }

  /** Id → version of the versions among `ids`, in one query (other features' lists link to versions). */
  byIds(ids: readonly string[]): Promise<Map<string, StrategyVersion>> {
    return this.versions.byIds(ids);
  }

  byStrategy(strategyId: string): Promise<StrategyVersion[]> {
    return this.versions.byStrategy(strategyId);
  }

  published(strategyId: string): Promise<StrategyVersion | null> {
    return this.versions.published(strategyId);
  }

  /** The versions of many strategies in one query (see VersionsRepository.byStrategies). */
  byStrategies(
    strategyIds: readonly string[],
    options: { withContent: boolean; publishedOnly?: boolean },
  ): Promise<Map<string, StrategyVersion[]>> {
    return this.versions.byStrategies(strategyIds, options);
  }

  /** Every PUBLISHED version (retention reads their contact-policy windows). */
  allPublished(): Promise<StrategyVersion[]> {
    return this.versions.allPublished();
  }

  /**
   * A new DRAFT with the content of any version, numbered after the newest. The content's authors
   * come along as editors: whoever wrote or edited the source may not approve it in a clone either.
   * With `change`, the draft starts from a changed document instead (e.g. an experiment's winner).
   */
  async clone(
    actor: Actor,
    sourceId: string,
    change?: { document: unknown; comment: string },
  ): Promise<StrategyVersion> {
    return this.dataSource.transaction(async (em) => {
      const source = await this.versions.findById(sourceId, em);
      if (!source) throw notFound('Version', sourceId);
      const strategy = await this.strategies.lockById(em, source.strategyId);
      if (!strategy) throw notFound('Strategy', source.strategyId);
      if (strategy.archivedAt)
        throw invalidState(`Strategy "${strategy.name}" is archived: it gets no new drafts.`, []);
      const number = await this.versions.nextNumber(em, strategy.id);
      const version = await this.versions.insert(
        em,
        {
          strategyId: strategy.id,
          number,
          ...(await this.environment.pinned(change?.document ?? source.document, em)),
          createdBy: actor.id,
          basedOnVersionId: source.id,
        },
        [source.createdBy, ...source.editors],
      );
      await this.audit.append(em, actor, {
        action: 'version.create',
        entityType: 'version',
        entityId: version.id,
        beforeHash: source.contentHash,
        afterHash: version.contentHash,
        comment: `version ${number} cloned from version ${source.number}${change ? `: ${change.comment}` : ''}`,
      });
      return version;
    });
  }

  /**
   * Saves a DRAFT's document if nobody saved since `expectedRevision` (CONFLICT otherwise, and
   * nothing is written). The engine's problems come back with the saved draft: an invalid draft is
   * still saved, so no work is lost; it just cannot be submitted.
   */
  async saveDraft(actor: Actor, input: SaveDraft): Promise<SavedDraft> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.versions.lockById(em, input.versionId);
      if (!current) throw notFound('Version', input.versionId);
      assertAllowed(current, 'saveDraft');
      const stale = () =>
        conflict(
          `Version ${current.number} was saved by someone else since revision ${input.expectedRevision} (now ${current.revision}); nothing was overwritten. Reload it, merge your change and save again.`,
          { currentRevision: current.revision },
        );
      if (current.revision !== input.expectedRevision) throw stale();
      const content = await this.environment.pinned(input.document, em);
      const hash = content.contentHash;
      const saved = await this.versions.saveDocument(
        em,
        current.id,
        input.expectedRevision,
        content,
        actor.id,
      );
      if (!saved) throw stale();
      const problems = await this.environment.validate(saved.document, em);
      await this.audit.append(em, actor, {
        action: 'version.save',
        entityType: 'version',
        entityId: saved.id,
        beforeHash: current.contentHash,
        afterHash: hash,
        comment: `revision ${saved.revision}`,
      });
      return { version: saved, valid: !problems.some((p) => p.severity === 'error'), allProblems: problems };
    });
  }

  async validate(id: string): Promise<{ valid: boolean; problems: ValidationProblem[] }> {
    const version = await this.get(id);
    const problems = versionProblems(
      version,
      validateStrategy(version.document, await this.environment.forVersion(version)).problems,
    );
    return { valid: !problems.some((p) => p.severity === 'error'), problems };
  }

  /** Runs the engine on one input with the full trace. Writes nothing. */
  async testDecision(input: TestDecision) {
    const version = await this.get(input.versionId);
    const env = await this.environment.forTest(version);
    const validation = validateStrategy(version.document, env);
    const problems = versionProblems(version, validation.problems);
    if (problems.some((p) => p.severity === 'error') || !validation.document) {
      throw validationFailed(
        problemDetails(problems),
        `Version ${version.number} has problems; fix them before testing a decision.`,
      );
    }
    const inputProblems = validateDecisionInput(input.input, env.schema);
    if (inputProblems.length) {
      throw validationFailed(
        inputProblems.map((p) => ({
          field: p.field ? `input.input.${p.field}` : 'input.input',
          message: p.message,
        })),
      );
    }
    try {
      const compiled = compileCached(validation.document, env, this.environment.compileOptions(version));
      const result = compiled.decide(input.input, {
        trace: true,
        ...(input.limit ? { limit: input.limit } : {}),
      });
      // The content this trace comes from: a draft's as it stands against the live catalog now.
      const hash =
        version.status === VersionStatus.DRAFT
          ? pinnedContent(version.document, env).contentHash
          : version.contentHash;
      return { contentHash: hash, recommendations: result.recommendations, trace: result.trace ?? null };
    } catch (error) {
      if (error instanceof StrategyValidationError) throw validationFailed(problemDetails(error.problems));
      throw error;
    }
  }
}
