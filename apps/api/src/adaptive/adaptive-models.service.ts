import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canonicalJson, type InlineModelSpec } from '@arbiter/engine';
import { AdaptiveModelError, type AdaptiveState } from '@arbiter/learning';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../common/database-errors';
import { notFound, validationFailed } from '../common/errors';
import { OutcomeStreamRepository } from '../interactions/outcome-stream.repository';
import { ModelAlgorithm, type Model } from '../models/model.types';
import { ModelsService } from '../models/models.service';
import { PinnedModelsRepository } from '../strategies/pinned-models.repository';
import { configView, type AdaptiveModelConfig, type AdaptiveModelRequest } from './adaptive-config';
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
import { AdaptiveRepository, SnapshotReason } from './adaptive.repository';
import type { AdaptiveModelStatus, AdaptivePredictorStatus } from './adaptive.types';
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
    private readonly outcomes: OutcomeStreamRepository,
    private readonly pinned: PinnedModelsRepository,
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
    return this.status(modelId, version);
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
    return this.status(modelId, version);
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
    return this.status(modelId, version);
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

  async status(modelId: string, version: number): Promise<AdaptiveModelStatus> {
    const definition = await this.definitions.get(modelId, version);
    const [control, serving] = await Promise.all([
      this.repository.control(modelId, version),
      this.repository.serving(modelId, version),
    ]);
    if (!definition || !control || !serving)
      throw notFound('Adaptive model version', `${modelId} version ${version}`);
    const key = `${modelId}@${version}`;
    const learned = restoreLearned(serving.state, serving.hash);
    const { config } = definition;
    const [snapshots, versions, lag] = await Promise.all([
      this.repository.snapshots(modelId, version, 500),
      this.pinned.versionsPinning(key),
      this.outcomes.lagSeconds(Math.max(control.scannedSeq, serving.seq)),
    ]);
    const groups = Object.entries(learned.groups).map(([groupKey, g]) => ({
      key: groupKey,
      evidence: g.evidence,
      positives: g.positives,
      successRate: g.evidence ? g.positives / g.evidence : null,
      mature: g.evidence >= config.maturity,
    }));
    const guard = serving.guard;
    return {
      modelId,
      version,
      config: configView(config),
      frozen: control.frozen,
      servingSnapshotId: serving.id,
      evidence: serving.evidence,
      positives: serving.positives,
      successRate: serving.evidence ? serving.positives / serving.evidence : null,
      rollingAuc: guard.rollingAuc,
      calibrationError: guard.calibrationError,
      mature: groups.length > 0 && groups.every((g) => g.mature),
      lastUpdatedAt: serving.createdAt,
      learnerLagSeconds: lag,
      alert: guard.alert && { ...guard.alert, since: new Date(guard.alert.since) },
      history: snapshots
        .slice()
        .reverse()
        .map((s) => ({
          at: s.createdAt,
          evidence: s.evidence,
          positives: s.positives,
          rollingAuc: s.rollingAuc,
          calibrationError: s.calibrationError,
        })),
      groups,
      predictors: predictorStatus(Object.values(learned.groups), definition.prior),
      snapshots: snapshots.slice(0, 100),
      overrides: await this.overrides(versions),
      servingSpec: servingSpec(learned, definition.prior, config),
    };
  }

  private async overrides(versionIds: string[]) {
    const [rates, environments] = await Promise.all([
      this.outcomes.overrideRates(versionIds),
      this.pinned.environments(versionIds),
    ]);
    const names = new Map<string, string>();
    for (const env of environments.values()) for (const a of env?.actions ?? []) names.set(a.id, a.name);
    return rates.map((r) => ({
      ...r,
      actionName: names.get(r.actionId) ?? r.actionId,
      rate: r.shown ? r.overridden / r.shown : null,
    }));
  }
}

/** Each predictor's bins as posterior weights (groups averaged by evidence; the prior before any), and its importance. */
function predictorStatus(groups: AdaptiveState[], prior: AdaptiveState): AdaptivePredictorStatus[] {
  const learned = groups.filter((g) => g.evidence > 0);
  const states = learned.length ? learned : [prior];
  const total = states.reduce((n, s) => n + Math.max(1, s.evidence), 0);
  return prior.predictors.map((slot, p) => {
    const bins = new Map<string, { weight: number; variance: number }>();
    const add = (label: string, state: AdaptiveState, index: number) => {
      const share = Math.max(1, state.evidence) / total;
      const bin = bins.get(label) ?? { weight: 0, variance: 0 };
      bin.weight += share * state.means[index]!;
      bin.variance += share * (1 / state.precisions[index]!);
      bins.set(label, bin);
    };
    for (const state of states) {
      const own = state.predictors[p]!;
      if (own.kind === 'number') {
        add('per standard unit', state, own.value);
        add('missing', state, own.missing);
      } else {
        for (const [value, index] of Object.entries(own.categories)) add(value, state, index);
        add('missing', state, own.missing);
        add('other', state, own.other);
      }
    }
    const list = [...bins].map(([label, b]) => ({ label, weight: b.weight, sd: Math.sqrt(b.variance) }));
    const weights =
      slot.kind === 'number'
        ? list.flatMap((b) => (b.label === 'per standard unit' ? [b.weight, -b.weight] : [b.weight]))
        : list.map((b) => b.weight);
    return {
      name: slot.name,
      input: slot.input,
      importance: Math.max(...weights) - Math.min(...weights),
      bins: list,
    };
  });
}
