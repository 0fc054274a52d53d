/**
 * The one CSV reader and the one CSV writer of the tree, for Node and the browser alike (no Node
 * built-ins behind this module): the dataset import and the studio read with CsvParser (RFC 4180,
 * incremental); the API's exports and the studio write with the engine's csvCell/csvLine, which
 * neutralise spreadsheet formulas. The studio imports this module as `@arbiter/datasets/csv`.
 */
import { CsvParser, type CsvParserOptions, type CsvRecord } from './csv-parser';

export { CsvParser, type CsvParserOptions, type CsvProblemKind, type CsvRecord } from './csv-parser';
export { csvCell, csvLine, neutraliseFormula, restoreFormulaText, type CsvCell } from '@arbiter/engine';

/** Every record of a whole text (a file already read), in order, each with its problem if any. */
export function readCsvText(text: string, options: CsvParserOptions): CsvRecord[] {
  const parser = new CsvParser(options);
  return [...parser.push(text), ...parser.end()];
}

/** The fields of every record of a comma-separated text (header first); a malformed record throws with its line. */
export function readCsvFields(text: string): string[][] {
  return readCsvText(text, { delimiter: ',', quote: '"' }).map((record) => {
    if (record.problem) throw new Error(`CSV line ${record.line}: ${record.problem.message}`);
    return record.fields;
  });
}
