import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  resolveSettings,
  TrainingError,
  type PredictorDef,
  type SettingsInput,
  type SplitRequest,
} from '@arbiter/learning';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../common/database-errors';
import {
  AppError,
  conflict,
  invalidState,
  notFound,
  validationFailed,
  type ErrorDetail,
} from '../common/errors';
import { queueOperation } from '../jobs/queue-operation';
import { TRAINING_RUNNER, type TrainingRunner } from '../jobs/training-runner';
import {
  MAX_TARGET_VALUES,
  predictorType,
  targetColumns,
  unusableReason,
  type TrainingColumn,
} from './dataset-columns';
import type { TrainModel } from './dto/train-model.input';
import { TRAINER_ALGORITHM, type Model } from './model.types';
import { ModelsService } from './models.service';
import { TrainingChoicesService, type TrainingDataset } from './training-choices.service';
import {
  TrainingJobsRepository,
  type StoredTrainingRequest,
  type TrainingJobRecord,
} from './training-jobs.repository';

export const DEFAULT_SEED = 1;
export const DEFAULT_TEST_SHARE = 0.2;
const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** "Y is 1", "response is yes or maybe": what a model predicts, in words. */
export function targetInWords(column: string, positiveValues: readonly string[]): string {
  const values =
    positiveValues.length > 1
      ? `${positiveValues.slice(0, -1).join(', ')} or ${positiveValues.at(-1)}`
      : positiveValues[0];
  return `${column} is ${values}`;
}

/**
 * The rules of training: what a request must name (a READY dataset's columns, a target with
 * positive and negative rows, usable predictors, settings in range), who may do it (resolver),
 * and the job's start and cancel, each with its audit entry. The work is TrainingProcessor's.
 */
@Injectable()
export class TrainingService {
  constructor(
    @Inject(TRAINING_RUNNER) private readonly runner: TrainingRunner,
    private readonly dataSource: DataSource,
    private readonly jobs: TrainingJobsRepository,
    private readonly models: ModelsService,
    private readonly choices: TrainingChoicesService,
    private readonly audit: AuditService,
  ) {}

  find(id: string): Promise<TrainingJobRecord | undefined> {
    return this.jobs.find(id);
  }

  async get(id: string): Promise<TrainingJobRecord> {
    const job = await this.jobs.find(id);
    if (!job) throw notFound('Training job', id);
    return job;
  }

  /**
   * Checks the request (every problem in one VALIDATION_FAILED), stores a QUEUED job with what it
   * trains and queues it. The model (new) or its next version is registered only when it succeeds.
   */
  async train(actor: Actor, input: TrainModel): Promise<TrainingJobRecord> {
    const model = await this.model(input);
    const source = await this.choices.dataset(input.datasetId, 'input.datasetId');
    const problems: ErrorDetail[] = [];
    const target = this.target(source, input, problems);
    const targetWords = target && targetInWords(target.name, input.positiveValues);
    if (model && targetWords && model.target !== targetWords)
      problems.push({
        field: 'input.targetColumn',
        message: `model "${model.name}" predicts "${model.target}"; a model keeps its target, so train a new model to predict "${targetWords}"`,
      });
    const predictors = await this.predictors(source, input, target, problems);
    const timeColumn = this.timeColumn(source, input, problems);
    const settings = this.settings(input, problems);
    if (problems.length || !target || !targetWords || !predictors || timeColumn === null || !settings)
      throw validationFailed(problems);

    const testShare = input.testShare ?? DEFAULT_TEST_SHARE;
    const split: SplitRequest = timeColumn
      ? { kind: 'time', column: timeColumn.name, testShare }
      : { kind: 'stratified', testShare };
    const read = [target, ...predictors.columns, ...(timeColumn ? [timeColumn] : [])];
    const request: StoredTrainingRequest = {
      datasetId: source.dataset.id,
      datasetName: source.dataset.name,
      description: input.description ?? null,
      target: { column: target.name, positiveValues: input.positiveValues },
      targetWords,
      columns: [...new Map(read.map((c) => [c.name, { name: c.name, source: c.source }])).values()],
      predictors: predictors.defs,
      algorithm: input.algorithm,
      settings,
      split,
      seed: input.seed ?? DEFAULT_SEED,
      requestedBy: { id: actor.id, email: actor.email },
    };
    await queueOperation('training', () => this.runner.checkAvailable());
    const modelName = model?.name ?? input.name!;
    const id = await this.dataSource
      .transaction(async (em) => {
        const jobId = await this.jobs.insert(em, {
          modelId: model?.id ?? randomUUID(),
          modelName,
          newModel: !model,
          datasetId: source.dataset.id,
          request,
          createdBy: actor.id,
        });
        await this.audit.append(em, actor, {
          action: 'training.start',
          entityType: 'trainingJob',
          entityId: jobId,
          comment: `${model ? `retrain model "${modelName}"` : `new model "${modelName}"`}: ${input.algorithm} on dataset "${source.dataset.name}" (${source.dataset.rowCount} rows), ${targetWords}, ${predictors.defs.length} predictors, seed ${request.seed}`,
        });
        return jobId;
      })
      .catch((error: unknown) => {
        if (!isUniqueViolation(error, 'training_jobs_new_model_name_key')) throw error;
        throw conflict(
          `A model named "${modelName}" is being trained already; wait for it to finish, then retrain it.`,
          { field: 'input.name' },
        );
      });
    try {
      await queueOperation('training', () => this.runner.enqueue(id));
    } catch (error) {
      await this.jobs.fail(id, 'The job queue could not be reached.');
      throw error;
    }
    return this.get(id);
  }

