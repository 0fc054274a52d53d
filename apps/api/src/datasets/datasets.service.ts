import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DatasetError, importDataset, inspectDataset, type DatasetInspection, type DatasetSource, type ImportedRow } from '@arbiter/datasets';
import type { FieldDefinition } from '@arbiter/engine';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { AppError, badRequest, invalidState, notFound } from '../common/errors';
import { parseInput } from '../common/validation';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CustomerSchemaService } from '../customer-schema/customer-schema.service';
import { Dataset, DatasetStatus } from './dataset.entity';
import { DatasetRowWriter, INSERT_BATCH } from './dataset-rows';

const column = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** What the `X-Dataset-Mapping` header (JSON) may hold: which columns mean what, and the personal ones. */
export const mappingSchema = z
  .object({
    customerId: column.optional(),
    fields: z.array(column).max(2000).optional(),
    loggedAction: z.union([column, z.array(column).min(1).max(5)]).optional(),
    outcome: column.optional(),
    outcomeKind: z.enum(['binary', 'reward']).optional(),
    loggingPropensity: column.optional(),
    segmentColumns: z.array(column).max(20).optional(),
    personal: z.record(column, z.enum(['hash', 'drop'])).optional(),
    /** Type the columns named like declared customer fields as declared (default true). */
    useCustomerSchema: z.boolean().optional(),
  })
  .strict();
export type UploadMapping = z.output<typeof mappingSchema>;

export const uploadParamsSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  format: z.enum(['csv', 'jsonl'], { message: 'use csv or jsonl (or leave it out to detect it)' }).optional(),
});

export interface UploadOptions {
  name: string;
  format?: 'csv' | 'jsonl';
  mapping: UploadMapping;
  totalBytes?: number;
  /** Fields to type the columns with (samples); default: the declared customer schema unless mapping.useCustomerSchema is false. */
  schema?: FieldDefinition[];
  /** Rewrites a row before it is stored (samples: logged action ids of the example catalog). */
  transform?: (row: ImportedRow) => ImportedRow;
}

const PROGRESS_EVERY_MS = 1000;

