import { csvLine, readCsvText, restoreFormulaText, type CsvCell } from '@arbiter/datasets/csv';

/**
 * CSV for the studio's imports and exports, on the tree's one reader and writer (@arbiter/datasets/csv):
 * a UTF-8 byte order mark and a comma or semicolon delimiter (what spreadsheets save) are handled
 * here. Every CSV the studio writes goes through toCsv, which neutralises spreadsheet formulas.
 */

export type Delimiter = ',' | ';';

export interface CsvRecord {
  /** The line of the file where the record starts (1-based). */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvTable {
  delimiter: Delimiter;
  records: CsvRecord[];
  problems: CsvProblem[];
}

/** The delimiter of the first line (outside quotes): semicolon if it has more of them than commas. */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(
  input: string,
  delimiter: Delimiter = detectDelimiter(input.replace(/^\uFEFF/, '')),
): CsvTable {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  for (const record of readCsvText(input.replace(/^\uFEFF/, ''), { delimiter, quote: '"' })) {
    records.push({ line: record.line, cells: record.fields.map(restoreFormulaText) });
    if (record.problem) problems.push({ line: record.line, message: record.problem.message });
  }
  return { delimiter, records, problems };
}

export type { CsvCell };

/** Rows to CSV text with CRLF line ends; cells are quoted only when needed. */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: Delimiter = ','): string {
  return rows.map((row) => csvLine(row, delimiter)).join('');
}