  /** QUEUED or RUNNING → CANCELLED: a waiting job is removed, a running one stops within a second; no version is registered. */
  async cancel(actor: Actor, id: string): Promise<TrainingJobRecord> {
    const job = await this.get(id);
    const cancelled = await this.dataSource.transaction(async (em) => {
      if (!(await this.jobs.cancel(em, id))) return false;
      await this.audit.append(em, actor, {
        action: 'training.cancel',
        entityType: 'trainingJob',
        entityId: id,
        comment: `training of model "${job.modelName}"`,
      });
      return true;
    });
    if (!cancelled)
      throw invalidState(
        `Training ${id} is ${(await this.get(id)).status}: only a QUEUED or RUNNING training can be cancelled.`,
        [],
      );
    await this.runner.cancel(id);
    return this.get(id);
  }

  /** The model to retrain, or undefined for a new one (whose name must be free). */
  private async model(input: TrainModel): Promise<Model | undefined> {
    if (input.modelId) {
      const model = await this.models.find(input.modelId);
      if (!model)
        throw new AppError('NOT_FOUND', `Model "${input.modelId}" does not exist (input.modelId).`, {
          field: 'input.modelId',
        });
      if (model.kind === 'adaptive')
        throw validationFailed([
          {
            field: 'input.modelId',
            message: `"${model.name}" is an adaptive model: it learns from outcomes; change it with reconfigureAdaptiveModel`,
          },
        ]);
      if (input.name && input.name.toLowerCase() !== model.name.toLowerCase())
        throw validationFailed([
          {
            field: 'input.name',
            message: `a retrained model keeps its name ("${model.name}"); leave name out, or leave modelId out to train a new model`,
          },
        ]);
      return model;
    }
    if (!input.name)
      throw validationFailed([
        { field: 'input.name', message: 'is required for a new model (or give modelId to retrain one)' },
      ]);
    const taken = await this.models.findByName(input.name);
    if (taken)
      throw conflict(
        `A model named "${taken.name}" exists already; retrain it (modelId ${taken.id}) or choose another name.`,
        { field: 'input.name' },
      );
    return undefined;
  }

