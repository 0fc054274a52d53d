/**
 * CSV cells for files people open in a spreadsheet (RFC 4180 quoting), written the same way by the
 * studio's exports and the API's streamed ones.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @, a tab
 * or a carriage return as a formula, and text in our files comes from users and datasets. Such text
 * is written with a leading ' (shown as text, and what a spreadsheet itself saves), in quotes.
 * A plain number (-5, +1.5e3) is no formula and stays a number. Text that already starts with ' before
 * such a character gets one more, so that reading back (restoreFormulaText) gives exactly the text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The text a neutralised cell stands for; other cells unchanged. */
export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** A cell to write: text, a number (written as it is; not finite: empty) or nothing (empty). */
export type CsvCell = string | number | null | undefined;

export function csvCell(value: CsvCell, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return text !== value || /["\r\n]/.test(text) || text.includes(delimiter) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** One record with its CRLF line end; cells are quoted only when needed. */
export function csvLine(cells: readonly CsvCell[], delimiter = ','): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter) + '\r\n';
}
