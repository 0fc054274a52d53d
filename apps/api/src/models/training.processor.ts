import { readFileSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import { canonicalJson, inlineModelSchema } from '@arbiter/engine';
import type { TrainingResult } from '@arbiter/learning';
import { sha256 } from '../audit/record-hash';
import { DatasetsService } from '../datasets/datasets.service';
import { TrainingInterrupted, type TrainingProcessors } from '../jobs/training-runner';
import { TRAINER_ALGORITHM, TrainingStatus } from './model.types';
import { ModelsService } from './models.service';
import { TrainingJobsRepository, type TrainingJobRecord } from './training-jobs.repository';
import {
  TrainerRefused,
  TrainingAborted,
  trainInThread,
  type ThreadOutcome,
  type ThreadProgress,
} from './training-thread-host';

/** Dataset rows per read (and per message to the training thread). */
const TRAINING_CHUNK_ROWS = 5000;
/** Progress is written (and the job's status checked for a cancel) this often. */
const PROGRESS_EVERY_MS = 500;

/** "@arbiter/learning 0.1.0": the trainer that made a version, for its provenance. */
const TRAINER = (() => {
  const pkg = JSON.parse(readFileSync(require.resolve('@arbiter/learning/package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return `${pkg.name} ${pkg.version}`;
})();

/** The rows training reads are not (all) there any more: the dataset was deleted. */
class DatasetGone extends Error {}

/**
 * Records a training's progress at most every PROGRESS_EVERY_MS, and finds out on the way that the
 * job is no longer RUNNING (cancelled) or its dataset was deleted, which stops the training.
 */
class ProgressWriter {
  private latest: ThreadProgress = { phase: 'reading', rows: 0, iteration: 0, iterations: 0 };
  private rowsRead = 0;
  private trainingSince: { at: number; iteration: number } | undefined;
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly jobId: string,
    private readonly jobs: TrainingJobsRepository,
    /** The job ended (cancelled) or its dataset was deleted: stop the training. */
    private readonly onStop: (why: 'ended' | 'datasetDeleted') => void,
  ) {
    this.timer = setInterval(() => {
      // A slow database: the next tick writes the newest progress, no queue of writes builds up.
      if (!this.busy) this.writing = this.write();
    }, PROGRESS_EVERY_MS);
  }

  update(progress: ThreadProgress): void {
    if (progress.phase === 'reading') this.rowsRead = progress.rows;
    if (progress.phase === 'training' && this.trainingSince === undefined)
      this.trainingSince = { at: Date.now(), iteration: progress.iteration };
    this.latest = progress;
  }

  /** Seconds left while training, from the pace of the iterations so far. */
  private eta(): number | null {
    const { phase, iteration, iterations } = this.latest;
    const since = this.trainingSince;
    if (phase !== 'training' || !since || iteration <= since.iteration) return null;
    const perIteration = (Date.now() - since.at) / 1000 / (iteration - since.iteration);
    return Math.max(0, (iterations - iteration) * perIteration);
  }

  private async write(): Promise<void> {
    const { phase, iteration, iterations } = this.latest;
    this.busy = true;
    try {
      const state = await this.jobs.progress(this.jobId, {
        phase,
        rows: this.rowsRead,
        iteration,
        iterations,
        etaSeconds: this.eta(),
      });
      if (state !== 'running') this.onStop(state);
    } catch {
      // Progress is best effort: the database being away shows when the version is registered.
    } finally {
      this.busy = false;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
  }
}

/**
 * The work of a training job, called by BullMQ workers or the in-process runner alike: streams the
 * dataset's rows into a training thread (which keeps the columns used), records progress, and registers
 * the result as the model's next version. Training is deterministic, so a job retried after a lost
 * worker produces the same version; registration happens once (ModelsService.register).
 */
@Injectable()
export class TrainingProcessor implements TrainingProcessors {
  private readonly logger = new Logger('Training');

  constructor(
    private readonly jobs: TrainingJobsRepository,
    private readonly datasets: DatasetsService,
    private readonly models: ModelsService,
  ) {}

  async process(jobId: string, stop: AbortSignal): Promise<void> {
    if (stop.aborted) throw new TrainingInterrupted(jobId);
    const job = await this.jobs.find(jobId);
    if (!job || (job.status !== TrainingStatus.QUEUED && job.status !== TrainingStatus.RUNNING)) return;
    if (!(await this.jobs.start(jobId))) return;
    const total = job.datasetId ? await this.datasets.rowCount(job.datasetId) : undefined;
    if (total === undefined) return this.refuse(jobId, this.deleted(job));

    const abort = new AbortController();
    const stopping = () => abort.abort('stopping');
    stop.addEventListener('abort', stopping, { once: true });
    const progress = new ProgressWriter(jobId, this.jobs, (why) => abort.abort(why));
    try {
      const outcome = await trainInThread(
        {
          columns: job.request.columns,
          request: {
            target: job.request.target,
            predictors: job.request.predictors,
            algorithm: TRAINER_ALGORITHM[job.request.algorithm],
            settings: job.request.settings,
            split: job.request.split,
            seed: job.request.seed,
          },
        },
        this.chunks(job, total),
        { signal: abort.signal, onProgress: (p) => progress.update(p) },
      );
      await progress.stop();
      await this.register(job, outcome);
    } catch (error) {
      await progress.stop();
      if (error instanceof TrainingAborted) {
        if (error.reason === 'stopping') throw new TrainingInterrupted(jobId);
        if (error.reason === 'datasetDeleted') return this.refuse(jobId, this.deleted(job));
        this.logger.log(`Training ${jobId} stopped: it is no longer RUNNING (cancelled)`);
        return;
      }
      if (error instanceof TrainerRefused || error instanceof DatasetGone)
        return this.refuse(jobId, error.message);
      throw error;
    } finally {
      stop.removeEventListener('abort', stopping);
    }
  }

  async failed(jobId: string, message: string): Promise<void> {
    await this.jobs.fail(jobId, `Training stopped by an error: ${message}`);
  }

  /** The dataset's rows in order, one chunk at a time, as JSON text; DatasetGone when they are not there (any more). */
  private async *chunks(job: TrainingJobRecord, total: number): AsyncGenerator<string> {
    for (let from = 0; from < total; from += TRAINING_CHUNK_ROWS) {
      const to = Math.min(from + TRAINING_CHUNK_ROWS, total);
      const chunk = await this.datasets.rowsJson(job.request.datasetId, from, to);
      // Rows of a READY dataset are only ever removed all together, when the dataset is deleted.
      if (chunk.rows !== to - from) throw new DatasetGone(this.deleted(job));
      yield chunk.text;
    }
  }

  private async register(job: TrainingJobRecord, outcome: ThreadOutcome): Promise<void> {
    const { result } = outcome;
    const checked = inlineModelSchema.safeParse(result.spec);
    if (!checked.success)
      return this.refuse(
        job.id,
        `The trainer made a model the engine does not accept (${checked.error.issues[0]?.message}); nothing was registered.`,
      );
    const contentHash = sha256(canonicalJson(result.spec));
    const registration = await this.models.register(job.id, {
      algorithm: job.request.algorithm,
      contentHash,
      spec: result.spec,
      report: result.report,
      provenance: this.provenance(job, outcome, result),
      rows: outcome.rows,
    });
    if (registration.kind === 'registered')
      this.logger.log(
        `Training ${job.id}: model "${job.modelName}" version ${registration.version.version} registered (${contentHash.slice(0, 12)}…, AUC ${registration.version.auc ?? 'n/a'})`,
      );
    else if (registration.kind === 'refused')
      this.logger.warn(`Training ${job.id} FAILED: ${registration.reason}`);
  }

  private provenance(job: TrainingJobRecord, outcome: ThreadOutcome, result: TrainingResult) {
    const { request } = job;
    return {
      datasetId: request.datasetId,
      datasetName: request.datasetName,
      datasetHash: outcome.datasetHash,
      rows: outcome.rows,
      target: request.target,
      predictors: request.predictors,
      split: result.report.split,
      seed: request.seed,
      settings: result.settings,
      trainer: TRAINER,
    };
  }

  private deleted(job: TrainingJobRecord): string {
    return `The dataset "${job.request.datasetName}" was deleted during training; nothing was registered.`;
  }

  private async refuse(jobId: string, reason: string): Promise<void> {
    if (await this.jobs.fail(jobId, reason)) this.logger.warn(`Training ${jobId} FAILED: ${reason}`);
  }
}
