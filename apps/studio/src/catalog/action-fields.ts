import {
  ACTION_CORE_FIELDS,
  ACTION_ID,
  ACTION_LIMITS,
  ATTRIBUTE_NAME,
  TAG_SEPARATORS,
} from '@arbiter/engine/catalog';
import type { ActionCreate, ActionUpdate, CatalogAction } from './catalog-api';

/**
 * The catalog's fields as a user types them (inline edit, CSV cells): parsing each cell to its value
 * or a reason, the checks across fields, and what an update sends. The rules are the engine's (the
 * API validates with them too); the server stays the judge.
 */

export const ACTION_FIELDS = [...ACTION_CORE_FIELDS, 'attributes'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const FIELD_LABELS: Record<ActionField, string> = {
  id: 'Id',
  name: 'Name',
  group: 'Group',
  channel: 'Channel',
  value: 'Value',
  cost: 'Cost',
  validFrom: 'Valid from',
  validTo: 'Valid to',
  tags: 'Tags',
  attributes: 'Attributes',
};

/** The text of every field, as typed. */
export type ActionDraft = Record<ActionField, string>;
export type FieldErrors = Partial<Record<ActionField, string>>;

/** An action's fields once parsed; null is "not set". */
export interface ActionValues {
  id: string;
  name: string;
  group: string | null;
  channel: string | null;
  value: number | null;
  cost: number | null;
  validFrom: string | null;
  validTo: string | null;
  tags: string[];
  attributes: Record<string, unknown>;
}

/** A new action's values: its id and name, and every other field not set. */
export const newActionValues = (id: string, name: string): ActionValues => ({
  id,
  name,
  group: null,
  channel: null,
  value: null,
  cost: null,
  validFrom: null,
  validTo: null,
  tags: [],
  attributes: {},
});

type Parsed<T> = { value: T; error?: undefined } | { error: string; value?: undefined };

const RESERVED_ATTRIBUTES: readonly string[] = ACTION_FIELDS;

export function parseId(text: string): Parsed<string> {
  const id = text.trim();
  if (!id) return { error: 'is required' };
  if (id.length > ACTION_LIMITS.id) return { error: `must be at most ${ACTION_LIMITS.id} characters` };
  if (!ACTION_ID.test(id)) return { error: 'use letters, digits, "-" and "_" only' };
  return { value: id };
}

export function parseName(text: string): Parsed<string> {
  const name = text.trim();
  if (!name) return { error: 'is required' };
  return name.length > ACTION_LIMITS.name
    ? { error: `must be at most ${ACTION_LIMITS.name} characters` }
    : { value: name };
}

/** Group and channel: optional, short. */
export function parseLabel(text: string): Parsed<string | null> {
  const label = text.trim();
  if (label.length > ACTION_LIMITS.label)
    return { error: `must be at most ${ACTION_LIMITS.label} characters` };
  return { value: label || null };
}

/** An amount (value, cost): optional; accepts a decimal comma ("12,5"). */
export function parseAmount(text: string): Parsed<number | null> {
  const raw = text.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  if (!raw) return { value: null };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw))
    return { error: `"${text.trim()}" is not a number` };
  const n = Number(raw);
  if (!Number.isFinite(n) || Math.abs(n) > ACTION_LIMITS.amount)
    return { error: 'must be between -1e12 and 1e12' };
  return { value: n };
}

/** A date (YYYY-MM-DD, midnight UTC) or a full ISO date-time; returns the ISO string. */
export function parseDate(text: string): Parsed<string | null> {
  const raw = text.trim();
  if (!raw) return { value: null };
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw);
  const date = new Date(dateOnly ? `${raw}T00:00:00.000Z` : raw);
  const real = dateOnly
    ? !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw)
    : dateTime && !Number.isNaN(date.getTime());
  return real ? { value: date.toISOString() } : { error: `"${raw}" is not a date; use YYYY-MM-DD` };
}

/** Tags separated by `separators`; blank ones are dropped. */
export function parseTags(text: string, separators: RegExp = /,/): Parsed<string[]> {
  const tags = text
    .split(separators)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length > ACTION_LIMITS.tags) return { error: `at most ${ACTION_LIMITS.tags} tags` };
  const long = tags.find((t) => t.length > ACTION_LIMITS.label);
  if (long)
    return { error: `the tag "${long.slice(0, 20)}…" is longer than ${ACTION_LIMITS.label} characters` };
  const separator = tags.find((t) => TAG_SEPARATORS.test(t));
  if (separator)
    return { error: `the tag "${separator.slice(0, 20)}" contains , ; or |, which separate tags` };
  const twice = tags.find((t, i) => tags.indexOf(t) !== i);
  return twice ? { error: `lists the tag "${twice}" twice` } : { value: tags };
}

/** Attributes: a JSON object (blank: none). */
export function parseAttributes(text: string): Parsed<Record<string, unknown>> {
  const raw = text.trim();
  if (!raw) return { value: {} };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { error: 'must be a JSON object, e.g. {"segment": "gold"}' };
  }
  return checkAttributes(value);
}