/** Streams uploads into `dataset_rows` (never the whole file in memory) and keeps the report. */
@Injectable()
export class DatasetsService {
  private readonly logger = new Logger('Datasets');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly customerSchema: CustomerSchemaService,
  ) {}

  private get hashSalt(): string {
    return this.config.datasets.hashSalt ?? createHash('sha256').update(`arbiter-datasets:${this.config.jwt.secret}`).digest('hex');
  }

  parseMapping(header: string | undefined): UploadMapping {
    if (header === undefined || header.trim() === '') return {};
    let json: unknown;
    try {
      json = JSON.parse(header);
    } catch {
      throw new AppError('VALIDATION_FAILED', 'X-Dataset-Mapping must be JSON, e.g. {"outcome":"Y"}.', { details: [{ field: 'mapping', message: 'is not valid JSON' }] });
    }
    return parseInput(mappingSchema, json, 'mapping');
  }

  /** Detected format and suggested fields from the start of a file (the studio sends its first 64 KiB). */
  async inspect(source: DatasetSource): Promise<DatasetInspection> {
    try {
      return await inspectDataset(source);
    } catch (error) {
      if (error instanceof DatasetError) throw badRequest(error.message);
      throw error;
    }
  }

  /**
   * Imports a stream: the dataset is UPLOADING (rowsRead updated about every second) and READY
   * with its report at the end. A bad row is reported, never fatal; a file that cannot be a dataset
   * is FAILED and BAD_REQUEST with the library's explanation.
   */
  async upload(actor: Actor | null, source: DatasetSource, options: UploadOptions): Promise<Dataset> {
    const { personal, useCustomerSchema, ...mapping } = options.mapping;
    const schema = options.schema ?? (useCustomerSchema === false ? undefined : (await this.customerSchema.dataSchema()).customer);
    const inserted = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO datasets (name, format, status, mapping, personal_columns, total_bytes, created_by) VALUES ($1, $2, 'UPLOADING', $3, $4, $5, $6) RETURNING id`,
      [options.name, options.format ?? 'csv', JSON.stringify(mapping), JSON.stringify(personal ?? {}), options.totalBytes ?? null, actor?.id ?? null],
    );
    const id = inserted[0]!.id;
    const writer = new DatasetRowWriter(this.dataSource.manager, id, (mapping.segmentColumns?.length ?? 0) > 0);
    let progress = { rowsRead: 0, bytesRead: 0 };
    let lastUpdate = Date.now();
    try {
      const report = await importDataset(source, {
        ...(options.format && { format: { kind: options.format } }),
        mapping,
        ...(schema?.length && { schema }),
        ...(personal && { personal }),
        hashSalt: this.hashSalt,
        ...(options.totalBytes !== undefined && { totalBytes: options.totalBytes }),
        batchSize: INSERT_BATCH,
        onProgress: (p) => {
          progress = { rowsRead: p.rowsRead, bytesRead: p.bytesRead };
        },
        onRows: async (batch) => {
          await writer.write(options.transform ? batch.map(options.transform) : batch);
          if (Date.now() - lastUpdate >= PROGRESS_EVERY_MS) {
            lastUpdate = Date.now();
            await this.dataSource.query(`UPDATE datasets SET rows_read = $2, bytes_read = $3, row_count = $4, updated_at = now() WHERE id = $1`, [id, progress.rowsRead, progress.bytesRead, writer.rowCount]);
          }
        },
      });
      await writer.finish();
      await this.dataSource.transaction(async (em) => {
        await em.query(`UPDATE datasets SET status = 'READY', format = $2, report = $3, rows_read = $4, bytes_read = $5, row_count = $6, updated_at = now() WHERE id = $1`, [
          id,
          report.format.kind,
          JSON.stringify(report),
          report.rowsRead,
          report.bytesRead,
          writer.rowCount,
        ]);
        await this.audit.append(em, actor, { action: 'dataset.upload', entityType: 'dataset', entityId: id, comment: `${options.name}: ${writer.rowCount} rows kept, ${report.rowsRejected} rejected` });
      });
    } catch (error) {
      await writer.settle();
      const message = error instanceof DatasetError ? error.message : 'The upload stopped before the end of the file.';
      await this.dataSource.query(`DELETE FROM dataset_rows WHERE dataset_id = $1`, [id]);
      await this.dataSource.query(`UPDATE datasets SET status = 'FAILED', error = $2, rows_read = $3, row_count = 0, updated_at = now() WHERE id = $1`, [id, message, progress.rowsRead]);
      if (error instanceof DatasetError) throw new AppError('BAD_REQUEST', message, { datasetId: id, reason: error.code });
      this.logger.warn(`Upload of dataset ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    return this.get(id);
  }

  async get(id: string): Promise<Dataset> {
    const dataset = await this.find(id);
    if (!dataset) throw notFound('Dataset', id);
    return dataset;
  }

  find(id: string): Promise<Dataset | null> {
    return this.dataSource.manager.findOne(Dataset, { where: { id } });
  }

  list(): Promise<Dataset[]> {
    return this.dataSource.manager.find(Dataset, { order: { createdAt: 'DESC' }, take: 200 });
  }

  findByName(name: string): Promise<Dataset | null> {
    return this.dataSource.manager.findOne(Dataset, { where: { name, status: DatasetStatus.READY } });
  }

  /** Deletes a dataset and its rows; simulations keep their results (their dataset becomes null). Not while a simulation runs on it. */
  async delete(actor: Actor, id: string): Promise<Dataset> {
    const dataset = await this.get(id);
    if (dataset.status === DatasetStatus.UPLOADING) throw invalidState(`Dataset "${dataset.name}" is still uploading.`, []);
    const running = await this.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM simulations WHERE dataset_id = $1 AND status IN ('QUEUED','RUNNING')`, [id]);
    if (Number(running[0]!.n) > 0) throw invalidState(`A simulation is running on dataset "${dataset.name}": cancel it first.`, ['cancelSimulation']);
    await this.dataSource.query(`DELETE FROM dataset_rows WHERE dataset_id = $1`, [id]);
    await this.dataSource.transaction(async (em) => {
      await em.query(`DELETE FROM datasets WHERE id = $1`, [id]);
      await this.audit.append(em, actor, { action: 'dataset.delete', entityType: 'dataset', entityId: id, comment: dataset.name });
    });
    return dataset;
  }
}
