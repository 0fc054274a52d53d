import { Injectable } from '@nestjs/common';
import type { InlineModelSpec } from '@arbiter/engine';
import type { ModelReport } from '@arbiter/learning';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../common/uuid';
import { AuditService } from '../audit/audit.service';
import { DatasetsService } from '../datasets/datasets.service';
import { isUniqueViolation } from '../common/database-errors';
import { notFound } from '../common/errors';
import {
  TrainingStatus,
  type Model,
  type ModelAlgorithm,
  type ModelVersion,
  type VersionComparison,
} from './model.types';
import { ModelsRepository, type NewModel, type NewVersion } from './models.repository';
import { TrainingJobsRepository, type TrainingJobRecord } from './training-jobs.repository';
import { compareReports } from './version-comparison';

/** A registered version as strategies pin it. */
export interface PinnableModelVersion {
  modelId: string;
  name: string;
  version: number;
  contentHash: string;
  spec: InlineModelSpec;
  auc: number | null;
}

/** What a successful training hands to the registry. */
export interface TrainedVersion {
  algorithm: ModelAlgorithm;
  contentHash: string;
  spec: unknown;
  report: ModelReport;
  provenance: unknown;
  /** Rows read from the dataset. */
  rows: number;
}

/** How registering a training's result ended. */
export type Registration =
  { kind: 'registered'; version: ModelVersion } | { kind: 'refused'; reason: string } | { kind: 'ended' };

/**
 * The model registry: models and their immutable versions. A version (and, for a new model, the
 * model) is written in one transaction with the training job's success and its audit entry, and
 * only while the job is RUNNING and its dataset still exists: never a half-registered model.
 */
@Injectable()
export class ModelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ModelsRepository,
    private readonly jobs: TrainingJobsRepository,
    private readonly datasets: DatasetsService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Model[]> {
    return this.models.listModels();
  }

  find(id: string, em?: EntityManager): Promise<Model | undefined> {
    return this.models.findModel(id, em);
  }

  findByName(name: string): Promise<Model | undefined> {
    return this.models.findModelByName(name);
  }

  async version(id: string): Promise<ModelVersion> {
    const version = await this.models.findVersion(id);
    if (!version) throw notFound('Model version', id);
    return version;
  }

  findVersion(id: string): Promise<ModelVersion | undefined> {
    return this.models.findVersion(id);
  }

  versions(modelId: string): Promise<ModelVersion[]> {
    return this.models.versions(modelId);
  }

  /** A model's version by number, its latest when `version` is left out. */
  versionOf(modelId: string, version?: number): Promise<ModelVersion | undefined> {
    return this.models.versionOf(modelId, version);
  }

  /** Creates a model in the caller's transaction; its first version follows with addVersion. */
  createModel(em: EntityManager, model: NewModel): Promise<void> {
    return this.models.insertModel(em, model);
  }

  /** Locks a model in the caller's transaction before addVersion: one model's version numbers are serialized. */
  lockModel(em: EntityManager, id: string): Promise<Model | undefined> {
    return this.models.lockModel(em, id);
  }

  /** The model's next version, numbered in the caller's transaction (after createModel or lockModel). */
  async addVersion(em: EntityManager, version: Omit<NewVersion, 'version'>): Promise<ModelVersion> {
    const number = await this.models.nextVersionNumber(em, version.modelId);
    return this.models.insertVersion(em, { ...version, version: number });
  }

  trainings(modelId: string): Promise<TrainingJobRecord[]> {
    return this.jobs.byModel(modelId);
  }

  /** A version of a model for a strategy to pin: that version, or the latest when `version` is left out; undefined when there is none. */
  async versionFor(modelId: string, version?: number): Promise<PinnableModelVersion | undefined> {
    // A strategy document may name anything: what cannot be a model id or a version is simply not found.
    if (!isUuid(modelId) || (version !== undefined && !(version >= 1 && version <= 2 ** 31 - 1)))
      return undefined;
    const found = await this.models.versionOf(modelId, version);
    if (!found) return undefined;
    return {
      modelId: found.modelId,
      name: found.modelName,
      version: found.version,
      contentHash: found.contentHash,
      spec: found.spec as InlineModelSpec,
      auc: found.auc,
    };
  }

  /** Metric by metric, b against a. */
  async compare(aId: string, bId: string): Promise<VersionComparison[]> {
    const [a, b] = await Promise.all([this.models.findVersion(aId), this.models.findVersion(bId)]);
    if (!a) throw notFound('Model version', aId);
    if (!b) throw notFound('Model version', bId);
    return compareReports(a.report as ModelReport, b.report as ModelReport);
  }

  /**
   * Registers what a training produced as the model's next version (creating a new model with its
   * first), marks the job SUCCEEDED and records it in the audit log — all or nothing. `ended`: the
   * job is no longer RUNNING (cancelled); `refused`: the job cannot succeed (its dataset was deleted,
   * the name was taken meanwhile) and was FAILED with the reason.
   */
  async register(jobId: string, trained: TrainedVersion): Promise<Registration> {
    let outcome: Registration;
    try {
      outcome = await this.dataSource.transaction(async (em): Promise<Registration> => {
        const job = await this.jobs.lock(em, jobId);
        if (job?.status !== TrainingStatus.RUNNING) return { kind: 'ended' };
        const { request } = job;
        // Held until commit: the dataset cannot be deleted between this check and the version.
        if (!job.datasetId || !(await this.datasets.hold(em, job.datasetId))) {
          const reason = `The dataset "${request.datasetName}" was deleted during training; nothing was registered.`;
          await this.jobs.fail(jobId, reason, em);
          return { kind: 'refused', reason };
        }
        if (job.newModel)
          await this.createModel(em, {
            id: job.modelId,
            name: job.modelName,
            description: request.description,
            target: request.targetWords,
            createdBy: job.createdBy,
          });
        else if (!(await this.lockModel(em, job.modelId)))
          throw new Error(`Model ${job.modelId} of training ${jobId} does not exist.`);
        const version = await this.addVersion(em, {
          modelId: job.modelId,
          algorithm: trained.algorithm,
          contentHash: trained.contentHash,
          spec: trained.spec,
          report: trained.report,
          provenance: trained.provenance,
          auc: Number.isFinite(trained.report.auc?.value) ? trained.report.auc.value : null,
          createdBy: job.createdBy,
        });
        await this.jobs.succeed(em, jobId, {
          versionId: version.id,
          rows: trained.rows,
          iterations: trained.report.iterations,
        });
        const auc = version.auc === null ? 'no AUC' : `AUC ${version.auc.toFixed(3)}`;
        await this.audit.append(
          em,
          { ...request.requestedBy, roles: [] },
          {
            action: 'modelVersion.register',
            entityType: 'modelVersion',
            entityId: version.id,
            afterHash: version.contentHash,
            comment: `${job.newModel ? 'new model' : 'model'} "${job.modelName}" version ${version.version} (${trained.algorithm}, ${auc}) from training ${jobId} on dataset "${request.datasetName}"`,
          },
        );
        return { kind: 'registered', version };
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'models_name_key')) throw error;
      const job = await this.jobs.find(jobId);
      const reason = `A model named "${job?.modelName}" was registered while this one trained; train again under another name, or retrain that model.`;
      return (await this.jobs.fail(jobId, reason)) ? { kind: 'refused', reason } : { kind: 'ended' };
    }
    return outcome;
  }
}
