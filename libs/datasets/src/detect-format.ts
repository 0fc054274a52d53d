import { TextDecoder } from 'node:util';
import { CsvParser } from './csv-parser';
import type { CsvRecord } from './csv-parser';
import { DatasetError } from './dataset-error';
import { ENCODINGS, createDecoder } from './decode-text';
import type { DatasetEncoding } from './decode-text';
import { textKind } from './value-syntax';
import type { TextKind } from './value-syntax';

export type LineEnding = 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';

export interface DetectedFormat {
  kind: 'csv' | 'jsonl';
  encoding: DatasetEncoding;
  /** The file starts with a byte-order mark (it is not part of the data). */
  bom: boolean;
  /** CSV only. */
  delimiter?: string;
  /** CSV only; `null` when quoting is off. */
  quote?: string | null;
  lineEnding: LineEnding;
  /** CSV: whether the first line is the header (false only when `columnNames` were given). */
  header: boolean;
  /** Things the user should know about the detection, e.g. a fallback encoding. */
  notes: string[];
}

/** Every detected value can be chosen instead. */
export interface FormatOptions {
  kind?: 'csv' | 'jsonl';
  encoding?: DatasetEncoding;
  delimiter?: string;
  quote?: string | null;
  /** `true` accepts the first line as the header even if it looks like data (e.g. year columns "2023,2024"). */
  header?: boolean;
  /** For a CSV file without a header: the column names; the first line is then data. */
  columnNames?: string[];
}

/** How much of the file detection looks at. */
export const DETECTION_SAMPLE_BYTES = 64 * 1024;

const DELIMITERS = [',', ';', '\t', '|'] as const;
const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma (,)',
  ';': 'semicolon (;)',
  '\t': 'tab',
  '|': 'pipe (|)',
};
const SAMPLE_RECORDS = 200;
/** Share of the sampled lines that must have as many columns as the header for a delimiter to be taken. */
const MIN_CONSISTENCY = 0.6;

/**
 * Detects how a file is written from its first bytes (`complete` when they are the whole file).
 * Throws a DatasetError with a message for the user when the file cannot be a dataset.
 */
export function detectFormat(
  sample: Uint8Array,
  options: FormatOptions = {},
  complete = false,
): DetectedFormat {
  checkOptions(options);
  if (sample.length === 0) {
    throw new DatasetError(
      'empty',
      'The file is empty. Upload a CSV file with a header line, or a JSON lines file (one JSON object per line).',
    );
  }
  rejectKnownBinary(sample);
  const notes: string[] = [];
  const { encoding, bom } = detectEncoding(sample, options.encoding, notes);
  const decoder = createDecoder(encoding);
  let text = decoder.write(sample) + (complete ? decoder.end() : '');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw binaryFile();
  const lineEnding = detectLineEnding(text);

  const kind = options.kind ?? detectKind(text);
  if (kind === 'jsonl') {
    if (options.kind === 'jsonl') checkFirstJsonLine(text);
    return { kind, encoding, bom, lineEnding, header: false, notes };
  }
  if (text.trim() === '') {
    throw new DatasetError(
      'empty',
      'The file has no lines, only blank space. Upload a CSV file with a header line, or a JSON lines file.',
    );
  }
  const { delimiter, quote, records } = detectDelimiter(text, complete, options, notes);
  const header = options.columnNames === undefined;
  if (header && options.header !== true) checkHeader(records, delimiter);
  return { kind, encoding, bom, delimiter, quote, lineEnding, header, notes };
}

