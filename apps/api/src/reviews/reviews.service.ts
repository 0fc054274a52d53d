import { Injectable } from '@nestjs/common';
import { diffStrategies, migrateDocument, strategyDocumentSchema, type StrategyDiff } from '@arbiter/engine';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { recordHash } from '../audit/record-hash';
import { badRequest, validationFailed } from '../common/errors';
import { zodDetails } from '../common/validation';
import { diffEnvironments } from '../strategies/pinned-environment';
import { StrategyEnvironmentService } from '../strategies/strategy-environment.service';
import type { StrategyVersion } from '../strategies/strategy-version.entity';
import { StrategiesService } from '../strategies/strategies.service';
import { VersionsService } from '../strategies/versions.service';
import type { AddComment } from './dto/review.types';
import { CommentKind, type ReviewComment } from './review-comment.entity';
import { ReviewCommentsRepository } from './review-comments.repository';

@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly comments: ReviewCommentsRepository,
    private readonly versions: VersionsService,
    private readonly strategies: StrategiesService,
    private readonly environment: StrategyEnvironmentService,
    private readonly audit: AuditService,
  ) {}

  async addComment(actor: Actor, input: AddComment): Promise<ReviewComment> {
    const version = await this.versions.get(input.versionId);
    if (input.nodeId && !nodeIds(version).includes(input.nodeId)) {
      throw validationFailed([
        { field: 'input.nodeId', message: `version ${version.number} has no node "${input.nodeId}"` },
      ]);
    }
    const strategy = await this.strategies.get(version.strategyId);
    return this.dataSource.transaction(async (em) => {
      const comment = await this.comments.insert(em, {
        versionId: version.id,
        nodeId: input.nodeId ?? null,
        kind: CommentKind.COMMENT,
        body: input.body,
        authorId: actor.id,
      });
      await this.audit.append(em, actor, {
        action: 'comment.add',
        entityType: 'comment',
        entityId: comment.id,
        afterHash: recordHash({ versionId: comment.versionId, nodeId: comment.nodeId, body: comment.body }),
        comment: `on '${strategy?.name ?? 'a deleted strategy'}' version ${version.number}${comment.nodeId ? `, step ${stepName(version, comment.nodeId)}` : ''}`,
      });
      return comment;
    });
  }

  async list(versionId: string, nodeId?: string | null): Promise<ReviewComment[]> {
    await this.versions.get(versionId);
    return this.comments.byVersion(versionId, nodeId);
  }

  async diff(
    fromVersionId: string,
    toVersionId: string,
  ): Promise<StrategyDiff & { fromVersionId: string; toVersionId: string; environment: string[] }> {
    const [from, to] = [await this.versions.get(fromVersionId), await this.versions.get(toVersionId)];
    if (from.strategyId !== to.strategyId)
      throw badRequest('Both versions must belong to the same strategy.');
    const env = await this.environment.load();
    const diff = diffStrategies(readable(from, 'fromVersionId'), readable(to, 'toVersionId'), {
      schema: env.schema,
    });
    const environment = diffEnvironments(from.environment, to.environment);
    return {
      fromVersionId,
      toVersionId,
      ...diff,
      unchanged: diff.unchanged && environment.length === 0,
      environment,
    };
  }
}

/** A step as a person reads it: `"Adults only" (adults)`, or its id when it has no label. */
function stepName(version: StrategyVersion, nodeId: string): string {
  const nodes = (version.document as { nodes?: { id?: unknown; label?: unknown }[] }).nodes;
  const label = Array.isArray(nodes) ? nodes.find((n) => n?.id === nodeId)?.label : undefined;
  return typeof label === 'string' && label.trim() ? `"${label}" (${nodeId})` : `"${nodeId}"`;
}

function nodeIds(version: StrategyVersion): string[] {
  const nodes = (version.document as { nodes?: unknown }).nodes;
  return Array.isArray(nodes) ? nodes.map((n: { id?: unknown }) => String(n?.id)) : [];
}

/** The document as the diff needs it; a draft whose envelope is unreadable cannot be compared. */
function readable(version: StrategyVersion, field: string) {
  const migrated = migrateDocument(version.document);
  if (!migrated.ok)
    throw validationFailed([{ field, message: `version ${version.number}: ${migrated.message}` }]);
  const parsed = strategyDocumentSchema.safeParse(migrated.document);
  if (!parsed.success)
    throw validationFailed(
      zodDetails(parsed.error.issues, field),
      `Version ${version.number}'s document cannot be read; fix it first.`,
    );
  return parsed.data;
}
