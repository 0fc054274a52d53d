import { FIELD_AGES, validateDecisionInput, type FieldDefinition } from '@arbiter/engine';
import { z } from 'zod';
import type { ErrorDetail } from '../common/errors';
import { nonEmptyText } from '../common/validation';

export const MAX_PROFILE_BATCH = 1000;
/** A source clock this far ahead of ours is still believed; further ahead, the update is refused. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const SOURCE_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
const sourceName = z
  .string()
  .regex(
    SOURCE_NAME,
    'must be a declared source name: lower-case letters, digits, _ and -, starting with a letter (at most 64)',
  );
export const customerIdSchema = z
  .union([nonEmptyText(200), z.number().finite()], {
    message: 'is required: the customer id (string or number)',
  })
  .transform(String);
const personalSchema = z.record(
  z.string(),
  z.enum(['hash', 'drop', 'keep'], { message: "must be 'hash', 'drop' or 'keep'" }),
);

const updateShape = {
  source: sourceName.describe('The declared source sending these values (declareProfileSource).'),
  updatedAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T10:00:00Z' })
    .optional()
    .describe(
      "When the source last changed these values (its clock; default: now). Last writer wins by this time: an older one than the stored value's is ignored.",
    ),
  fields: z
    .record(z.string(), z.unknown())
    .describe('Declared customer fields and their values; the others stay as they are.'),
  personal: personalSchema
    .optional()
    .describe(
      "Per field: 'hash' (keyed pseudonym), 'drop' (not stored) or 'keep' (in clear). Fields declared personal are hashed unless 'keep'.",
    ),
};

/** The query of `POST /api/v1/customers:import`: the source, its time, and the file's format (detected when left out). */
export const profileImportParamsSchema = z
  .object({
    source: updateShape.source,
    updatedAt: updateShape.updatedAt,
    format: z
      .enum(['csv', 'jsonl'], { message: 'use csv or jsonl (or leave it out to detect it)' })
      .optional(),
    importId: z
      .uuid({ message: 'must be a UUID that names this import (to ask for its progress)' })
      .optional(),
  })
  .strict();
export type ProfileImportParams = z.output<typeof profileImportParamsSchema>;

export const profileUpdateSchema = z.object(updateShape).strict().meta({ id: 'ProfileUpdate' });
export type ProfileUpdateBody = z.output<typeof profileUpdateSchema>;

export const profileBatchSchema = z
  .object({
    items: z
      .array(z.object({ customerId: customerIdSchema, ...updateShape }).strict())
      .min(1, 'must hold at least one item')
      .max(MAX_PROFILE_BATCH, `must hold at most ${MAX_PROFILE_BATCH} items per call`),
  })
  .strict()
  .meta({ id: 'ProfileBatch' });
export type ProfileBatchBody = z.output<typeof profileBatchSchema>;

const ITEM_KEYS = new Set(['customerId', 'source', 'updatedAt', 'fields', 'personal']);
const TREATMENTS = new Set(['hash', 'drop', 'keep']);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The items of a batch body of the usual shape, checked without zod (a 1,000-item call spends
 * most of its validation time there); undefined when anything is off, so that profileBatchSchema
 * parses the body and names every problem in its own words. Accepts only what the schema accepts
 * and gives what it gives (customer ids trimmed, numbers as text).
 */
export function plainBatchItems(body: unknown): ProfileUpdate[] | undefined {
  if (!isPlainObject(body)) return undefined;
  const items = body['items'];
  if (Object.keys(body).length !== 1 || !Array.isArray(items)) return undefined;
  if (items.length < 1 || items.length > MAX_PROFILE_BATCH) return undefined;
  const out: ProfileUpdate[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (!isPlainObject(item)) return undefined;
    for (const key in item) if (!ITEM_KEYS.has(key)) return undefined;
    const { customerId: id, source, updatedAt, fields, personal } = item;
    let customerId: string;
    if (typeof id === 'string') {
      customerId = id.trim();
      if (customerId.length < 1 || customerId.length > 200) return undefined;
    } else if (typeof id === 'number' && Number.isFinite(id)) customerId = String(id);
    else return undefined;
    if (typeof source !== 'string' || !SOURCE_NAME.test(source)) return undefined;
    if (!isPlainObject(fields) || Object.hasOwn(fields, '__proto__')) return undefined;
    const update: ProfileUpdate = { customerId, source, fields };
    if (updatedAt !== undefined) {
      if (typeof updatedAt !== 'string' || !updateShape.updatedAt.safeParse(updatedAt).success)
        return undefined;
      update.updatedAt = updatedAt;
    }
    if (personal !== undefined) {
      if (!isPlainObject(personal) || Object.hasOwn(personal, '__proto__')) return undefined;
      for (const key in personal) if (!TREATMENTS.has(personal[key] as string)) return undefined;
      update.personal = personal as ProfileUpdate['personal'];
    }
    out[i] = update;
  }
  return out;
}