function checkOptions(options: FormatOptions): void {
  if (options.encoding !== undefined && !ENCODINGS.includes(options.encoding)) {
    throw new DatasetError(
      'invalid-options',
      `Unknown encoding "${options.encoding}"; choose one of ${ENCODINGS.join(', ')}.`,
    );
  }
  if (
    options.delimiter !== undefined &&
    (options.delimiter.length !== 1 || /[\r\n"']/.test(options.delimiter))
  ) {
    throw new DatasetError(
      'invalid-options',
      'The delimiter must be one character other than a quote or a line break, e.g. "," ";" "|" or a tab.',
    );
  }
  if (
    options.quote !== undefined &&
    options.quote !== null &&
    (options.quote.length !== 1 || options.quote === options.delimiter)
  ) {
    throw new DatasetError(
      'invalid-options',
      'The quote must be one character different from the delimiter (usually ").',
    );
  }
}

function binaryFile(what = 'a binary file'): DatasetError {
  return new DatasetError(
    'binary',
    `This looks like ${what}, not CSV or JSON lines. Export the data as CSV (UTF-8) or JSON lines and upload that.`,
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function rejectKnownBinary(bytes: Uint8Array): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    throw binaryFile('a ZIP archive or an Excel workbook (.xlsx)');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw binaryFile('an old Excel workbook (.xls)');
  if (startsWith(bytes, [0x1f, 0x8b])) throw binaryFile('a gzip-compressed file; decompress it first. It is');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) throw binaryFile('a PDF document');
  if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) throw binaryFile('a Parquet file');
}

function detectEncoding(
  bytes: Uint8Array,
  chosen: DatasetEncoding | undefined,
  notes: string[],
): { encoding: DatasetEncoding; bom: boolean } {
  const utf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const utf16leBom = startsWith(bytes, [0xff, 0xfe]);
  const utf16beBom = startsWith(bytes, [0xfe, 0xff]);
  if (chosen !== undefined) {
    const bom =
      (chosen === 'utf-8' && utf8Bom) ||
      (chosen === 'utf-16le' && utf16leBom) ||
      (chosen === 'utf-16be' && utf16beBom);
    return { encoding: chosen, bom };
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new DatasetError(
      'encoding',
      'The file is UTF-32 encoded, which is not supported. Save it as UTF-8 and upload it again.',
    );
  }
  if (utf8Bom) return { encoding: 'utf-8', bom: true };
  if (utf16leBom) return { encoding: 'utf-16le', bom: true };
  if (utf16beBom) return { encoding: 'utf-16be', bom: true };

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    notes.push(
      `The file has no byte-order mark but its bytes are laid out as ${utf16.toUpperCase()}; it was read as ${utf16.toUpperCase()}.`,
    );
    return { encoding: utf16, bom: false };
  }
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) throw binaryFile();
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f)
      controls++;
  }
  if (controls > bytes.length * 0.01) throw binaryFile();
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    notes.push(
      'The file is not valid UTF-8, so it was read as Windows-1252 (Latin-1). If accents or symbols look wrong, choose the right encoding, or save the file as UTF-8.',
    );
    return { encoding: 'windows-1252', bom: false };
  }
}

