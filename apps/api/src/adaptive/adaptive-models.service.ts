import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canonicalJson, type InlineModelSpec } from '@arbiter/engine';
import { AdaptiveModelError, type AdaptiveState } from '@arbiter/learning';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../common/database-errors';
import { notFound, validationFailed } from '../common/errors';
import { ModelAlgorithm, type Model } from '../models/model.types';
import { ModelsService } from '../models/models.service';
import type { AdaptiveModelConfig, AdaptiveModelRequest } from './adaptive-config';
import { AdaptiveDefinitions, type AdaptiveProvenance } from './adaptive-definitions';
import { AdaptiveEvents } from './adaptive-events';
import {
  emptyLearned,
  priorState,
  restoreLearned,
  servingSpec,
  snapshotOf,
  type LearnedModel,
} from './adaptive-learning';
import { AdaptiveStatusReader } from './adaptive-status.reader';
import { AdaptiveRepository, SnapshotReason } from './adaptive.repository';
import type { AdaptiveModelStatus } from './adaptive.types';
import { emptyGuard, type GuardState } from './guard';

/**
 * Adaptive models in the registry: a version is an immutable configuration (reviewed with the
 * strategy versions that pin it); what it learns is in snapshots. Publishers freeze, reset and roll
 * back a version's learning, each audited with the reason.
 */
