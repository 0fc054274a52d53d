import { ApiError } from '../api/client';
import { errorMessage } from '../shared/error-message';
import {
  ACTION_FIELDS,
  checkAttributes,
  dateText,
  formatAmount,
  newActionValues,
  parseAmount,
  parseAttributes,
  parseDate,
  parseId,
  parseLabel,
  parseName,
  parseTags,
  validityError,
  type ActionField,
  type ActionValues,
} from './action-fields';
import type { ActionCreate, ActionUpdate, CatalogAction, CatalogApi } from './catalog-api';
import { parseCsv, toCsv } from '../shared/csv';

/**
 * Import and export of the catalog as CSV: the columns of ACTION_FIELDS (tags separated by | or ;,
 * attributes as a JSON object) plus optional `attr.<name>` columns, one attribute each.
 */

export interface ImportProblem {
  line: number;
  /** The column, when the problem is in one cell. */
  field?: string;
  message: string;
}

export interface Change {
  field: ActionField;
  before: string;
  after: string;
}

export type ImportRow =
  | { line: number; id: string; kind: 'new'; input: ActionCreate }
  | { line: number; id: string; kind: 'update'; input: ActionUpdate; changes: Change[] }
  | { line: number; id: string; kind: 'unchanged' }
  | { line: number; id: string; kind: 'invalid'; problems: ImportProblem[] };

export interface ImportPreview {
  /** Problems with the file as a whole: nothing can be imported until they are fixed. */
  fileProblems: ImportProblem[];
  /** Columns that are not known: reported, and left out. */
  ignoredColumns: string[];
  rows: ImportRow[];
}

type Column = { field: ActionField } | { attribute: string } | { ignored: string };

const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COLUMN_LIST = `${ACTION_FIELDS.join(', ')} and attr.<name>`;

function readHeader(cells: string[], line: number, fileProblems: ImportProblem[]): Column[] {
  const seen = new Set<string>();
  return cells.map((raw) => {
    const name = raw.trim();
    const field = ACTION_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
    const key = field ?? name;
    if (seen.has(key)) fileProblems.push({ line, field: name, message: 'this column appears twice' });
    seen.add(key);
    if (field) return { field };
    if (name.startsWith('attr.')) {
      const attribute = name.slice(5);
      if (!ATTRIBUTE_NAME.test(attribute) || (ACTION_FIELDS as readonly string[]).includes(attribute)) {
        fileProblems.push({
          line,
          field: name,
          message:
            'an attribute column is attr.<name>, the name in letters, digits and _ (not a column name)',
        });
      }
      return { attribute };
    }
    return { ignored: name };
  });
}

/** An attr.<name> cell: JSON when it reads as JSON (12, true, "text", {...}), else the text itself. */
function attributeValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const stable = (v: unknown): string =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(v ?? null);

/** A field's value as the preview shows it. */
function shown(field: ActionField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field === 'value' || field === 'cost') return formatAmount(value as number);
  if (field === 'validFrom' || field === 'validTo') return dateText(value as string);
  if (field === 'tags') return (value as string[]).join(', ');
  if (field === 'attributes') return Object.keys(value as object).length ? JSON.stringify(value) : '';
  return String(value);
}

function valuesOf(a: CatalogAction): ActionValues {
  const attributes =
    a.attributes && typeof a.attributes === 'object' ? (a.attributes as Record<string, unknown>) : {};
  return {
    ...a,
    validFrom: a.validFrom && new Date(a.validFrom).toISOString(),
    validTo: a.validTo && new Date(a.validTo).toISOString(),
    attributes,
  };
}

