// Public API of @arbiter/datasets: streaming import of historical customer datasets (CSV, JSON lines).
export { importDataset } from './import-dataset';
export { inspectDataset, type DatasetInspection } from './inspect-dataset';
export {
  detectFormat,
  DETECTION_SAMPLE_BYTES,
  type DetectedFormat,
  type FormatOptions,
  type LineEnding,
} from './detect-format';
export { CsvParser, type CsvParserOptions, type CsvRecord, type CsvProblemKind } from './csv-parser';
export { readCsvFields, readCsvText } from './csv';
export { JsonlParser, MAX_ROW_DEPTH, type JsonlRecord, type JsonlProblemKind } from './jsonl-parser';
export { MAX_COLUMNS } from './read-sample';
export { escapeUnstorable, unstorableCharacter } from './storable-text';
export {
  inferColumns,
  inferFields,
  MAX_SUGGESTED_VALUES,
  type InferredColumn,
  type InferOptions,
} from './infer-types';
export { typeValue, readOutcome, readPropensity, OUTCOME_WORDS, type TypedValue } from './parse-value';
export { fieldNameFor, fieldNamesFor } from './field-name';
export { DatasetError, type DatasetErrorCode } from './dataset-error';
export { REJECTION_KINDS, type RejectionKind, type RejectedRow } from './rejections';
export { EXACT_DISTINCT_LIMIT, type ColumnSummary, type HistogramBin, type TopValue } from './column-stats';
export { ENCODINGS, type DatasetEncoding } from './decode-text';
export type { DatasetSource } from './byte-reader';
export type { PersonalTreatment } from './privacy';
export type * from './types';
