import type { FieldDefinition } from '@arbiter/engine';
import type { ColumnSummary } from './column-stats';
import type { DetectedFormat, FormatOptions } from './detect-format';
import type { PersonalTreatment } from './privacy';
import type { RejectedRow, RejectionKind } from './rejections';

/** Which columns of the file mean what. Every name is a column name as written in the file. */
export interface ColumnMapping {
  customerId?: string;
  /** Columns that become customer fields; default: every column not mapped to the id, action, outcome or propensity. */
  fields?: string[];
  /** The action the logging policy chose; several columns (e.g. coupon and expiry) are joined with `|` into one action id. */
  loggedAction?: string | string[];
  /**
   * The one action every row was offered (a single campaign with a single offer), when no column
   * holds it: the logged action of every row. Not together with `loggedAction`.
   */
  offeredAction?: string;
  /** Binary response to the logged action (see OUTCOME_WORDS). */
  outcome?: string;
  /** `binary` (default): the outcome words, as 1/0. `reward`: any finite number (e.g. revenue). */
  outcomeKind?: 'binary' | 'reward';
  /** Probability with which the logging policy chose the logged action, in (0, 1]: makes off-policy evaluation possible. */
  loggingPropensity?: string;
  /** Columns to break simulation results down by; kept as text in `segments` (they stay customer fields too). */
  segmentColumns?: string[];
  /**
   * Column → the customer field it becomes, where that is not the column's own name (e.g. `Age` →
   * `ageYears`, a declared field, typed as declared). Names are identifiers (see FIELD_NAME).
   */
  fieldNames?: Record<string, string>;
}

export interface ImportedRow {
  /** Physical line in the file where the row starts. */
  line: number;
  customerId?: string;
  /** Typed values keyed by customer field name; a missing value is an absent key. */
  customer: Record<string, unknown>;
  logged?: { actionId: string; outcome: number; propensity?: number };
  segments?: Record<string, string>;
}

export interface ImportProgress {
  bytesRead: number;
  /** As given in the options (e.g. the upload's Content-Length), to show a percentage. */
  totalBytes?: number;
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
  done: boolean;
}

export interface ReadLimits {
  /** Longest value, in characters (default 1 Mi); a longer one rejects its row. */
  maxFieldLength?: number;
  /** Longest row, in characters (default 4 Mi). */
  maxRowLength?: number;
}

export interface InspectOptions extends ReadLimits {
  format?: FormatOptions;
  /** Rows looked at to infer column types (default 5,000). */
  sampleRows?: number;
  /** Texts that mean "no value", compared after trimming spaces (default: only the empty text). */
  missingValues?: string[];
  signal?: AbortSignal;
}

export interface ImportOptions extends InspectOptions {
  mapping?: ColumnMapping;
  /**
   * Field definitions to enforce (types, allowedValues), matched to columns by the column name or
   * the field name derived from it. Columns without one get inferred types; inferred
   * allowedValues are only suggested in the report, never enforced.
   */
  schema?: FieldDefinition[];
  /** Personal columns and what to do with them; schema fields marked `personal` default to 'hash'. */
  personal?: Record<string, PersonalTreatment>;
  /** Secret key for hashing personal columns (at least 16 characters). */
  hashSalt?: string;
  /** Kept rows per `onRows` call (default 1,000). */
  batchSize?: number;
  /** Rejected rows listed in full in the report (default 1,000); all are counted. */
  maxRejectedListed?: number;
  totalBytes?: number;
  onProgress?(progress: ImportProgress): void;
  /**
   * Called once the columns are planned, before any row is handed to `onRows`: what each imported
   * column becomes. Throwing (or rejecting) stops the import there.
   */
  onPlan?(columns: PlannedColumn[]): Promise<void> | void;
  /** Receives the kept rows batch by batch; the import waits for it before reading on (backpressure). */
  onRows(rows: ImportedRow[]): Promise<void> | void;
}

export interface PlannedColumn {
  /** The column's name in the file. */
  name: string;
  roles: ColumnRole[];
  /** The customer field it becomes, when it is one. */
  field?: string;
  /** Its values are keyed pseudonyms (a personal column to hash). */
  hashed: boolean;
}

export type ColumnRole =
  'customerId' | 'field' | 'loggedAction' | 'outcome' | 'loggingPropensity' | 'segment';

export interface ColumnReport extends ColumnSummary {
  /** The column's name in the file. */
  name: string;
  roles: ColumnRole[];
  /** The customer field it became, when it is one. */
  field?: string;
  type: FieldDefinition['type'];
  personal?: 'hash';
}

export interface DataQualityReport {
  format: DetectedFormat;
  /** The file's columns, in order. */
  header: string[];
  /** The customer fields as imported, with allowedValues suggested from the whole file for low-cardinality texts. */
  fields: FieldDefinition[];
  bytesRead: number;
  /** Data rows read (kept + rejected); the header and blank lines are not rows. */
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
  blankLines: number;
  /** The first rejected rows (see maxRejectedListed), one entry per row: its first problem. */
  rejected: RejectedRow[];
  rejectedByReason: Partial<Record<RejectionKind, number>>;
  /** Statistics over the kept rows, for every imported column. */
  columns: ColumnReport[];
  /** Columns not imported because `mapping.fields` left them out. */
  ignoredColumns: string[];
  /** Personal columns dropped at import. */
  droppedColumns: string[];
  warnings: string[];
  durationMs: number;
}