export function previewImport(text: string, catalog: readonly CatalogAction[]): ImportPreview {
  const table = parseCsv(text);
  const fileProblems: ImportProblem[] = table.problems.map((p) => ({ line: p.line, message: p.message }));
  const [header, ...records] = table.records;
  if (!header)
    return {
      fileProblems: [
        { line: 1, message: `the file is empty; its first line names the columns: ${COLUMN_LIST}` },
      ],
      ignoredColumns: [],
      rows: [],
    };
  const columns = readHeader(header.cells, header.line, fileProblems);
  const fields = new Set(columns.flatMap((c) => ('field' in c ? [c.field] : [])));
  if (!fields.has('id'))
    fileProblems.push({
      line: header.line,
      message: `the first line has no id column; it names the columns: ${COLUMN_LIST}`,
    });
  const ignoredColumns = columns.flatMap((c) => ('ignored' in c ? [c.ignored] : []));
  if (fileProblems.length) return { fileProblems, ignoredColumns, rows: [] };

  const existing = new Map(catalog.map((a) => [a.id, a]));
  const firstLine = new Map<string, number>();
  const rows = records.map((record) => {
    const row = readRow(record.line, record.cells, columns, existing);
    const seenAt = firstLine.get(row.id);
    if (row.id && seenAt !== undefined) {
      const problem = {
        line: record.line,
        field: 'id',
        message: `appears twice in the file (also on line ${seenAt})`,
      };
      return {
        line: record.line,
        id: row.id,
        kind: 'invalid' as const,
        problems: row.kind === 'invalid' ? [problem, ...row.problems] : [problem],
      };
    }
    if (row.id) firstLine.set(row.id, record.line);
    return row;
  });
  return { fileProblems, ignoredColumns, rows };
}

function readRow(
  line: number,
  cells: string[],
  columns: Column[],
  existing: Map<string, CatalogAction>,
): ImportRow {
  const problems: ImportProblem[] = [];
  if (cells.length !== columns.length) {
    const id = cells[columns.findIndex((c) => 'field' in c && c.field === 'id')]?.trim() ?? '';
    return {
      line,
      id,
      kind: 'invalid',
      problems: [
        { line, message: `has ${cells.length} cells, but the first line names ${columns.length} columns` },
      ],
    };
  }
  const cell = (field: ActionField) => {
    const i = columns.findIndex((c) => 'field' in c && c.field === field);
    return i < 0 ? undefined : cells[i]!;
  };
  const take = <T>(field: ActionField, result: { value?: T; error?: string }): T | undefined => {
    if (result.error !== undefined) problems.push({ line, field, message: result.error });
    return result.value;
  };

  const idResult = parseId(cell('id') ?? '');
  const id = idResult.value ?? (cell('id') ?? '').trim();
  take('id', idResult);
  const before = idResult.value !== undefined ? existing.get(idResult.value) : undefined;
  const base: ActionValues = before ? valuesOf(before) : newActionValues(id, '');
  const next: ActionValues = { ...base, tags: [...base.tags], attributes: { ...base.attributes } };
  const present = new Set<ActionField>();
  const read = <K extends ActionField>(
    field: K,
    parse: (text: string) => { value?: ActionValues[K]; error?: string },
  ) => {
    const text = cell(field);
    if (text === undefined) return;
    present.add(field);
    const value = take(field, parse(text));
    if (value !== undefined) next[field] = value;
  };
  read('name', parseName);
  read('group', parseLabel);
  read('channel', parseLabel);
  read('value', parseAmount);
  read('cost', parseAmount);
  read('validFrom', parseDate);
  read('validTo', parseDate);
  read('tags', (t) => parseTags(t, /[|;]/));
  read('attributes', parseAttributes);
  if (!before && !present.has('name'))
    problems.push({ line, field: 'name', message: 'is required for a new action; add a name column' });

  const attributeCells = columns.flatMap((c, i) =>
    'attribute' in c ? [{ name: c.attribute, text: cells[i]!.trim() }] : [],
  );
  if (attributeCells.length) {
    present.add('attributes');
    for (const { name, text } of attributeCells) {
      if (text === '') delete next.attributes[name];
      else next.attributes[name] = attributeValue(text);
    }
    take('attributes', checkAttributes(next.attributes));
  }
  const validTo = validityError(next.validFrom, next.validTo);
  if (validTo && !problems.some((p) => p.field === 'validTo' || p.field === 'validFrom'))
    problems.push({ line, field: 'validTo', message: validTo });

  if (problems.length) return { line, id, kind: 'invalid', problems };
  if (!before) {
    const input: ActionCreate = { id, name: next.name };
    for (const f of present) if (f !== 'name') Object.assign(input, { [f]: next[f] });
    return { line, id, kind: 'new', input };
  }
  const changes = [...present]
    .filter((f) => stable(next[f]) !== stable(base[f]))
    .map((field) => ({ field, before: shown(field, base[field]), after: shown(field, next[field]) }));
  if (!changes.length) return { line, id, kind: 'unchanged' };
  const input: ActionUpdate = { expectedRevision: before.revision };
  for (const { field } of changes) Object.assign(input, { [field]: next[field] });
  return { line, id, kind: 'update', input, changes };
}