/** Mostly-ASCII text in UTF-16 has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) zeroEven++;
    if (bytes[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.7 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.7 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else if (i + 1 < text.length) cr++;
    } else if (c === 10) lf++;
  }
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n|\r/);
  return end < 0 ? text : text.slice(0, end);
}

function detectKind(text: string): 'csv' | 'jsonl' {
  const start = text.trimStart();
  if (start.startsWith('{')) {
    checkFirstJsonLine(start);
    return 'jsonl';
  }
  if (start.startsWith('[')) {
    let isJson = true;
    try {
      JSON.parse(firstLine(start));
    } catch {
      isJson = false;
    }
    if (isJson || firstLine(start).trim() === '[') {
      throw new DatasetError(
        'not-json-lines',
        'This looks like a JSON array. Upload JSON lines instead (one JSON object per line, no surrounding [ ]), or CSV.',
      );
    }
  }
  return 'csv';
}

function checkFirstJsonLine(text: string): void {
  const line = firstLine(text.trimStart());
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new DatasetError(
      'not-json-lines',
      'The first line is not a complete JSON object. If this is one JSON document spread over several lines, convert it to JSON lines: each line one complete object, e.g. {"id": 1, "age": 42}.',
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DatasetError(
      'not-json-lines',
      'The first line is not a JSON object. In JSON lines each line is one object, e.g. {"id": 1, "age": 42}.',
    );
  }
}

interface Candidate {
  delimiter: string;
  quote: string | null;
  records: CsvRecord[];
  columns: number;
  consistency: number;
}

function sampleRecords(
  text: string,
  complete: boolean,
  delimiter: string,
  quote: string | null,
): CsvRecord[] {
  const parser = new CsvParser({ delimiter, quote });
  const records = parser.push(text);
  if (complete) records.push(...parser.end());
  return records.slice(0, SAMPLE_RECORDS);
}

function evaluate(text: string, complete: boolean, delimiter: string, quote: string | null): Candidate {
  const records = sampleRecords(text, complete, delimiter, quote);
  const clean = records.filter((r) => !r.problem);
  const headerColumns = records[0]?.fields.length ?? 0;
  const consistent = clean.filter((r) => r.fields.length === headerColumns).length;
  return {
    delimiter,
    quote,
    records,
    columns: headerColumns,
    consistency: clean.length === 0 ? 0 : consistent / clean.length,
  };
}

function detectDelimiter(
  text: string,
  complete: boolean,
  options: FormatOptions,
  notes: string[],
): { delimiter: string; quote: string | null; records: CsvRecord[] } {
  if (!complete) {
    // Without a newline in the sample there is no complete record to look at; parse the sample as if it were all.
    if (!/[\r\n]/.test(text)) complete = true;
  }
  const quotes: (string | null)[] =
    options.quote !== undefined ? [options.quote] : text.includes("'") ? ['"', "'"] : ['"'];
  const all: Candidate[] = [];
  for (const d of DELIMITERS) for (const q of quotes) if (q !== d) all.push(evaluate(text, complete, d, q));
  // Bad rows are normal in real files (that is what the import reports); a wrong delimiter is far less consistent.
  const usable = all.filter((c) => c.columns > 1 && c.consistency >= MIN_CONSISTENCY);
  usable.sort((a, b) => b.consistency - a.consistency || b.columns - a.columns);
  const best = usable[0];

  if (options.delimiter !== undefined) {
    const quote =
      options.quote !== undefined ? options.quote : best?.delimiter === options.delimiter ? best.quote : '"';
    const chosen = evaluate(text, complete, options.delimiter, quote);
    if (
      best &&
      best.delimiter !== options.delimiter &&
      (chosen.columns <= 1 || chosen.consistency < MIN_CONSISTENCY)
    ) {
      throw new DatasetError(
        'delimiter',
        `With the ${name(options.delimiter)} as delimiter the lines ${chosen.columns <= 1 ? 'have a single column' : 'have different numbers of columns'}, but the file looks ${name(best.delimiter)}-separated (${best.columns} columns on every line). Choose the ${name(best.delimiter)} as delimiter.`,
      );
    }
    return { delimiter: options.delimiter, quote, records: chosen.records };
  }
  if (best) return { delimiter: best.delimiter, quote: best.quote, records: best.records };

  const comma = all.find(
    (c) => c.delimiter === ',' && c.quote === (options.quote !== undefined ? options.quote : '"'),
  )!;
  if (all.every((c) => c.columns <= 1 && c.consistency >= MIN_CONSISTENCY)) {
    notes.push(
      'No delimiter (comma, semicolon, tab or |) was found, so the file was read as a single column.',
    );
    return { delimiter: ',', quote: comma.quote, records: comma.records };
  }
  throw new DatasetError(
    'delimiter',
    `Could not tell how the columns are separated: with a comma, semicolon, tab or | as delimiter, the first ${Math.min(comma.records.length, SAMPLE_RECORDS)} lines do not all have the same number of columns as the header. Check that the file is CSV with a header line, or choose the delimiter and quote character.`,
  );
}

function name(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`;
}

/**
 * A header line is required. The first line is data, not names, when one of its cells is a
 * number, date or boolean like the cells below it and no cell stands out from its column.
 */
function checkHeader(records: CsvRecord[], delimiter: string): void {
  const first = records[0];
  if (!first || first.problem) return;
  const rest = records.slice(1).filter((r) => !r.problem && r.fields.length === first.fields.length);
  let dataLike: { column: number; value: string } | undefined;
  let headerLike = false;
  for (const [column, cell] of first.fields.entries()) {
    const top = textKind(cell);
    if (top === 'missing') continue;
    const below = columnKind(rest.map((r) => r.fields[column]!));
    if (top !== 'text' && (below === top || below === 'missing')) dataLike ??= { column, value: cell };
    else if (below !== 'mixed' && below !== 'missing' && below !== top) headerLike = true;
  }
  if (dataLike && !headerLike) {
    const shown = dataLike.value.length > 40 ? `${dataLike.value.slice(0, 40)}…` : dataLike.value;
    throw new DatasetError(
      'no-header',
      `The first line looks like data, not column names (column ${dataLike.column + 1} holds "${shown}"${rest.length > 0 ? ', like the lines below it' : ''}). Add a header line naming each column, separated by ${name(delimiter)}, as the first line and upload again.`,
    );
  }
}

function columnKind(values: string[]): TextKind | 'mixed' {
  let kind: TextKind = 'missing';
  for (const v of values) {
    const k = textKind(v);
    if (k === 'missing') continue;
    if (kind === 'missing') kind = k;
    else if (k !== kind) return 'mixed';
  }
  return kind;
}
