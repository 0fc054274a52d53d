import { ByteReader } from './byte-reader';
import type { DatasetSource } from './byte-reader';
import { CsvParser } from './csv-parser';
import { DatasetError } from './dataset-error';
import { createDecoder } from './decode-text';
import type { ChunkDecoder } from './decode-text';
import { DETECTION_SAMPLE_BYTES, detectFormat } from './detect-format';
import type { DetectedFormat, FormatOptions } from './detect-format';
import { JsonlParser } from './jsonl-parser';
import type { RejectionKind } from './rejections';

export interface ReaderOptions {
  format?: FormatOptions;
  maxFieldLength?: number;
  maxRowLength?: number;
  signal?: AbortSignal;
}

/** One row as read, before typing: CSV fields in header order, or a JSON object. */
export interface RawRecord {
  line: number;
  fields?: string[];
  object?: Record<string, unknown>;
  problem?: { kind: RejectionKind; message: string };
}

/** Reads a dataset file into raw records: detects the format from the first bytes, decodes, parses, reads the header. */
export class RecordReader {
  /** CSV: the column names from the header (or `columnNames`). JSON lines: undefined (columns come from the keys). */
  header: string[] | undefined;
  readonly notes: string[];
  private pending: Uint8Array[];
  /** Records that arrived together with the header line, handed out first. */
  private afterHeader: RawRecord[] = [];
  private ended = false;

  private constructor(
    private readonly bytes: ByteReader,
    readonly format: DetectedFormat,
    private readonly decoder: ChunkDecoder,
    private readonly parser: CsvParser | JsonlParser,
    sample: Uint8Array[],
  ) {
    this.notes = [...format.notes];
    this.pending = sample;
  }

  static async open(source: DatasetSource, options: ReaderOptions = {}): Promise<RecordReader> {
    const bytes = new ByteReader(source, options.signal);
    try {
      const sample: Uint8Array[] = [];
      let size = 0;
      let complete = false;
      while (size < DETECTION_SAMPLE_BYTES) {
        const chunk = await bytes.next();
        if (!chunk) {
          complete = true;
          break;
        }
        sample.push(chunk);
        size += chunk.length;
      }
      const format = detectFormat(Buffer.concat(sample), options.format, complete);
      const limits = { maxFieldLength: options.maxFieldLength, maxRowLength: options.maxRowLength };
      const parser =
        format.kind === 'csv'
          ? new CsvParser({ delimiter: format.delimiter!, quote: format.quote ?? null, ...limits })
          : new JsonlParser({ maxRowLength: options.maxRowLength });
      const reader = new RecordReader(bytes, format, createDecoder(format.encoding), parser, sample);
      if (format.kind === 'csv') await reader.readHeader(options.format?.columnNames);
      return reader;
    } catch (error) {
      await bytes.close();
      throw error;
    }
  }

  get bytesRead(): number {
    return this.bytes.bytesRead;
  }

  get blankLines(): number {
    return this.parser.blankLines;
  }

  /** The records completed by the next piece of the file; undefined at the end. */
  async next(): Promise<RawRecord[] | undefined> {
    if (this.afterHeader.length > 0) {
      const records = this.afterHeader;
      this.afterHeader = [];
      return records;
    }
    for (;;) {
      if (this.ended) return undefined;
      const chunk = this.pending.shift() ?? (await this.bytes.next());
      if (chunk) {
        const records: RawRecord[] = this.parser.push(this.decoder.write(chunk));
        if (records.length > 0) return records;
      } else {
        this.ended = true;
        return [...this.parser.push(this.decoder.end()), ...this.parser.end()];
      }
    }
  }

  async close(): Promise<void> {
    this.ended = true;
    await this.bytes.close();
  }

  private async readHeader(columnNames: string[] | undefined): Promise<void> {
    if (columnNames) {
      this.header = checkColumnNames(
        columnNames.map((n) => n.trim()),
        'the column names given',
      );
      return;
    }
    const buffered: RawRecord[] = [];
    while (buffered.length === 0) {
      const records = await this.next();
      if (!records) break;
      buffered.push(...records);
    }
    const first = buffered.shift();
    if (!first)
      throw new DatasetError('empty', 'The file has no lines. Upload a CSV file with a header line.');
    if (first.problem)
      throw new DatasetError('no-header', `The header line could not be read: ${first.problem.message}.`);
    const names = first.fields!.map((cell, i) => {
      const name = cell.trim();
      if (name !== '') return name;
      this.notes.push(`Column ${i + 1} has no name in the header; it is called "column_${i + 1}".`);
      return `column_${i + 1}`;
    });
    this.header = checkColumnNames(names, 'the header line');
    this.afterHeader = buffered;
  }
}

function checkColumnNames(names: string[], where: string): string[] {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new DatasetError(
        'duplicate-column',
        `Columns ${earlier + 1} and ${i + 1} in ${where} are both called "${name}". Give every column a different name and upload again.`,
      );
    }
    if (name === '') throw new DatasetError('invalid-options', `Column ${i + 1} in ${where} has no name.`);
    seen.set(name, i);
  });
  return names;
}
