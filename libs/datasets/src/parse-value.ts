import type { FieldDefinition } from '@arbiter/engine';
import type { RejectionKind } from './rejections';
import { readBoolean, readIsoDate, readNumber } from './value-syntax';

/** A value read against its declared type: the typed value, or why it does not fit (never a silent conversion). */
export type TypedValue = { ok: true; value: unknown } | { ok: false; kind: RejectionKind; reason: string };

type Primitive = string | number | boolean;

export const DEFAULT_MISSING_VALUES: readonly string[] = [''];

export type MissingTest = (raw: unknown) => boolean;

/** Absent key, JSON null, or a text that is one of the missing markers once surrounding spaces are trimmed. */
export function missingTest(markers: Iterable<string> = DEFAULT_MISSING_VALUES): MissingTest {
  const set = new Set([...markers].map((m) => m.trim()));
  const onlyEmpty = set.size === 1 && set.has('');
  return (raw) => {
    if (raw === undefined || raw === null) return true;
    if (typeof raw !== 'string') return false;
    if (raw.length === 0) return set.has('');
    // Most values have no surrounding space: skip the trim (and its allocation) for them.
    if (raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32)
      return onlyEmpty ? false : set.has(raw);
    return set.has(raw.trim());
  };
}

const fail = (kind: RejectionKind, reason: string): TypedValue => ({ ok: false, kind, reason });

function describe(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list';
  if (raw !== null && typeof raw === 'object') return 'a nested object (flatten it into separate columns)';
  return `a ${typeof raw}`;
}

export function typeValue(raw: unknown, field: Pick<FieldDefinition, 'type' | 'allowedValues'>): TypedValue {
  const typed = typeByKind(raw, field.type);
  if (!typed.ok || !field.allowedValues || field.allowedValues.length === 0) return typed;
  const items = Array.isArray(typed.value) ? (typed.value as Primitive[]) : [typed.value as Primitive];
  const outside = items.find((item) => !field.allowedValues!.includes(item));
  if (outside === undefined) return typed;
  const allowed = field.allowedValues
    .slice(0, 10)
    .map((v) => JSON.stringify(v))
    .join(', ');
  const which = Array.isArray(typed.value) ? `holds ${JSON.stringify(outside)}, which is` : 'is';
  return fail(
    'not-allowed',
    `${which} not one of the allowed values (${allowed}${field.allowedValues.length > 10 ? ', …' : ''})`,
  );
}

function typeByKind(raw: unknown, type: FieldDefinition['type']): TypedValue {
  switch (type) {
    case 'number':
      return toNumber(raw);
    case 'boolean':
      return toBoolean(raw);
    case 'date':
      return toDate(raw);
    case 'list':
      return toList(raw);
    case 'string':
      return toText(raw);
  }
}

function toNumber(raw: unknown): TypedValue {
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { ok: true, value: raw } : fail('invalid-number', 'is not a finite number');
  if (typeof raw !== 'string') return fail('invalid-number', `is ${describe(raw)}, not a number`);
  const n = readNumber(raw);
  if (n.ok) return { ok: true, value: n.value };
  if (n.problem === 'precision') {
    return fail(
      'invalid-number',
      'has more digits than a number holds exactly (over 15); if it is an identifier, declare the column as string',
    );
  }
  if (n.problem === 'range') return fail('invalid-number', 'is too large to be a number');
  return fail(
    'invalid-number',
    'is not a number (digits with an optional sign, decimal point and exponent, e.g. -12.5 or 3e-4)',
  );
}

function toBoolean(raw: unknown): TypedValue {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (raw === 0 || raw === 1) return { ok: true, value: raw === 1 };
  const b = typeof raw === 'string' ? readBoolean(raw) : undefined;
  return b === undefined
    ? fail('invalid-boolean', 'is not a boolean (true/false, yes/no or 1/0)')
    : { ok: true, value: b };
}

function toDate(raw: unknown): TypedValue {
  const date = typeof raw === 'string' ? readIsoDate(raw) : undefined;
  return date === undefined
    ? fail(
        'invalid-date',
        'is not an ISO 8601 date (YYYY-MM-DD, optionally with a time such as 2024-03-01T09:30:00Z)',
      )
    : { ok: true, value: date };
}

function isPrimitive(v: unknown): v is Primitive {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';
}

/** A JSON array of plain values, or in CSV either `["a","b"]` or `a|b`. */
function toList(raw: unknown): TypedValue {
  let items: unknown = raw;
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (t.startsWith('[')) {
      try {
        items = JSON.parse(t);
      } catch {
        return fail('invalid-list', 'starts with [ but is not a JSON array (e.g. ["a","b"])');
      }
    } else items = t.split('|');
  }
  if (!Array.isArray(items)) return fail('invalid-list', `is ${describe(raw)}, not a list`);
  if (!items.every(isPrimitive))
    return fail(
      'invalid-list',
      'is a list holding lists, objects or nulls; only texts, numbers and booleans can be list items',
    );
  return { ok: true, value: items };
}

function toText(raw: unknown): TypedValue {
  if (typeof raw === 'string') return { ok: true, value: raw };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { ok: true, value: String(raw) };
  return fail('invalid-string', `is ${describe(raw)}, not text`);
}

const POSITIVE_OUTCOMES = new Set(['1', 'true', 'yes', 'accepted', 'clicked', 'converted']);
const NEGATIVE_OUTCOMES = new Set(['0', 'false', 'no', 'declined', 'ignored']);
/** The words an outcome column may hold (any letter case), for documentation and messages. */
export const OUTCOME_WORDS = { positive: [...POSITIVE_OUTCOMES], negative: [...NEGATIVE_OUTCOMES] } as const;

/** A logged outcome: binary (1 for accepted/clicked/converted, 0 for declined/ignored) or, when declared so, a numeric reward. */
export function readOutcome(raw: unknown, kind: 'binary' | 'reward' = 'binary'): TypedValue {
  if (kind === 'reward') {
    const n = toNumber(raw);
    return n.ok
      ? n
      : fail('invalid-outcome', 'is not a number; a reward outcome is a number such as 0, 1 or 12.5');
  }
  if (raw === 0 || raw === 1) return { ok: true, value: raw };
  if (typeof raw === 'boolean') return { ok: true, value: raw ? 1 : 0 };
  if (typeof raw === 'string') {
    const t = raw.trim().toLowerCase();
    if (POSITIVE_OUTCOMES.has(t)) return { ok: true, value: 1 };
    if (NEGATIVE_OUTCOMES.has(t)) return { ok: true, value: 0 };
    const n = readNumber(t);
    if (n.ok && (n.value === 0 || n.value === 1)) return { ok: true, value: n.value };
  }
  return fail(
    'invalid-outcome',
    `is not an outcome: use 1, true, yes, accepted, clicked or converted for a positive response and 0, false, no, declined or ignored for none`,
  );
}

/** The probability with which the logging policy chose the logged action: in (0, 1]. */
export function readPropensity(raw: unknown): TypedValue {
  const n = toNumber(raw);
  if (!n.ok)
    return fail(
      'invalid-propensity',
      'is not a number; a logging propensity is a probability above 0 and at most 1',
    );
  const p = n.value as number;
  if (!(p > 0 && p <= 1))
    return fail(
      'invalid-propensity',
      'is outside (0, 1]; a logging propensity is a probability above 0 and at most 1',
    );
  return n;
}
