import type { ColumnSummary } from '@arbiter/datasets';

/**
 * The data-quality report as the API stores it (libs/datasets DataQualityReport), read
 * defensively from the `report` JSON, and the words and numbers the dataset page shows.
 */

export type { HistogramBin, TopValue } from '@arbiter/datasets';

/** A column's statistics (the library's), its roles and type as stored (words the studio may not know yet). */
export interface ColumnReport extends ColumnSummary {
  name: string;
  roles: string[];
  field?: string;
  type: string;
  personal?: 'hash';
}

export interface RejectedRow {
  line: number;
  column?: string;
  kind: string;
  reason: string;
  value?: string;
}

export interface QualityReport {
  format: { kind: string; encoding?: string; delimiter?: string; notes: string[] };
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
  blankLines: number;
  rejected: RejectedRow[];
  rejectedByReason: Record<string, number>;
  columns: ColumnReport[];
  ignoredColumns: string[];
  droppedColumns: string[];
  warnings: string[];
  durationMs?: number;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);
const scalar = (v: unknown): number | string | undefined =>
  typeof v === 'number' || typeof v === 'string' ? v : undefined;

/** Undefined when there is no report (still uploading, or failed). */
export function readReport(json: unknown): QualityReport | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const r = obj(json);
  const format = obj(r.format);
  return {
    format: {
      kind: typeof format.kind === 'string' ? format.kind : 'csv',
      ...(typeof format.encoding === 'string' && { encoding: format.encoding }),
      ...(typeof format.delimiter === 'string' && { delimiter: format.delimiter }),
      notes: strings(format.notes),
    },
    rowsRead: num(r.rowsRead),
    rowsKept: num(r.rowsKept),
    rowsRejected: num(r.rowsRejected),
    blankLines: num(r.blankLines),
    rejected: list(r.rejected).map((x) => ({
      line: num(x.line),
      ...(typeof x.column === 'string' && { column: x.column }),
      kind: String(x.kind ?? ''),
      reason: String(x.reason ?? ''),
      ...(typeof x.value === 'string' && { value: x.value }),
    })),
    rejectedByReason: Object.fromEntries(
      Object.entries(obj(r.rejectedByReason)).map(([k, v]) => [k, num(v)]),
    ),
    columns: list(r.columns).map((c) => ({
      name: String(c.name ?? ''),
      roles: strings(c.roles),
      ...(typeof c.field === 'string' && { field: c.field }),
      type: String(c.type ?? 'string'),
      ...(c.personal === 'hash' && { personal: 'hash' as const }),
      missing: num(c.missing),
      present: num(c.present),
      distinct: num(c.distinct),
      distinctCapped: c.distinctCapped === true,
      ...(scalar(c.min) !== undefined && { min: scalar(c.min) }),
      ...(scalar(c.max) !== undefined && { max: scalar(c.max) }),
      ...(Array.isArray(c.topValues) && {
        topValues: list(c.topValues).map((t) => ({
          value: typeof t.value === 'boolean' ? t.value : (scalar(t.value) ?? ''),
          count: num(t.count),
        })),
      }),
      ...(Array.isArray(c.histogram) && {
        histogram: list(c.histogram).map((b) => ({ from: num(b.from), to: num(b.to), count: num(b.count) })),
      }),
      ...(c.histogramApproximate === true && { histogramApproximate: true }),
    })),
    ignoredColumns: strings(r.ignoredColumns),
    droppedColumns: strings(r.droppedColumns),
    warnings: strings(r.warnings),
    ...(typeof r.durationMs === 'number' && { durationMs: r.durationMs }),
  };
}

/** Rejection kinds (libs/datasets REJECTION_KINDS) in words. */
const KIND_WORDS: Record<string, string> = {
  'field-count': 'wrong number of values',
  quote: 'text after a closing quote',
  'unterminated-quote': 'quote never closed',
  'too-long': 'value or line too long',
  'invalid-json': 'not valid JSON',
  'too-deep': 'nested too deeply',
  'not-an-object': 'not a JSON object',
  'unexpected-column': 'unexpected column',
  encoding: 'bytes not valid in the encoding',
  'invalid-number': 'not a number',
  'invalid-boolean': 'not true/false',
  'invalid-date': 'not a date',
  'invalid-list': 'not a list',
  'invalid-string': 'not text',
  'not-allowed': 'value not allowed',
  'missing-required': 'required value missing',
  'invalid-outcome': 'outcome not recognised',
  'invalid-propensity': 'propensity not in (0, 1]',
};

export function kindWords(kind: string): string {
  return KIND_WORDS[kind] ?? kind.replace(/-/g, ' ');
}

/** Reasons, most frequent first. */
export function rejectionSummary(report: QualityReport): { kind: string; words: string; count: number }[] {
  return Object.entries(report.rejectedByReason)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, count]) => ({ kind, words: kindWords(kind), count }));
}

const ROLE_WORDS: Record<string, string> = {
  customerId: 'customer id',
  field: 'field',
  loggedAction: 'logged action',
  outcome: 'outcome',
  loggingPropensity: 'logging propensity',
  segment: 'segment',
};

export function columnRoleWords(column: ColumnReport): string {
  const roles = column.roles.filter((r) => r !== 'field').map((r) => ROLE_WORDS[r] ?? r);
  const field = column.field
    ? `customer.${column.field}${column.personal === 'hash' ? ' (hashed)' : ''}`
    : '';
  return [field, ...roles].filter(Boolean).join(', ');
}

/** "12 (3.4 %)" of the rows kept. */
export function missingText(column: ColumnReport): string {
  const total = column.missing + column.present;
  if (column.missing === 0) return 'none';
  const share = total > 0 ? (column.missing / total) * 100 : 0;
  return `${formatCount(column.missing)} (${share < 0.1 ? '<0.1' : share.toFixed(1)} %)`;
}

export function rangeText(column: ColumnReport): string | undefined {
  if (column.min === undefined || column.max === undefined) return undefined;
  return column.min === column.max
    ? String(column.min)
    : `${formatValue(column.min)} – ${formatValue(column.max)}`;
}

function formatValue(v: number | string): string {
  return typeof v === 'number' ? formatCount(v) : v;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** What the API kept of the mapping (`dataset.mapping`), as label → columns. */
export function mappingLines(mapping: unknown): { label: string; value: string }[] {
  const m = obj(mapping);
  const join = (v: unknown) => (Array.isArray(v) ? strings(v).join(' + ') : typeof v === 'string' ? v : '');
  const lines: { label: string; value: string }[] = [
    { label: 'Customer id', value: join(m.customerId) || 'none (rows are told apart by their line)' },
    {
      label: 'Logged action',
      value:
        join(m.loggedAction) ||
        (typeof m.offeredAction === 'string'
          ? `every row was offered ${join(m.offeredActionName) || m.offeredAction}`
          : 'none'),
    },
    {
      label: 'Outcome',
      value: m.outcome
        ? `${join(m.outcome)}${m.outcomeKind === 'reward' ? ' (reward)' : ' (accepted / declined)'}`
        : 'none',
    },
    { label: 'Logging propensity', value: join(m.loggingPropensity) || 'none' },
    { label: 'Segments', value: strings(m.segmentColumns).join(', ') || 'none' },
  ];
  const fields = strings(m.fields);
  lines.push({
    label: 'Customer fields',
    value: fields.length ? `${fields.length} columns` : 'every other column',
  });
  return lines;
}
