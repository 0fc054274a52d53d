import type { DataSchema, FieldDefinition } from '../catalog/fields';
import { OUTCOMES } from './types';

/** A problem with a decision request, tied to the field a caller must fix (e.g. `customer.age`). */
export interface InputProblem {
  field: string;
  message: string;
}

const MAX_HISTORY = 10_000;

/**
 * Checks a decision input against the declared customer and context fields before deciding, so a
 * caller gets every problem at once instead of a decision made on wrong data. Undeclared fields
 * are allowed (strategies only read declared ones when a schema is given).
 */
export function validateDecisionInput(input: unknown, schema: DataSchema = {}): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!isObject(input))
    return [
      {
        field: '',
        message: 'the request must be an object with "customer" (and optionally "context" and "history")',
      },
    ];
  if (!isObject(input.customer))
    problems.push({ field: 'customer', message: "must be an object with the customer's fields" });
  else checkFields(input.customer, schema.customer, 'customer', problems);
  if (input.context !== undefined) {
    if (!isObject(input.context)) problems.push({ field: 'context', message: 'must be an object' });
    else {
      checkFields(
        input.context,
        schema.context?.filter((f) => f.name !== 'now'),
        'context',
        problems,
      );
      const now = input.context.now;
      if (now !== undefined && !isStorableTime(now)) {
        problems.push({
          field: 'context.now',
          message: 'must be an ISO 8601 date-time between the years 1 and 9999, e.g. 2026-11-23T10:00:00Z',
        });
      }
    }
  }
  if (input.history !== undefined) checkHistory(input.history, problems);
  return problems;
}

/** The years a decision time may fall in: what every store of decisions (PostgreSQL timestamps, four-digit ISO years) keeps as given. */
export const STORABLE_YEARS = { first: 1, last: 9999 } as const;
// setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
const yearStart = (year: number) => new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(year);
const EARLIEST = yearStart(STORABLE_YEARS.first);
const LATEST = yearStart(STORABLE_YEARS.last + 1) - 1;

function isStorableTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const time = Date.parse(value);
  return time >= EARLIEST && time <= LATEST;
}

function checkFields(
  values: Record<string, unknown>,
  declared: FieldDefinition[] | undefined,
  prefix: string,
  problems: InputProblem[],
) {
  for (const def of declared ?? []) {
    const value = values[def.name];
    if (value === undefined || value === null) continue;
    const field = `${prefix}.${def.name}`;
    const typeProblem = wrongType(def, value);
    if (typeProblem) {
      problems.push({ field, message: typeProblem });
      continue;
    }
    if (def.allowedValues && !def.allowedValues.some((allowed) => allowed === value)) {
      problems.push({
        field,
        message: `${JSON.stringify(value)} is not one of the allowed values: ${def.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
      });
    }
  }
}

function wrongType(def: FieldDefinition, value: unknown): string | undefined {
  switch (def.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `must be a number, got ${JSON.stringify(value)}`;
    case 'string':
      return typeof value === 'string' ? undefined : `must be text, got ${JSON.stringify(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false, got ${JSON.stringify(value)}`;
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? undefined
        : `must be an ISO 8601 date, got ${JSON.stringify(value)}`;
    case 'list':
      return Array.isArray(value) ? undefined : `must be a list, got ${JSON.stringify(value)}`;
  }
}

function checkHistory(history: unknown, problems: InputProblem[]) {
  if (!Array.isArray(history)) {
    problems.push({ field: 'history', message: 'must be a list of interactions { actionId, outcome, at }' });
    return;
  }
  if (history.length > MAX_HISTORY) {
    problems.push({
      field: 'history',
      message: `holds ${history.length} interactions; send at most ${MAX_HISTORY} (the most recent)`,
    });
    return;
  }
  history.forEach((item, i) => {
    const at = `history[${i}]`;
    if (!isObject(item)) {
      problems.push({ field: at, message: 'must be an object { actionId, outcome, at }' });
      return;
    }
    if (typeof item.actionId !== 'string' || item.actionId === '')
      problems.push({ field: `${at}.actionId`, message: 'must be the id of an action' });
    if (!(OUTCOMES as readonly unknown[]).includes(item.outcome))
      problems.push({ field: `${at}.outcome`, message: `must be one of ${OUTCOMES.join(', ')}` });
    if (typeof item.at !== 'string' || Number.isNaN(Date.parse(item.at)))
      problems.push({ field: `${at}.at`, message: 'must be an ISO 8601 date-time' });
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