@Injectable()
export class AdaptiveModelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ModelsService,
    private readonly repository: AdaptiveRepository,
    private readonly definitions: AdaptiveDefinitions,
    private readonly reader: AdaptiveStatusReader,
    private readonly events: AdaptiveEvents,
    private readonly audit: AuditService,
  ) {}

  create(actor: Actor, input: AdaptiveModelRequest): Promise<Model> {
    return this.register(actor, undefined, input);
  }

  reconfigure(actor: Actor, modelId: string, input: AdaptiveModelRequest): Promise<Model> {
    return this.register(actor, modelId, input);
  }

  private async register(
    actor: Actor,
    modelId: string | undefined,
    input: AdaptiveModelRequest,
  ): Promise<Model> {
    const { config, priorSpec } = await this.configOf(input);
    const id = modelId ?? randomUUID();
    let prior: AdaptiveState;
    try {
      prior = priorState(id, config, priorSpec);
    } catch (error) {
      if (error instanceof AdaptiveModelError)
        throw validationFailed([
          { field: 'input.priorModelId', message: `cannot warm-start from this model: ${error.message}` },
        ]);
      throw error;
    }
    const provenance: AdaptiveProvenance = { config, priorSpec };
    try {
      return await this.dataSource.transaction(async (em) => {
        if (modelId) {
          const model = await this.models.lockModel(em, modelId);
          if (!model || model.kind !== 'adaptive') throw notFound('Adaptive model', modelId);
          if (model.name.toLowerCase() !== input.name.toLowerCase())
            throw validationFailed([
              { field: 'input.name', message: `a model keeps its name: this one is "${model.name}"` },
            ]);
        } else {
          await this.models.createModel(em, {
            id,
            name: input.name,
            description: input.description ?? null,
            target: `positive: ${config.positiveOutcomes.join(', ')}`,
            createdBy: actor.id,
            kind: 'adaptive',
          });
        }
        const version = await this.models.addVersion(em, {
          modelId: id,
          algorithm: ModelAlgorithm.ADAPTIVE,
          contentHash: createHash('sha256').update(canonicalJson(provenance)).digest('hex'),
          spec: servingSpec(emptyLearned(0), prior, config),
          report: {},
          provenance,
          auc: null,
          createdBy: actor.id,
        });
        await this.writeSnapshot(
          em,
          id,
          version.version,
          emptyLearned(0),
          emptyGuard(),
          SnapshotReason.RESET,
          `version ${version.version} created: the prior`,
          actor.id,
          true,
        );
        await this.audit.append(em, actor, {
          action: modelId ? 'adaptiveModel.reconfigure' : 'adaptiveModel.create',
          entityType: 'modelVersion',
          entityId: version.id,
          afterHash: version.contentHash,
          comment: `adaptive model "${version.modelName}" version ${version.version}: ${config.predictors.length} predictors, grouped by ${config.groupBy}, exploration ${config.explorationShare}${config.prior ? `, prior: model ${config.prior.modelId} version ${config.prior.version}` : ''}`,
        });
        return (await this.models.find(id, em))!;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'models_name_key'))
        throw validationFailed([
          { field: 'input.name', message: `a model named "${input.name}" exists already` },
        ]);
      throw error;
    }
  }

  /** The stored configuration, defaults applied, with the prior's engine spec (a trained LOGISTIC version). */
  private async configOf(
    input: AdaptiveModelRequest,
  ): Promise<{ config: AdaptiveModelConfig; priorSpec: InlineModelSpec | null }> {
    let prior: AdaptiveModelConfig['prior'] = null;
    let priorSpec: InlineModelSpec | null = null;
    if (input.priorModelId) {
      const found = await this.models.versionOf(input.priorModelId, input.priorVersion ?? undefined);
      if (!found)
        throw validationFailed([
          {
            field: input.priorVersion ? 'input.priorVersion' : 'input.priorModelId',
            message: `no model version ${input.priorModelId}${input.priorVersion ? ` version ${input.priorVersion}` : ''} is registered`,
          },
        ]);
      if (found.algorithm !== ModelAlgorithm.LOGISTIC)
        throw validationFailed([
          {
            field: 'input.priorModelId',
            message: `a warm start needs a LOGISTIC model; "${found.modelName}" version ${found.version} is ${found.algorithm}`,
          },
        ]);
      prior = { modelId: found.modelId, version: found.version, contentHash: found.contentHash };
      priorSpec = found.spec as InlineModelSpec;
    }
    return {
      config: {
        predictors: input.predictors.map((p) => ({
          input: p.input,
          type: p.type,
          center: p.center ?? null,
          spread: p.spread ?? null,
        })),
        positiveOutcomes: input.positiveOutcomes,
        negativeOutcomes: input.negativeOutcomes,
        noResponseHours: null,
        prior,
        explorationShare: input.explorationShare,
        maturity: input.maturity ?? 100,
        groupBy: input.groupBy ?? 'action',
        aucFloor: input.aucFloor ?? null,
        calibrationFloor: input.calibrationFloor ?? null,
      },
      priorSpec,
    };
  }

  private async writeSnapshot(
    em: EntityManager,
    modelId: string,
    version: number,
    learned: LearnedModel,
    guard: GuardState,
    reason: SnapshotReason,
    comment: string,
    createdBy: string,
    first = false,
  ): Promise<string> {
    const s = snapshotOf(learned);
    const id = await this.repository.insertSnapshot(em, {
      modelId,
      version,
      seq: learned.seq,
      evidence: s.evidence,
      positives: s.positives,
      state: s.json,
      hash: s.hash,
      guard,
      reason,
      comment,
      createdBy,
    });
    if (first) await this.repository.insertControl(em, modelId, version, id);
    else await this.repository.serve(em, modelId, version, id);
    return id;
  }

  /** Freezing keeps serving the snapshot and stops learning; outcomes keep being recorded, and unfreezing catches up from the model's cursor. */
  async freeze(
    actor: Actor,
    modelId: string,
    version: number,
    frozen: boolean,
    reason: string,
  ): Promise<AdaptiveModelStatus> {
    await this.control(actor, modelId, version, async (em) => {
      await this.repository.setFrozen(em, modelId, version, frozen);
      return {
        action: frozen ? 'adaptiveModel.freeze' : 'adaptiveModel.unfreeze',
        comment: `${frozen ? 'frozen' : 'unfrozen'}: ${reason}`,
      };
    });
    return this.reader.status(modelId, version);
  }

  /** Back to the prior; learns on from the outcomes after the ones already read. */
  async reset(actor: Actor, modelId: string, version: number, reason: string): Promise<AdaptiveModelStatus> {
    await this.control(actor, modelId, version, async (em, position) => {
      const id = await this.writeSnapshot(
        em,
        modelId,
        version,
        emptyLearned(position),
        emptyGuard(),
        SnapshotReason.RESET,
        reason,
        actor.id,
      );
      return { action: 'adaptiveModel.reset', comment: `reset to its prior (snapshot ${id}): ${reason}` };
    });
    return this.reader.status(modelId, version);
  }

  /** Serves an earlier snapshot's parameters again; learning goes on from there with outcomes not read yet. */
  async rollBack(
    actor: Actor,
    modelId: string,
    version: number,
    snapshotId: string,
    reason: string,
  ): Promise<AdaptiveModelStatus> {
    await this.control(actor, modelId, version, async (em, position) => {
      const earlier = /^\d{1,18}$/.test(snapshotId)
        ? await this.repository.snapshot(snapshotId, em)
        : undefined;
      if (!earlier || earlier.modelId !== modelId || earlier.version !== version)
        throw validationFailed([
          { field: 'snapshotId', message: `no snapshot ${snapshotId} of this model version` },
        ]);
      const learned = { ...restoreLearned(earlier.state, earlier.hash), seq: position };
      const id = await this.writeSnapshot(
        em,
        modelId,
        version,
        learned,
        earlier.guard,
        SnapshotReason.ROLLBACK,
        reason,
        actor.id,
      );
      return {
        action: 'adaptiveModel.rollback',
        comment: `rolled back to snapshot ${snapshotId} (as snapshot ${id}): ${reason}`,
      };
    });
    return this.reader.status(modelId, version);
  }

  /** Under the model version's control lock (the learner takes it too): the change, its audit entry, then the announcement. */
  private async control(
    actor: Actor,
    modelId: string,
    version: number,
    change: (em: EntityManager, position: number) => Promise<{ action: string; comment: string }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const control = await this.repository.lockControl(em, modelId, version);
      if (!control) throw notFound('Adaptive model version', `${modelId} version ${version}`);
      const latest = (await this.repository.snapshot(
        await this.repository.latestSnapshotId(em, modelId, version),
        em,
      ))!;
      const { action, comment } = await change(em, Math.max(latest.seq, control.scannedSeq));
      // Named in words: the audit log shows the comment, and its entity id is `modelId@version`.
      const name = (await this.definitions.get(modelId, version))?.name ?? modelId;
      await this.audit.append(em, actor, {
        action,
        entityType: 'adaptiveModel',
        entityId: `${modelId}@${version}`,
        comment: `adaptive model '${name}' version ${version}, ${comment}`,
      });
    });
    this.events.announce(`${modelId}@${version}`);
  }
}
