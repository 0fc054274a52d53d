import { Injectable } from '@nestjs/common';
import type { PredictorDef, SettingsInput, SplitRequest, TrainingTarget } from '@arbiter/learning';
import { DataSource, type EntityManager } from 'typeorm';
import { TrainingStatus, type TrainedAlgorithm, type TrainingJob } from './model.types';
import type { ReadColumn } from './training-rows';

/** What trainModel checked and the job trains: stored with the job, so any worker can run it. */
export interface StoredTrainingRequest {
  datasetId: string;
  datasetName: string;
  /** The new model's description (a retrained model keeps its own). */
  description: string | null;
  target: TrainingTarget;
  /** The target in words, e.g. "Y is 1": the model's `target`. */
  targetWords: string;
  /** Every column the training reads: predictors, target, time column. */
  columns: ReadColumn[];
  predictors: PredictorDef[];
  algorithm: TrainedAlgorithm;
  settings: SettingsInput;
  split: SplitRequest;
  seed: number;
  /** Who asked, for the audit entry of the registration (made later, by a worker). */
  requestedBy: { id: string; email: string };
}

/** A training job with what the processor needs besides what GraphQL shows. */
export interface TrainingJobRecord extends TrainingJob {
  datasetId: string | null;
  newModel: boolean;
  request: StoredTrainingRequest;
  startedAt: Date | null;
}

export interface NewTrainingJob {
  modelId: string;
  modelName: string;
  newModel: boolean;
  datasetId: string;
  request: StoredTrainingRequest;
  createdBy: string;
}

export interface TrainingProgressRecord {
  phase: string;
  rows: number;
  iteration: number;
  iterations: number;
  etaSeconds: number | null;
}

/** A QUEUED or RUNNING job, as the watchdog needs it. */
export interface UnfinishedTraining {
  id: string;
  datasetId: string | null;
}

/**
 * How old a QUEUED or RUNNING job must be before the queue's word that it holds no work for it
 * counts: trainModel stores the job, then queues it.
 */
export const QUEUEING_GRACE_SECONDS = 5;

const JOB_COLUMNS = `id, model_id AS "modelId", model_name AS "modelName", status, phase, rows, iteration, iterations, eta_seconds AS "etaSeconds",
  error, version_id AS "versionId", created_at AS "createdAt", finished_at AS "finishedAt", created_by::text AS "createdBy",
  dataset_id AS "datasetId", new_model AS "newModel", request, started_at AS "startedAt"`;

/** Rows an UPDATE … RETURNING changed (TypeORM's postgres driver answers [rows, count]). */
function changed(result: unknown): boolean {
  const rows =
    Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
  return rows.length > 0;
}

/** A job in these states may still run (again, after a lost worker). */
const UNFINISHED = [TrainingStatus.QUEUED, TrainingStatus.RUNNING];

