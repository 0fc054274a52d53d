import { DatasetError } from './dataset-error';
import type { RawRecord, RecordReader } from './record-reader';

export const DEFAULT_SAMPLE_ROWS = 5_000;
/** The sample also stops after this many bytes, so a file of very wide rows cannot fill memory with it. */
export const MAX_SAMPLE_BYTES = 16 * 1024 * 1024;
/** …and after this many cells: type inference over the sample runs in one go, so wide files get fewer sample rows. */
export const MAX_SAMPLE_CELLS = 500_000;

/**
 * The first rows of the file, held while column types are inferred and imported afterwards.
 * `rows` may run a little past `sampleRows` (records come a chunk at a time); `sample` does not.
 */
export async function readSample(
  reader: RecordReader,
  sampleRows: number,
): Promise<{ rows: RawRecord[]; sample: RawRecord[] }> {
  const rows: RawRecord[] = [];
  let cells = 0;
  let sampled = 0;
  while (rows.length < sampleRows && reader.bytesRead < MAX_SAMPLE_BYTES && cells < MAX_SAMPLE_CELLS) {
    const records = await reader.next();
    if (!records) break;
    for (const r of records) {
      rows.push(r);
      if (cells < MAX_SAMPLE_CELLS && sampled < sampleRows) {
        cells += cellsOf(r);
        sampled++;
      }
    }
  }
  return { rows, sample: rows.slice(0, sampled) };
}

/** How many values a record holds (its fields, or its object's keys). */
export function cellsOf(record: RawRecord): number {
  return record.fields?.length ?? (record.object ? Object.keys(record.object).length : 1);
}

/**
 * The columns: the CSV header, or for JSON lines every key of the sample in order of first
 * appearance followed by `extra` names (schema fields and mapped columns) not seen there.
 */
export function columnsOf(
  reader: RecordReader,
  sample: readonly RawRecord[],
  extra: readonly string[] = [],
): string[] {
  const seen = new Set<string>(reader.header ?? []);
  if (!reader.header) {
    for (const r of sample) if (r.object) for (const key of Object.keys(r.object)) seen.add(key);
    for (const name of extra) seen.add(name);
  }
  if (seen.size > MAX_COLUMNS)
    throw new DatasetError(
      'too-many-columns',
      `The file has ${seen.size} columns; at most ${MAX_COLUMNS} are supported. Leave out the columns no strategy reads.`,
    );
  return reader.header ?? [...seen];
}

/** Columns one file may have: the import types every cell, and wider rows would hold the server up. */
export const MAX_COLUMNS = 2_000;

/** Sample values in column order, from the rows that parsed cleanly. */
export function* sampleValues(
  sample: readonly RawRecord[],
  columns: readonly string[],
): Generator<readonly unknown[]> {
  for (const r of sample) {
    if (r.problem) continue;
    if (r.fields) {
      if (r.fields.length === columns.length) yield r.fields;
    } else if (r.object) {
      const object = r.object;
      yield columns.map((c) => object[c]);
    }
  }
}
