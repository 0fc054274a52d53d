import { Injectable } from '@nestjs/common';
import { validateStrategy } from '@arbiter/engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, conflict, invalidState, notFound, validationFailed } from '../common/errors';
import { assertAllowed, wroteVersion } from './lifecycle';
import { ApprovalEvidence, ReviewNotes } from './lifecycle-ports';
import { PublishedStrategyEvents } from './published-strategy-events';
import { StrategiesRepository } from './strategies.repository';
import { pinnedContent, problemDetails, StrategyEnvironmentService } from './strategy-environment.service';
import type { StrategyVersion } from './strategy-version.entity';
import { VersionStatus } from './version-status';
import { VersionsRepository } from './versions.repository';

/**
 * The version lifecycle of docs/governance.md and its rules: submit freezes valid content; four eyes
 * and simulation evidence for approval; exactly one PUBLISHED version per strategy, swapped
 * atomically. Every transition locks the version row, checks, changes and appends to the audit
 * log in one transaction.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly strategies: StrategiesRepository,
    private readonly environment: StrategyEnvironmentService,
    private readonly evidence: ApprovalEvidence,
    private readonly notes: ReviewNotes,
    private readonly audit: AuditService,
    private readonly publishedEvents: PublishedStrategyEvents,
  ) {}

  async submit(actor: Actor, versionId: string, expectedRevision?: number | null): Promise<StrategyVersion> {
    return this.dataSource.transaction(async (em) => {
      const version = await this.lock(em, versionId);
      assertAllowed(version, 'submitVersion');
      if (expectedRevision != null && expectedRevision !== version.revision) {
        throw conflict(
          `Version ${version.number} changed since revision ${expectedRevision} (now ${version.revision}); review the latest content before submitting.`,
          {
            currentRevision: version.revision,
          },
        );
      }
      const live = await this.environment.load(em, version.document);
      const validation = validateStrategy(version.document, live);
      if (!validation.valid) {
        throw validationFailed(
          problemDetails(validation.problems),
          `Version ${version.number} has problems and cannot be submitted; fix them first.`,
        );
      }
      // From here on the version keeps its own copy of what it reads (already current unless it predates copies).
      const content = pinnedContent(version.document, live);
      if (content.contentHash !== version.contentHash) await this.versions.repin(em, version.id, content);
      const after = await this.versions.transition(
        em,
        { ...version, ...content },
        { status: VersionStatus.IN_REVIEW, submittedBy: actor.id, submittedAt: new Date() },
      );
      await this.record(em, actor, 'version.submit', after);
      return after;
    });
  }

  /** A failed fairness check of the evidence needs a written `justification`, kept as a review comment and in the audit log. */
  async approve(
    actor: Actor,
    versionId: string,
    comment?: string | null,
    justification?: string | null,
  ): Promise<StrategyVersion> {
    return this.dataSource.transaction(async (em) => {
      const version = await this.lock(em, versionId);
      assertAllowed(version, 'approveVersion');
      if (wroteVersion(version, actor.id)) {
        throw new AppError(
          'FORBIDDEN',
          `Four eyes: you created or edited version ${version.number}, so someone else must approve it.`,
          { rule: 'FOUR_EYES' },
        );
      }
      const evidenceId = await this.evidence.latestSimulationId(version.contentHash, em);
      if (!evidenceId) {
        throw invalidState(
          `Version ${version.number} needs a COMPLETED simulation of exactly its content (hash ${version.contentHash.slice(0, 12)}…) before it can be approved; ask an analyst to run one.`,
          ['rejectVersion'],
        );
      }
      const unfair = await this.evidence.fairnessFindings(version.contentHash, em);
      if (unfair.length && !justification) {
        throw validationFailed(
          [
            {
              field: 'justification',
              message: `is required: the fairness check of its simulation evidence failed (${unfair[0]}); write why approving it is justified`,
            },
          ],
          `Version ${version.number} fails the fairness check: ${unfair[0]}. Approve it only with a written justification.`,
        );
      }
      const after = await this.versions.transition(em, version, {
        status: VersionStatus.APPROVED,
        approvedBy: actor.id,
        approvedAt: new Date(),
      });
      if (comment) await this.notes.approval(em, versionId, actor.id, comment);
      if (justification) await this.notes.justification(em, versionId, actor.id, justification);
      const fairness = unfair.length
        ? `fairness check failed (${unfair.join('; ')}); justification: ${justification}`
        : justification && `justification: ${justification}`;
      await this.record(
        em,
        actor,
        'version.approve',
        after,
        [comment, `evidence: simulation ${evidenceId}`, fairness].filter(Boolean).join(' — '),
      );
      return after;
    });
  }

  /** Back to DRAFT with the reviewer's comment, so the designer can fix it and submit again. */
  async reject(actor: Actor, versionId: string, comment: string): Promise<StrategyVersion> {
    return this.dataSource.transaction(async (em) => {
      const version = await this.lock(em, versionId);
      assertAllowed(version, 'rejectVersion');
      const after = await this.versions.transition(em, version, {
        status: VersionStatus.DRAFT,
        submittedBy: null,
        submittedAt: null,
      });
      await this.notes.rejection(em, versionId, actor.id, comment);
      await this.record(em, actor, 'version.reject', after, comment);
      return after;
    });
  }

  async publish(actor: Actor, versionId: string): Promise<StrategyVersion> {
    const published = await this.dataSource.transaction(async (em) => {
      const target = await this.lockWithStrategy(em, versionId);
      assertAllowed(target, 'publishVersion');
      return this.swapPublished(em, actor, target, 'version.publish');
    });
    return this.announce(published);
  }

  /** Re-publishes an earlier APPROVED or RETIRED version of the strategy; the reason goes into the audit log. */
  async rollback(
    actor: Actor,
    strategyId: string,
    toVersionId: string,
    reason: string,
  ): Promise<StrategyVersion> {
    const published = await this.dataSource.transaction(async (em) => {
      const target = await this.lockWithStrategy(em, toVersionId);
      if (target.strategyId !== strategyId) throw notFound(`Version of strategy ${strategyId}`, toVersionId);
      assertAllowed(target, 'rollbackStrategy');
      const current = await this.versions.published(strategyId, em);
      if (current && current.number < target.number) {
        throw invalidState(
          `Version ${target.number} is newer than the published version ${current.number}: that is a publish, not a rollback.`,
          ['publishVersion'],
        );
      }
      return this.swapPublished(em, actor, target, 'version.rollback', reason);
    });
    return this.announce(published);
  }

  /** Takes the PUBLISHED version out of service; the strategy then has no published version. */
  async retire(actor: Actor, versionId: string): Promise<StrategyVersion> {
    const retired = await this.dataSource.transaction(async (em) => {
      const version = await this.lockWithStrategy(em, versionId);
      assertAllowed(version, 'retireVersion');
      const after = await this.versions.transition(em, version, {
        status: VersionStatus.RETIRED,
        retiredAt: new Date(),
      });
      await this.record(em, actor, 'version.retire', after);
      return after;
    });
    return this.announce(retired);
  }

  /** After the commit: every API instance drops its compiled plan of the strategy (decision API). */
  private announce(version: StrategyVersion): StrategyVersion {
    this.publishedEvents.changed(version.strategyId);
    return version;
  }

  /** In one transaction: the current PUBLISHED version becomes RETIRED, the target PUBLISHED. */
  private async swapPublished(
    em: EntityManager,
    actor: Actor,
    target: StrategyVersion,
    action: string,
    reason?: string,
  ): Promise<StrategyVersion> {
    const current = await this.versions.published(target.strategyId, em);
    if (current) {
      const retired = await this.versions.transition(em, current, {
        status: VersionStatus.RETIRED,
        retiredAt: new Date(),
      });
      await this.record(em, actor, 'version.retire', retired, `replaced by version ${target.number}`);
    }
    // A rolled-back version keeps when and by whom it was first published.
    const first = target.publishedAt ? {} : { publishedBy: actor.id, publishedAt: new Date() };
    const published = await this.versions.transition(em, target, {
      status: VersionStatus.PUBLISHED,
      ...first,
      retiredAt: null,
    });
    await this.audit.append(em, actor, {
      action,
      entityType: 'version',
      entityId: published.id,
      beforeHash: current?.contentHash ?? null,
      afterHash: published.contentHash,
      comment: [
        current
          ? `version ${published.number} replaces version ${current.number}`
          : `version ${published.number}`,
        reason && `reason: ${reason}`,
      ]
        .filter(Boolean)
        .join(' — '),
    });
    return published;
  }

  private async lock(em: EntityManager, versionId: string): Promise<StrategyVersion> {
    return (await this.versions.lockById(em, versionId)) ?? Promise.reject(notFound('Version', versionId));
  }

  /** Locks the strategy first (publishes of one strategy run one at a time), then the version. */
  private async lockWithStrategy(em: EntityManager, versionId: string): Promise<StrategyVersion> {
    const unlocked = await this.versions.findById(versionId, em);
    if (!unlocked) throw notFound('Version', versionId);
    const strategy = await this.strategies.lockById(em, unlocked.strategyId);
    if (strategy?.archivedAt) throw invalidState(`Strategy "${strategy.name}" is archived.`, []);
    return this.lock(em, versionId);
  }

  private async record(
    em: EntityManager,
    actor: Actor,
    action: string,
    version: StrategyVersion,
    comment?: string | null,
  ): Promise<void> {
    await this.audit.append(em, actor, {
      action,
      entityType: 'version',
      entityId: version.id,
      beforeHash: version.contentHash,
      afterHash: version.contentHash,
      comment: comment || `version ${version.number} is now ${version.status}`,
    });
  }
}
