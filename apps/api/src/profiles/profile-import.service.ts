import { Inject, Injectable } from '@nestjs/common';
import {
  DatasetError,
  importDataset,
  type DataQualityReport,
  type DatasetSource,
  type PlannedColumn,
  type RejectedRow,
} from '@arbiter/datasets';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { AppError, validationFailed, type ErrorDetail } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CustomerSchemaService } from '../customer-schema/customer-schema.service';
import type { UploadMapping } from '../datasets/datasets.service';
import { personalDataSalt } from '../datasets/hash-salt';
import { MAX_PROFILE_BATCH, sourceProblems, updateCheck, updateProblems } from './profile-input';
import { ProfileEvents } from './profile-events';
import { ImportChunk, type ProfileImportWriter } from './profile-import.repository';
import { ProfilesRepository, type ProfileImportRow } from './profiles.repository';

/** Mapping keys of a dataset upload that mean nothing to a profile (no logged decisions in a profile). */
const NOT_FOR_PROFILES = [
  'loggedAction',
  'offeredAction',
  'outcome',
  'outcomeKind',
  'loggingPropensity',
  'segmentColumns',
] as const;
const REJECTED_LISTED = 1000;
/**
 * Rows COPYed and merged per transaction: what an import that stops midway has not written at most.
 * The last chunk's merge is the part of the import no parsing overlaps: smaller chunks keep it short
 * (10,000 costs the same per row as 20,000).
 */
export const CHUNK_ROWS = 10_000;

export interface ProfileImportOptions {
  source: string;
  updatedAt?: string;
  format?: 'csv' | 'jsonl';
  mapping: UploadMapping;
  totalBytes?: number;
  /** Names the import: its progress is then recorded, chunk by chunk (GET /api/v1/customers:import/{importId}). */
  importId?: string;
}

export interface ProfileImportResult {
  source: string;
  /** The source time every imported value carries (last writer wins by it). */
  updatedAt: string;
  rowsRead: number;
  /** Rows whose values were upserted (some fields may still have been older than the stored ones). */
  rowsImported: number;
  rowsRejected: number;
  fieldsApplied: number;
  /** Values older than the stored value of the same field, left as they were. */
  fieldsIgnoredAsOlder: number;
  /** The first rejected rows: the file's own problems, then the profile checks'. */
  rejected: RejectedRow[];
  /** The file's data-quality report, as a dataset upload gives it. */
  report: DataQualityReport;
}

/**
 * A dataset file imported as profiles from one declared source: parsed, typed and streamed by the
 * dataset import (@arbiter/datasets, the columns mapped as for simulations, personal columns hashed,
 * dropped or kept), each row upserted by customer id with the checks of `PUT /customers/{id}`.
 * Refused before any write: an undeclared source, a mapping without the id column or with decision
 * columns, a column that would become an undeclared field. A row that fails the checks is rejected
 * and reported, as a dataset upload does; the others are written in chunks of CHUNK_ROWS rows, each
 * chunk its own transaction, on two connections of the import's own while the file is parsed on: a
 * chunk of new customers is COPYed into the profiles, any other is COPYed into a staging table and
 * merged after the chunks before it (ProfileImportWriter). An import that stops midway keeps the
 * chunks written, and importing the file again is harmless (last writer wins).
 */