/** The catalog as CSV, with the columns the import reads (so exporting and importing round-trips). */
export function exportCsv(actions: readonly CatalogAction[]): string {
  const rows = actions.map((a) => {
    const v = valuesOf(a);
    return [
      v.id,
      v.name,
      v.group ?? '',
      v.channel ?? '',
      v.value,
      v.cost,
      dateText(v.validFrom),
      dateText(v.validTo),
      v.tags.join('|'),
      Object.keys(v.attributes).length ? JSON.stringify(v.attributes) : '',
    ];
  });
  return toCsv([[...ACTION_FIELDS], ...rows]);
}

export interface ImportSummary {
  created: number;
  updated: number;
  failed: { line: number; id: string; reason: string }[];
  /** The rows of parts that were refused as a whole (nothing of such a part was written). */
  notWritten: number;
  /** What the import did to strategy versions, one line per version. */
  impacts: string[];
}

/** Rows per request: each part is written whole or not at all, and the progress moves per part. */
export const IMPORT_PART = 5000;

/**
 * Writes the new and changed rows, a part at a time, each part in one request and one transaction
 * (the server looks at the strategy versions once per part). A refused part writes nothing; the
 * rows the server names are reported with their line, and the other parts still go ahead.
 */
export async function runImport(
  rows: readonly ImportRow[],
  api: Pick<CatalogApi, 'importActions'>,
  onProgress: (done: number) => void,
): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, updated: 0, failed: [], notWritten: 0, impacts: [] };
  const writable = rows.filter(
    (r): r is Extract<ImportRow, { kind: 'new' | 'update' }> => r.kind === 'new' || r.kind === 'update',
  );
  const impacts = new Map<string, string>();
  let done = 0;
  for (let from = 0; from < writable.length; from += IMPORT_PART) {
    const part = writable.slice(from, from + IMPORT_PART);
    const creates = part.filter((r) => r.kind === 'new');
    const updates = part.filter((r) => r.kind === 'update');
    try {
      const result = await api.importActions(
        creates.map((r) => r.input),
        updates.map((r) => ({ ...r.input, id: r.id })),
      );
      summary.created += result.created;
      summary.updated += result.updated;
      for (const i of result.impacts) impacts.set(i.versionId, i.message);
    } catch (err) {
      summary.notWritten += part.length;
      const named = refusedRows(err, creates, updates);
      if (named.length) summary.failed.push(...named);
      else summary.failed.push(...part.map((r) => ({ line: r.line, id: r.id, reason: errorMessage(err) })));
    }
    done += part.length;
    onProgress(done);
  }
  summary.impacts = [...impacts.values()];
  return summary;
}

/** The rows a refusal names (`input.create[3].id` → the fourth new row), with the server's reason. */
function refusedRows(
  err: unknown,
  creates: readonly ImportRow[],
  updates: readonly ImportRow[],
): ImportSummary['failed'] {
  const details = err instanceof ApiError && Array.isArray(err.details) ? err.details : [];
  return details.flatMap((d: { field?: unknown; message?: unknown }) => {
    const match = typeof d.field === 'string' ? /^input\.(create|update)\[(\d+)\]/.exec(d.field) : null;
    const row = match ? (match[1] === 'create' ? creates : updates)[Number(match[2])] : undefined;
    return row ? [{ line: row.line, id: row.id, reason: String(d.message) }] : [];
  });
}