export function checkAttributes(value: unknown): Parsed<Record<string, unknown>> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { error: 'must be a JSON object, e.g. {"segment": "gold"}' };
  for (const key of Object.keys(value)) {
    if (!ATTRIBUTE_NAME.test(key))
      return { error: `the attribute name "${key}" may use letters, digits and _ only` };
    if (RESERVED_ATTRIBUTES.includes(key))
      return { error: `the attribute name "${key}" is taken by a column of its own` };
  }
  if (JSON.stringify(value).length > ACTION_LIMITS.attributesJson)
    return { error: `must be at most ${ACTION_LIMITS.attributesJson} characters as JSON` };
  return { value: value as Record<string, unknown> };
}

/** validTo must not come before validFrom: the error for validTo, if any. */
export function validityError(validFrom: string | null, validTo: string | null): string | undefined {
  return validFrom && validTo && validTo < validFrom ? 'must not be before "valid from"' : undefined;
}

/** Parses every field of a draft; the values only when nothing is wrong. */
export function parseDraft(draft: ActionDraft): { values?: ActionValues; errors: FieldErrors } {
  const parsed = {
    id: parseId(draft.id),
    name: parseName(draft.name),
    group: parseLabel(draft.group),
    channel: parseLabel(draft.channel),
    value: parseAmount(draft.value),
    cost: parseAmount(draft.cost),
    validFrom: parseDate(draft.validFrom),
    validTo: parseDate(draft.validTo),
    tags: parseTags(draft.tags),
    attributes: parseAttributes(draft.attributes),
  };
  const errors: FieldErrors = {};
  for (const field of ACTION_FIELDS) if (parsed[field].error) errors[field] = parsed[field].error;
  const validTo = validityError(parsed.validFrom.value ?? null, parsed.validTo.value ?? null);
  if (validTo && !errors.validTo) errors.validTo = validTo;
  if (Object.keys(errors).length) return { errors };
  const values = Object.fromEntries(
    ACTION_FIELDS.map((f) => [f, parsed[f].value]),
  ) as unknown as ActionValues;
  return { values, errors };
}

export const EMPTY_DRAFT: ActionDraft = {
  id: '',
  name: '',
  group: '',
  channel: '',
  value: '',
  cost: '',
  validFrom: '',
  validTo: '',
  tags: '',
  attributes: '',
};

/** The text of an action's fields, as the inline editor shows them. */
export function draftOf(action: CatalogAction): ActionDraft {
  const attributes = action.attributes && typeof action.attributes === 'object' ? action.attributes : {};
  return {
    id: action.id,
    name: action.name,
    group: action.group ?? '',
    channel: action.channel ?? '',
    value: action.value === null ? '' : String(action.value),
    cost: action.cost === null ? '' : String(action.cost),
    validFrom: dateText(action.validFrom),
    validTo: dateText(action.validTo),
    tags: action.tags.join(', '),
    attributes: Object.keys(attributes).length ? JSON.stringify(attributes) : '',
  };
}

/** YYYY-MM-DD when the time is midnight UTC (what the date inputs hold), else the ISO date-time. */
export function dateText(iso: string | null): string {
  if (!iso) return '';
  const normal = new Date(iso).toISOString();
  return normal.endsWith('T00:00:00.000Z') ? normal.slice(0, 10) : normal;
}

/** The fields whose text differs from the action's: an update sends only those. */
export function editedFields(original: CatalogAction, draft: ActionDraft): ActionField[] {
  const before = draftOf(original);
  return ACTION_FIELDS.filter((f) => f !== 'id' && before[f] !== draft[f]);
}

/** Someone else changed the action: their version with this user's edits on top. */
export function rebaseDraft(draft: ActionDraft, original: CatalogAction, latest: CatalogAction): ActionDraft {
  const rebased = draftOf(latest);
  for (const f of editedFields(original, draft)) rebased[f] = draft[f];
  return rebased;
}

export function createInput(values: ActionValues): ActionCreate {
  return { ...values };
}

export function updateInput(
  values: ActionValues,
  fields: readonly ActionField[],
  expectedRevision: number,
): ActionUpdate {
  const input: ActionUpdate = { expectedRevision };
  for (const f of fields) if (f !== 'id') Object.assign(input, { [f]: values[f] });
  return input;
}

/** "input.attributes.segment" or "input.tags[0]" (a server error detail) → the column it belongs to. */
export function fieldOfDetail(path: string): ActionField | undefined {
  const head = path.replace(/^input\./, '').split(/[.[]/)[0];
  return ACTION_FIELDS.find((f) => f === head);
}

const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
export const formatAmount = (n: number | null) => (n === null ? '' : amountFormat.format(n));

/** Date as shown in the table: the day, or day and time (UTC) when it is not midnight. */
export function formatDate(iso: string | null): string {
  const text = dateText(iso);
  return text.length > 10 ? `${text.slice(0, 16).replace('T', ' ')} UTC` : text;
}