@Injectable()
export class ProfileImportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly events: ProfileEvents,
    private readonly repository: ProfilesRepository,
    private readonly customerSchema: CustomerSchemaService,
    private readonly audit: AuditService,
  ) {}

  /** How far an import named by the caller's importId is; NOT_FOUND before it started. */
  async progress(importId: string): Promise<ProfileImportRow> {
    const found = await this.repository.importById(importId);
    if (!found) throw new AppError('NOT_FOUND', `No import "${importId}" has started.`);
    return found;
  }

  async import(
    actor: Actor,
    file: DatasetSource,
    options: ProfileImportOptions,
  ): Promise<ProfileImportResult> {
    const [schema, sources] = await Promise.all([
      this.customerSchema.dataSchema(),
      this.repository.sources(),
    ]);
    const declared = schema.customer ?? [];
    const now = Date.now();
    const problems = [
      ...sourceProblems(options, new Set(sources.map((s) => s.name)), now),
      ...mappingProblems(options.mapping),
    ];
    if (problems.length) throw validationFailed(problems);
    const updatedAt = options.updatedAt ?? new Date(now).toISOString();
    const importId = options.importId;
    if (importId && !(await this.repository.startImport(importId, options.source, actor.id)))
      throw new AppError('CONFLICT', `importId "${importId}" already names an import; send a new one.`, {
        field: 'importId',
      });
    const { personal, useCustomerSchema: _typedAsDeclared, ...mapping } = options.mapping;

    const names = new Set(declared.map((f) => f.name));
    let hashed = new Set<string>();
    const onPlan = (columns: PlannedColumn[]): void => {
      const undeclared = columns.filter((c) => c.field !== undefined && !names.has(c.field));
      if (undeclared.length)
        throw validationFailed(
          undeclared.map((c) => ({
            field: 'mapping.fields',
            message: `the column "${c.name}" would become "${c.field}", which is not a declared customer field; leave it out of mapping.fields, rename it with mapping.fieldNames, or declare the field`,
          })),
          'Every imported column must be a declared customer field: nothing was imported.',
        );
      hashed = new Set(columns.filter((c) => c.hashed && c.field).map((c) => c.field!));
    };

    const rejected: RejectedRow[] = [];
    let rowsRejected = 0;
    let rowsImported = 0;
    let fieldsApplied = 0;
    let fieldsIgnoredAsOlder = 0;
    const source = new Set([options.source]);
    const reject = (row: RejectedRow) => {
      rowsRejected += 1;
      if (rejected.length < REJECTED_LISTED) rejected.push(row);
    };
    const at = Date.parse(updatedAt);
    // Progress: rows read by the dataset import, rows in chunks written, rows rejected so far.
    let fileRows = { rowsRead: 0, rowsRejected: 0 };
    let rowsWritten = 0;
    const counts = () => ({
      rowsRead: fileRows.rowsRead,
      rowsImported: rowsWritten,
      rowsRejected: fileRows.rowsRejected + rowsRejected,
    });
    let chunk: [string, Record<string, unknown>][] = [];
    // Two connections take turns: one writes the next chunk while the other writes the one before.
    // A chunk of new customers none of whom is in a chunk still being written goes in at once; any
    // other waits for the chunks before it, so a customer repeated in a later chunk: its later line wins.
    // Once a chunk holds a stored customer (a new extract of known customers), the rest is merged.
    const writers: (ProfileImportWriter | undefined)[] = [undefined, undefined];
    const onWriter: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
    const writing = new Set<ReadonlySet<string>>();
    let written: Promise<unknown> = Promise.resolve();
    let chunks = 0;
    let known = false;
    const flush = async () => {
      const lines = chunk;
      chunk = [];
      if (lines.length === 0) return;
      const turn = chunks++ % 2;
      // Parsing waits while both connections hold a chunk.
      await onWriter[turn];
      const writer = (writers[turn] ??= await this.repository.importWriter());
      const next = new ImportChunk(lines, options.source, at, hashed);
      const ids = next.ids;
      const apart = ![...writing].some((other) => lines.some(([id]) => other.has(id)));
      const before = written;
      writing.add(ids);
      const done = (async () => {
        try {
          const fresh = !known && apart && !next.repeats;
          if (fresh && (await writer.insertNew(next))) fieldsApplied += next.values;
          else {
            if (fresh) known = true;
            const staged = await writer.stage(next);
            try {
              await before;
            } catch (error) {
              await staged.abort();
              throw error;
            }
            const merged = await staged.merge();
            fieldsApplied += merged.applied;
            fieldsIgnoredAsOlder += merged.ignored;
          }
        } finally {
          writing.delete(ids);
        }
        rowsWritten += lines.length;
        if (importId) await this.repository.importProgress(importId, counts());
        // Decisions read the new values at once; a big chunk drops the caches whole (one short message).
        if (ids.size <= MAX_PROFILE_BATCH) this.events.changed([...ids]);
        else this.events.changedAll();
      })();
      done.catch(() => undefined); // thrown by a later chunk or at the end
      onWriter[turn] = done;
      written = Promise.all([before, done]);
      written.catch(() => undefined);
    };
    const closeWriters = async () => {
      await Promise.allSettled(onWriter);
      await Promise.all(writers.map((w) => w?.close()));
      writers.fill(undefined);
    };
    const clean = updateCheck(declared, source, now);
    const onRows = async (
      rows: { line: number; customerId?: string; customer: Record<string, unknown> }[],
    ) => {
      for (const row of rows) {
        // The source and its time were checked once, above. Hashed values are pseudonyms: the types
        // were checked on the clear values by the import.
        const update = { customerId: row.customerId!, source: options.source, fields: row.customer };
        if (!clean(update, hashed)) {
          if (Object.keys(row.customer).length === 0) {
            reject({
              line: row.line,
              kind: 'missing-required',
              reason: 'the row has no value of any imported field',
            });
            continue;
          }
          const clear = Object.fromEntries(Object.entries(row.customer).filter(([f]) => !hashed.has(f)));
          const problem = updateProblems({ ...update, updatedAt, fields: clear }, declared, source, now).find(
            (p) => p.field !== 'fields',
          );
          if (problem) {
            const field = problem.field.replace(/^fields\./, '');
            reject({
              line: row.line,
              column: field,
              kind: 'not-allowed',
              reason: `${field}: ${problem.message}`,
            });
            continue;
          }
        }
        rowsImported += 1;
        chunk.push([row.customerId!, row.customer]);
      }
      if (chunk.length >= CHUNK_ROWS) await flush();
    };

    const record = (comment: string) =>
      this.dataSource.transaction((em) =>
        this.audit.append(em, actor, {
          action: 'profiles.import',
          entityType: 'profileSource',
          entityId: options.source,
          comment,
        }),
      );
    let report: DataQualityReport;
    try {
      report = await importDataset(file, {
        ...(options.format && { format: { kind: options.format } }),
        mapping,
        ...(declared.length && { schema: declared }),
        // The customer id stays in clear even when the schema declares that field personal: decisions look the profile up by it.
        personal: { ...personal, [mapping.customerId!]: 'keep' },
        hashSalt: personalDataSalt(this.config),
        ...(options.totalBytes !== undefined && { totalBytes: options.totalBytes }),
        batchSize: MAX_PROFILE_BATCH,
        maxRejectedListed: REJECTED_LISTED,
        onPlan,
        onRows,
        onProgress: (p) => {
          fileRows = { rowsRead: p.rowsRead, rowsRejected: p.rowsRejected };
        },
      });
      await flush();
      await written;
    } catch (error) {
      await closeWriters();
      if (importId)
        await this.repository.importProgress(importId, counts(), 'stopped').catch(() => undefined);
      // The batches written before the stop stay: the audit trail says so.
      if (fieldsApplied > 0)
        await record(
          `stopped (${error instanceof DatasetError ? error.message : 'the import failed'}); ${fieldsApplied} values written before`,
        );
      if (error instanceof DatasetError)
        throw new AppError('BAD_REQUEST', error.message, { reason: error.code });
      throw error;
    }

    await closeWriters();
    if (importId)
      await this.repository.importProgress(
        importId,
        {
          rowsRead: report.rowsRead,
          rowsImported,
          rowsRejected: report.rowsRejected + rowsRejected,
        },
        'done',
      );
    const result: ProfileImportResult = {
      source: options.source,
      updatedAt,
      rowsRead: report.rowsRead,
      rowsImported,
      rowsRejected: report.rowsRejected + rowsRejected,
      fieldsApplied,
      fieldsIgnoredAsOlder,
      rejected: [...report.rejected, ...rejected].slice(0, REJECTED_LISTED),
      report,
    };
    await record(
      `${result.rowsImported} of ${result.rowsRead} rows imported (${result.fieldsApplied} values written, ${result.fieldsIgnoredAsOlder} older than the stored ones), ${result.rowsRejected} rejected`,
    );
    return result;
  }
}

function mappingProblems(mapping: UploadMapping): ErrorDetail[] {
  const problems: ErrorDetail[] = NOT_FOR_PROFILES.filter((k) => mapping[k] !== undefined).map((k) => ({
    field: `mapping.${k}`,
    message: 'a profile import reads customer fields only (no logged decisions); leave it out',
  }));
  if (mapping.customerId === undefined)
    problems.push({
      field: 'mapping.customerId',
      message: 'is required: the column holding the customer id',
    });
  else if (mapping.personal?.[mapping.customerId] && mapping.personal[mapping.customerId] !== 'keep')
    problems.push({
      field: `mapping.personal.${mapping.customerId}`,
      message: 'the customer id of a profile stays in clear: decisions look the profile up by it',
    });
  if (mapping.useCustomerSchema === false)
    problems.push({
      field: 'mapping.useCustomerSchema',
      message: 'profiles are always typed as the customer schema declares them',
    });
  return problems;
}