  private target(
    source: TrainingDataset,
    input: TrainModel,
    problems: ErrorDetail[],
  ): TrainingColumn | undefined {
    const column = source.columns.find((c) => c.name === input.targetColumn);
    const problem = (message: string) => problems.push({ field: 'input.targetColumn', message });
    if (!column) {
      problem(
        `"${input.targetColumn}" is not a column of dataset "${source.dataset.name}"; its columns: ${source.columns.map((c) => c.name).join(', ')}`,
      );
      return undefined;
    }
    if (!targetColumns(source.columns).includes(column)) {
      const why =
        column.distinct < 2
          ? `has one value only${column.values[0] !== undefined ? ` ("${column.values[0]}")` : ''}: a model needs rows where the target is positive and rows where it is not`
          : column.hashed
            ? 'is held hashed (personal data): its values are pseudonyms'
            : column.source.kind !== 'customer' && column.source.kind !== 'outcome'
              ? `is the ${column.source.kind === 'action' ? 'logged action' : column.source.kind === 'customerId' ? 'customer id' : "logging policy's propensity"}, not an outcome`
              : column.type === 'list'
                ? 'is a list'
                : `has ${column.distinct} distinct values; a target has at most ${MAX_TARGET_VALUES} (an outcome such as accepted / declined)`;
      problem(`column "${column.name}" cannot be the target: it ${why}`);
      return undefined;
    }
    if (column.valuesComplete) {
      input.positiveValues.forEach((value, i) => {
        if (!column.values.includes(value))
          problems.push({
            field: `input.positiveValues[${i}]`,
            message: `"${value}" is not a value of column "${column.name}" (its values: ${quoted(column.values)})`,
          });
      });
      if (column.values.every((v) => input.positiveValues.includes(v)))
        problems.push({
          field: 'input.positiveValues',
          message: `every value of column "${column.name}" would count as positive; leave at least one value negative`,
        });
    }
    return column;
  }

  /** The predictors asked for (each a usable column), or the suggested ones. */
  private async predictors(
    source: TrainingDataset,
    input: TrainModel,
    target: TrainingColumn | undefined,
    problems: ErrorDetail[],
  ): Promise<{ columns: TrainingColumn[]; defs: PredictorDef[] } | undefined> {
    const defs = (columns: TrainingColumn[]) => ({
      columns,
      defs: columns.map((c): PredictorDef => ({ name: c.name, input: c.input!, type: predictorType(c) })),
    });
    if (input.predictors) {
      const columns: TrainingColumn[] = [];
      input.predictors.forEach((name, i) => {
        const field = `input.predictors[${i}]`;
        const column = source.columns.find((c) => c.name === name);
        if (!column)
          return problems.push({
            field,
            message: `"${name}" is not a column of dataset "${source.dataset.name}"`,
          });
        const reason = unusableReason(column, input.targetColumn);
        if (reason)
          return problems.push({ field, message: `column "${name}" cannot be a predictor: ${reason}` });
        columns.push(column);
      });
      return columns.length === input.predictors.length ? defs(columns) : undefined;
    }
    if (!target) return undefined;
    const choices = await this.choices.predictors(source, {
      column: target.name,
      positiveValues: input.positiveValues,
    });
    const included = new Set(choices.filter((c) => c.include).map((c) => c.name));
    const columns = source.columns.filter((c) => included.has(c.name));
    if (columns.length === 0) {
      problems.push({
        field: 'input.predictors',
        message: `dataset "${source.dataset.name}" has no column that is suggested as a predictor (see trainingChoices: ${choices.map((c) => `${c.name}: ${c.reason ?? 'left out'}`).join('; ') || 'no columns'}); name the predictors`,
      });
      return undefined;
    }
    return defs(columns);
  }

  /** undefined: no time split; null: the column named is not one. */
  private timeColumn(
    source: TrainingDataset,
    input: TrainModel,
    problems: ErrorDetail[],
  ): TrainingColumn | undefined | null {
    if (!input.timeColumn) return undefined;
    const column = source.columns.find((c) => c.name === input.timeColumn);
    const field = 'input.timeColumn';
    if (!column)
      problems.push({
        field,
        message: `"${input.timeColumn}" is not a column of dataset "${source.dataset.name}"`,
      });
    else if (column.type !== 'date' || column.hashed)
      problems.push({
        field,
        message: `column "${column.name}" is not a date column (it holds ${column.hashed ? 'hashed values' : `${column.type} values`}); a time split needs dates`,
      });
    else return column;
    return null;
  }

  /** Settings of the algorithm, refused by name when unknown or out of range (the trainer's own rules). */
  private settings(input: TrainModel, problems: ErrorDetail[]): SettingsInput | undefined {
    const settings = (input.settings ?? {}) as SettingsInput;
    try {
      resolveSettings(TRAINER_ALGORITHM[input.algorithm], settings);
      return settings;
    } catch (error) {
      if (!(error instanceof TrainingError) || error.code !== 'invalid_setting') throw error;
      problems.push({
        field: error.setting ? `input.settings.${error.setting}` : 'input.settings',
        message: error.message,
      });
      return undefined;
    }
  }
}
