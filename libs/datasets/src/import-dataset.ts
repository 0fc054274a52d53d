import { performance } from 'node:perf_hooks';
import type { FieldDefinition } from '@arbiter/engine';
import type { DatasetSource } from './byte-reader';
import { DatasetError } from './dataset-error';
import { fieldNameFor } from './field-name';
import type { ColumnPlan } from './import-plan';
import { planImport } from './import-plan';
import { MAX_SUGGESTED_VALUES, inferColumns } from './infer-types';
import { missingTest } from './parse-value';
import { createPseudonymizer } from './privacy';
import { DEFAULT_SAMPLE_ROWS, cellsOf, columnsOf, readSample, sampleValues } from './read-sample';
import { RecordReader } from './record-reader';
import type { RawRecord } from './record-reader';
import { RejectionLog } from './rejections';
import { RowConverter } from './row-converter';
import type { ColumnReport, DataQualityReport, ImportOptions, ImportProgress, ImportedRow } from './types';

const DEFAULT_BATCH_SIZE = 1_000;
const DEFAULT_REJECTED_LISTED = 1_000;
/** Progress is also reported after this many bytes without a batch (e.g. while every row is rejected). */
const PROGRESS_EVERY_BYTES = 1024 * 1024;
/** Cells typed between two turns of the event loop. */
const CELLS_PER_TURN = 50_000;

/**
 * Streams a CSV or JSON lines file into typed customer rows. Memory holds the sample used for type
 * inference, one batch and the per-column statistics, whatever the file's size; the source is
 * read only as fast as `onRows` resolves. Bad rows are rejected and reported, never fatal; a file
 * that cannot be a dataset (binary, no header, …) or options that do not fit it throw DatasetError.
 */
export async function importDataset(
  source: DatasetSource,
  options: ImportOptions,
): Promise<DataQualityReport> {
  const started = performance.now();
  checkOptions(options);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const reader = await RecordReader.open(source, options);
  try {
    const { rows: firstRows, sample } = await readSample(reader, options.sampleRows ?? DEFAULT_SAMPLE_ROWS);
    const keys = columnsOf(reader, sample);
    const declared = reader.header
      ? []
      : (options.schema ?? [])
          .map((f) => f.name)
          .filter((n) => !keys.some((k) => k === n || fieldNameFor(k) === n));
    const columns = [...keys, ...declared];
    const inferred = inferColumns(columns, sampleValues(sample, columns), {
      missingValues: options.missingValues,
    });
    const plan = planImport(columns, inferred, options);
    await options.onPlan?.(
      plan.columns.map((c) => ({
        name: c.column,
        roles: [...c.roles],
        ...(c.field && { field: c.field.name }),
        hashed: c.hashed,
      })),
    );
    const pseudonymize = plan.columns.some((c) => c.hashed)
      ? createPseudonymizer(options.hashSalt)
      : undefined;
    const encoding = reader.format.encoding;
    const converter = new RowConverter(plan, {
      columns,
      isMissing: missingTest(options.missingValues),
      checkEncoding:
        encoding === 'utf-8' || encoding.startsWith('utf-16') ? encoding.toUpperCase() : undefined,
      pseudonymize,
    });

    const log = new RejectionLog(options.maxRejectedListed ?? DEFAULT_REJECTED_LISTED);
    let rowsRead = 0;
    let rowsKept = 0;
    let batch: ImportedRow[] = [];
    let progressAt = 0;
    const progress = (done: boolean): void => {
      if (!options.onProgress) return;
      progressAt = reader.bytesRead;
      const p: ImportProgress = {
        bytesRead: reader.bytesRead,
        rowsRead,
        rowsKept,
        rowsRejected: log.total,
        done,
      };
      if (options.totalBytes !== undefined) p.totalBytes = options.totalBytes;
      options.onProgress(p);
    };
    const flush = async (): Promise<void> => {
      const rows = batch;
      batch = [];
      await options.onRows(rows);
      progress(false);
    };
    let cellsSinceYield = 0;
    const take = async (records: readonly RawRecord[]): Promise<void> => {
      for (const record of records) {
        rowsRead++;
        // Typing is synchronous: let the server answer other requests now and then (wide files).
        cellsSinceYield += cellsOf(record);
        if (cellsSinceYield >= CELLS_PER_TURN) {
          cellsSinceYield = 0;
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
        }
        const result = converter.convert(record);
        if ('rejected' in result) {
          log.add(result.rejected);
          continue;
        }
        converter.recordStats();
        rowsKept++;
        batch.push(result.row);
        if (batch.length >= batchSize) await flush();
      }
      if (reader.bytesRead - progressAt >= PROGRESS_EVERY_BYTES) progress(false);
    };

    await take(firstRows);
    firstRows.length = 0;
    sample.length = 0;
    for (let records = await reader.next(); records; records = await reader.next()) await take(records);
    if (batch.length > 0) await flush();
    progress(true);

    const warnings = [...reader.notes, ...plan.warnings];
    if (rowsRead === 0) warnings.push('The file has a header but no data rows.');
    return {
      format: reader.format,
      header: [...columns],
      fields: plan.fields.map((f) => suggestAllowedValues(f, plan.columns)),
      bytesRead: reader.bytesRead,
      rowsRead,
      rowsKept,
      rowsRejected: log.total,
      blankLines: reader.blankLines,
      rejected: log.rejected,
      rejectedByReason: log.byKind,
      columns: plan.columns.map(columnReport),
      ignoredColumns: plan.ignored,
      droppedColumns: plan.dropped,
      warnings,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await reader.close();
  }
}

function checkOptions(options: ImportOptions): void {
  if (typeof options.onRows !== 'function')
    throw new DatasetError('invalid-options', 'importDataset needs an onRows callback to receive the rows.');
  for (const key of [
    'batchSize',
    'sampleRows',
    'maxRejectedListed',
    'maxFieldLength',
    'maxRowLength',
  ] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      throw new DatasetError(
        'invalid-options',
        `${key} must be a positive whole number, not ${String(value)}.`,
      );
    }
  }
}

function columnReport(plan: ColumnPlan): ColumnReport {
  const report: ColumnReport = {
    name: plan.column,
    roles: plan.roles,
    type:
      plan.field?.type ??
      (plan.roles.includes('outcome') || plan.roles.includes('loggingPropensity') ? 'number' : 'string'),
    ...plan.stats.summary(),
  };
  if (plan.field) report.field = plan.field.name;
  if (plan.hashed) report.personal = 'hash';
  return report;
}

/** Inferred from the whole file, not just the sample: a text column with few distinct values, each seen at least twice on average. */
function suggestAllowedValues(field: FieldDefinition, plans: readonly ColumnPlan[]): FieldDefinition {
  const plan = plans.find((p) => p.field?.name === field.name);
  if (!plan || plan.declared || plan.hashed || field.type !== 'string') return field;
  const values = plan.stats.distinctValues(MAX_SUGGESTED_VALUES);
  if (!values || values.length === 0 || values.length * 2 > plan.stats.present) return field;
  return { ...field, allowedValues: values.sort() };
}
