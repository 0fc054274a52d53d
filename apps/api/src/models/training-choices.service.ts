import { Injectable } from '@nestjs/common';
import type { DataQualityReport } from '@arbiter/datasets';
import { suggestPredictors } from '@arbiter/learning';
import { AppError, invalidState, validationFailed } from '../common/errors';
import { CustomerSchemaService } from '../customer-schema/customer-schema.service';
import { DatasetStatus, type Dataset } from '../datasets/dataset.entity';
import { DatasetsService } from '../datasets/datasets.service';
import {
  predictorType,
  targetColumns,
  trainingColumns,
  unusableReason,
  type TrainingColumn,
} from './dataset-columns';
import type { PredictorChoice, TrainingChoices } from './model.types';
import { TrainingRowDecoder } from './training-rows';

/** The target the predictors are for; positive values are guessed by the trainer when left out. */
export interface PredictorTarget {
  column: string;
  positiveValues?: string[];
}

/** Rows looked at to suggest predictors (spread evenly over the dataset). */
export const SAMPLE_ROWS = 5000;

/** A READY dataset and its columns as training sees them. */
export interface TrainingDataset {
  dataset: Dataset;
  columns: TrainingColumn[];
}

const listed = (names: readonly string[]) =>
  names.length > 20 ? `${names.slice(0, 20).join(', ')} …` : names.join(', ');

/**
 * What a dataset offers for training: target columns with their values, predictors (the declared
 * customer fields it holds, minus ids, hashed columns, constant ones and the target, with the
 * trainer's leakage warnings), date columns for a time split.
 */
@Injectable()
export class TrainingChoicesService {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly customerSchema: CustomerSchemaService,
  ) {}

  /** The dataset, READY, with its columns; NOT_FOUND / INVALID_STATE otherwise. */
  async dataset(id: string, field: string): Promise<TrainingDataset> {
    const dataset = await this.datasets.find(id);
    if (!dataset) throw new AppError('NOT_FOUND', `Dataset "${id}" does not exist (${field}).`, { field });
    if (dataset.status !== DatasetStatus.READY)
      throw invalidState(
        `Dataset "${dataset.name}" is ${dataset.status}, not READY: train on a dataset once its upload is complete.`,
        [],
      );
    const declared = (await this.customerSchema.dataSchema()).customer ?? [];
    return { dataset, columns: trainingColumns(dataset.report as DataQualityReport | null, declared) };
  }

  /** A column by name, or VALIDATION_FAILED on `field` listing the dataset's columns. */
  column(source: TrainingDataset, name: string, field: string): TrainingColumn {
    const column = source.columns.find((c) => c.name === name);
    if (!column)
      throw validationFailed([
        {
          field,
          message: `"${name}" is not a column of dataset "${source.dataset.name}"; its columns: ${listed(source.columns.map((c) => c.name))}`,
        },
      ]);
    return column;
  }

  async choices(datasetId: string, targetColumn: string | undefined): Promise<TrainingChoices> {
    const source = await this.dataset(datasetId, 'datasetId');
    const target = targetColumn === undefined ? undefined : this.column(source, targetColumn, 'targetColumn');
    return {
      targets: targetColumns(source.columns).map((c) => ({ column: c.name, values: c.values })),
      predictors: await this.predictors(source, target && { column: target.name }),
      timeColumns: source.columns.filter((c) => c.type === 'date' && !c.hashed).map((c) => c.name),
      rows: source.dataset.rowCount,
    };
  }

  /**
   * Every column but the target, with whether the default selection includes it and why not: our
   * rules first (ids, outcomes, hashed, undeclared fields), then the trainer's on a sample of rows
   * (constant columns, leakage warnings) for the rest.
   */
  async predictors(source: TrainingDataset, target: PredictorTarget | undefined): Promise<PredictorChoice[]> {
    const candidates = source.columns.filter((c) => c.name !== target?.column);
    const usable = candidates.filter((c) => unusableReason(c, target?.column) === undefined);
    const read = [...usable, ...(target ? [source.columns.find((c) => c.name === target.column)!] : [])];
    const suggestions = new Map(
      (await this.suggest(source, read, usable, target)).map((s) => [s.name, s] as const),
    );
    return candidates.map((column): PredictorChoice => {
      const base = { name: column.name, input: column.input ?? '', type: predictorType(column) };
      const reason = unusableReason(column, target?.column);
      if (reason) return { ...base, include: false, reason, warning: null };
      const suggested = suggestions.get(column.name);
      const warning = suggested?.warning ?? null;
      if (!column.declared)
        return {
          ...base,
          include: false,
          reason: `${column.input} is not a declared customer field: decision requests do not carry it (declare it in the customer schema to use it in a strategy)`,
          warning,
        };
      return { ...base, include: suggested?.include ?? true, reason: suggested?.reason ?? null, warning };
    });
  }

  private async suggest(
    source: TrainingDataset,
    read: TrainingColumn[],
    usable: TrainingColumn[],
    target: PredictorTarget | undefined,
  ) {
    if (usable.length === 0) return [];
    const { dataset } = source;
    const n = Math.min(SAMPLE_ROWS, dataset.rowCount);
    const rowNos = Array.from({ length: n }, (_, i) => Math.floor((i * dataset.rowCount) / n));
    const decoder = new TrainingRowDecoder(read);
    const rows = (await this.datasets.rowsByNumberJson(dataset.id, rowNos)).map((row) => decoder.decode(row));
    const fields = usable.map((c) => ({ name: c.name, input: c.input!, type: c.type }));
    // Without a target (no column is named ''), only the checks of the columns themselves apply: constant, too many categories.
    return suggestPredictors(rows, fields, target ?? { column: '' });
  }
}