export interface ProfileUpdate {
  customerId: string;
  source: string;
  updatedAt?: string;
  fields: Record<string, unknown>;
  personal?: Record<string, 'hash' | 'drop' | 'keep'>;
}

/** A source that is not declared, a source time that is not believable. */
export function sourceProblems(
  update: Pick<ProfileUpdate, 'source' | 'updatedAt'>,
  sources: ReadonlySet<string>,
  now: number,
  prefix = '',
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const at = (field: string) => `${prefix}${field}`;
  if (!sources.has(update.source))
    problems.push({
      field: at('source'),
      message: `"${update.source}" is not a declared source; an admin declares it with declareProfileSource`,
    });
  if (update.updatedAt !== undefined) {
    const time = Date.parse(update.updatedAt);
    if (!(new Date(time).getUTCFullYear() >= 1))
      problems.push({ field: at('updatedAt'), message: 'must be a date-time after the year 1' });
    else if (time > now + FUTURE_TOLERANCE_MS)
      problems.push({
        field: at('updatedAt'),
        message:
          'is more than 5 minutes ahead of the server clock; send the time the source changed the values',
      });
  }
  return problems;
}

/**
 * A check of updates compiled once per customer schema and call: true when `updateProblems` would
 * find nothing wrong with the update (the common case, without building a problem list); when it
 * says false, `updateProblems` names the problems. `skip`: fields not to look at (pseudonyms).
 */
export function updateCheck(
  declared: readonly FieldDefinition[],
  sources: ReadonlySet<string>,
  now: number,
): (update: ProfileUpdate, skip?: ReadonlySet<string>) => boolean {
  const valueOk = new Map<string, (value: unknown) => boolean>();
  for (const def of declared) {
    if (def.name === 'id' || def.name === FIELD_AGES) continue;
    const typed = TYPE_CHECKS[def.type];
    if (!typed) continue; // a type the check does not know: updateProblems decides
    const allowed = def.allowedValues && new Set<unknown>(def.allowedValues);
    valueOk.set(def.name, allowed ? (v) => typed(v) && allowed.has(v) : typed);
  }
  return (update, skip) => {
    if (!sources.has(update.source)) return false;
    if (update.updatedAt !== undefined) {
      const time = Date.parse(update.updatedAt);
      if (!(new Date(time).getUTCFullYear() >= 1) || time > now + FUTURE_TOLERANCE_MS) return false;
    }
    const { fields, personal } = update;
    let names = 0;
    for (const name of Object.keys(fields)) {
      names += 1;
      if (skip?.has(name)) continue;
      const ok = valueOk.get(name);
      const value = fields[name];
      if (!ok || value === null || value === undefined || !ok(value)) return false;
    }
    if (names === 0) return false;
    if (personal) for (const name of Object.keys(personal)) if (!Object.hasOwn(fields, name)) return false;
    return true;
  };
}

/** validateDecisionInput's type rules (a value of the wrong type is a problem there). */
const TYPE_CHECKS: Partial<Record<FieldDefinition['type'], (value: unknown) => boolean>> = {
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  list: (v) => Array.isArray(v),
};

/**
 * Every problem of one update, with the same type checks as a decision request (the engine's
 * validateDecisionInput) plus what a store needs: only declared fields, no nulls, a declared source,
 * a believable time. `prefix` is the place in the body (`items[3].`).
 */
export function updateProblems(
  update: ProfileUpdate,
  declared: readonly FieldDefinition[],
  sources: ReadonlySet<string>,
  now: number,
  prefix = '',
): ErrorDetail[] {
  const problems = sourceProblems(update, sources, now, prefix);
  const at = (field: string) => `${prefix}${field}`;
  const names = Object.keys(update.fields);
  if (names.length === 0) problems.push({ field: at('fields'), message: 'must hold at least one field' });
  const known = new Set(declared.map((f) => f.name));
  for (const name of names) {
    const value = update.fields[name];
    if (name === 'id')
      problems.push({
        field: at('fields.id'),
        message: 'the customer id is in the path (or customerId), not a field',
      });
    else if (name === FIELD_AGES)
      problems.push({
        field: at(`fields.${name}`),
        message: 'is computed by the server (the age of each field); do not send it',
      });
    else if (!known.has(name))
      problems.push({ field: at(`fields.${name}`), message: 'is not a declared customer field' });
    else if (value === null || value === undefined)
      problems.push({ field: at(`fields.${name}`), message: 'must have a value (null is not stored)' });
  }
  for (const p of validateDecisionInput({ customer: update.fields }, { customer: [...declared] })) {
    problems.push({ field: at(p.field.replace(/^customer\./, 'fields.')), message: p.message });
  }
  for (const name of Object.keys(update.personal ?? {})) {
    if (!Object.hasOwn(update.fields, name))
      problems.push({ field: at(`personal.${name}`), message: 'names a field this update does not send' });
  }
  return problems;
}
