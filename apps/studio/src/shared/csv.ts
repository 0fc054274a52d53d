import { csvCell, restoreFormulaText, type CsvCell } from '@arbiter/engine';

/**
 * A small RFC 4180 CSV reader and writer: quoted cells with escaped quotes ("") and line breaks,
 * CRLF or LF, a UTF-8 byte order mark, and a comma or semicolon delimiter (what spreadsheets save).
 * Every CSV the studio writes goes through toCsv, which neutralises spreadsheet formulas.
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
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false; // inside a quoted cell
  let wasQuoted = false; // the current cell was quoted (so an empty line is still a record)

  const endCell = () => {
    cells.push(restoreFormulaText(cell));
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '' || wasQuoted) records.push({ line: start, cells });
    cells = [];
    wasQuoted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
          problems.push({
            line,
            message:
              'text follows a closing quote; put the whole cell in quotes and double the quotes inside it ("")',
          });
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) problems.push({ line: start, message: 'a quoted cell is not closed: a quote (") is missing' });
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return { delimiter, records, problems };
}

// Formula injection is neutralised by the engine's cell writer, shared with the API's streamed exports.
export { csvCell, neutraliseFormula, restoreFormulaText, type CsvCell } from '@arbiter/engine';

/** Rows to CSV text with CRLF line ends; cells are quoted only when needed. */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: Delimiter = ','): string {
  return rows.map((row) => row.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