/** Every query on `training_jobs`. */
@Injectable()
export class TrainingJobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, job: NewTrainingJob): Promise<string> {
    const rows = await em.query<{ id: string }[]>(
      `INSERT INTO training_jobs (model_id, model_name, new_model, dataset_id, status, request, created_by) VALUES ($1, $2, $3, $4, $7, $5, $6) RETURNING id`,
      [
        job.modelId,
        job.modelName,
        job.newModel,
        job.datasetId,
        JSON.stringify(job.request),
        job.createdBy,
        TrainingStatus.QUEUED,
      ],
    );
    return rows[0]!.id;
  }

  async find(
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<TrainingJobRecord | undefined> {
    const rows = await em.query<TrainingJobRecord[]>(
      `SELECT ${JOB_COLUMNS} FROM training_jobs WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Locks the job row: its finish (registration, failure, cancel) happens once. */
  async lock(em: EntityManager, id: string): Promise<TrainingJobRecord | undefined> {
    const rows = await em.query<TrainingJobRecord[]>(
      `SELECT ${JOB_COLUMNS} FROM training_jobs WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /** Newest first, at most 100. */
  byModel(modelId: string): Promise<TrainingJobRecord[]> {
    return this.dataSource.query<TrainingJobRecord[]>(
      `SELECT ${JOB_COLUMNS} FROM training_jobs WHERE model_id = $1 ORDER BY created_at DESC LIMIT 100`,
      [modelId],
    );
  }

  /** QUEUED (or RUNNING again, after a lost worker) → RUNNING from the start; false when it ended meanwhile. */
  async start(id: string): Promise<boolean> {
    return changed(
      await this.dataSource.query(
        `UPDATE training_jobs SET status = $2, phase = 'reading', rows = 0, iteration = 0, iterations = 0, eta_seconds = NULL,
           started_at = coalesce(started_at, now()), updated_at = now()
         WHERE id = $1 AND status = ANY($3) RETURNING id`,
        [id, TrainingStatus.RUNNING, UNFINISHED],
      ),
    );
  }

  /**
   * Records progress. `ended`: the job is no longer RUNNING (cancelled); `datasetDeleted`: its
   * dataset is gone (the foreign key set dataset_id to NULL). Either way the training should stop.
   */
  async progress(id: string, p: TrainingProgressRecord): Promise<'running' | 'ended' | 'datasetDeleted'> {
    const result: unknown = await this.dataSource.query(
      `UPDATE training_jobs SET phase = $2, rows = $3, iteration = $4, iterations = $5, eta_seconds = $6, updated_at = now()
       WHERE id = $1 AND status = $7 RETURNING dataset_id IS NOT NULL AS "hasDataset"`,
      [id, p.phase, p.rows, p.iteration, p.iterations, p.etaSeconds, TrainingStatus.RUNNING],
    );
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as {
      hasDataset: boolean;
    }[];
    if (rows.length === 0) return 'ended';
    return rows[0]!.hasDataset ? 'running' : 'datasetDeleted';
  }

  /** RUNNING → SUCCEEDED with its version and the final figures (the last progress write may be up to 500 ms old). */
  async succeed(
    em: EntityManager,
    id: string,
    done: { versionId: string; rows: number; iterations: number },
  ): Promise<void> {
    await em.query(
      `UPDATE training_jobs SET status = $5, version_id = $2, rows = $3, iteration = $4, iterations = $4, phase = NULL, eta_seconds = NULL,
         finished_at = now(), updated_at = now()
       WHERE id = $1`,
      [id, done.versionId, done.rows, done.iterations, TrainingStatus.SUCCEEDED],
    );
  }

  /** QUEUED or RUNNING → FAILED with the reason; false when it had ended already. */
  async fail(id: string, message: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return changed(
      await em.query(
        `UPDATE training_jobs SET status = $3, error = $2, eta_seconds = NULL, finished_at = now(), updated_at = now()
         WHERE id = $1 AND status = ANY($4) RETURNING id`,
        [id, message.slice(0, 2000), TrainingStatus.FAILED, UNFINISHED],
      ),
    );
  }

  /** QUEUED or RUNNING → CANCELLED; false when it had ended already. */
  async cancel(em: EntityManager, id: string): Promise<boolean> {
    return changed(
      await em.query(
        `UPDATE training_jobs SET status = $2, eta_seconds = NULL, finished_at = now(), updated_at = now()
         WHERE id = $1 AND status = ANY($3) RETURNING id`,
        [id, TrainingStatus.CANCELLED, UNFINISHED],
      ),
    );
  }

  async status(id: string): Promise<TrainingStatus | undefined> {
    const rows = await this.dataSource.query<{ status: TrainingStatus }[]>(
      `SELECT status FROM training_jobs WHERE id = $1`,
      [id],
    );
    return rows[0]?.status;
  }

  /** QUEUED or RUNNING jobs past QUEUEING_GRACE_SECONDS (by the database's clock), oldest first. */
  unfinished(): Promise<UnfinishedTraining[]> {
    return this.dataSource.query<UnfinishedTraining[]>(
      `SELECT id, dataset_id AS "datasetId" FROM training_jobs
       WHERE status = ANY($2) AND created_at < now() - make_interval(secs => $1) ORDER BY created_at`,
      [QUEUEING_GRACE_SECONDS, UNFINISHED],
    );
  }
}
