import { FIELD_AGES, validateDecisionInput, type DataSchema } from '@arbiter/engine';
import type { ErrorDetail } from '../common/errors';
import type { StoredProfile } from './profile-cache';

const DAY_MS = 86_400_000;

/** Where a customer field of a decision came from. */
export type FieldOrigin =
  | { field: string; from: 'request' }
  | { field: string; from: 'profile'; source: string; updatedAt: string; ageDays: number };

/** A caller may not send `customer._age`: the server computes it. */
export function reservedFieldProblems(customer: Record<string, unknown>, prefix: string): ErrorDetail[] {
  return Object.hasOwn(customer, FIELD_AGES)
    ? [
        {
          field: `${prefix}customer.${FIELD_AGES}`,
          message: 'is computed by the server (the age of each field in days); do not send it',
        },
      ]
    : [];
}

/**
 * The customer a strategy sees: the stored profile, then every field the request sends with a
 * value (the request wins, field by field; a null in the request leaves the profile's value), plus
 * `_age`: each field's age in days at the decision time (0 for the request's fields). A stored
 * value that no longer fits the schema the version decides with (a field's type changed since) is
 * left out. `origins` covers the fields listed in `reads` (all of them when it lists `_age`); with
 * `reads` null (nobody asked for an explanation) it is not made.
 */
export function customerWithProfile(
  customer: Record<string, unknown>,
  profile: StoredProfile,
  decidedAt: number,
  schema: DataSchema,
  reads: readonly string[] | null,
): { customer: Record<string, unknown>; origins: FieldOrigin[] } {
  let fromProfile: Record<string, unknown> | undefined;
  for (const field of Object.keys(profile.values)) {
    if (customer[field] === undefined || customer[field] === null)
      (fromProfile ??= {})[field] = profile.values[field];
  }
  if (fromProfile) {
    for (const problem of validateDecisionInput({ customer: fromProfile }, schema))
      delete fromProfile[problem.field.replace(/^customer\./, '')];
  }
  const ages: Record<string, number> = {};
  const merged: Record<string, unknown> = { ...fromProfile };
  for (const field of Object.keys(customer)) {
    const value = customer[field];
    if (value === undefined || value === null) continue;
    merged[field] = value;
    if (field !== 'id') ages[field] = 0;
  }
  if (fromProfile)
    for (const field of Object.keys(fromProfile))
      ages[field] = Math.max(0, (decidedAt - profile.updated[field]!.at) / DAY_MS);
  merged[FIELD_AGES] = ages;
  const origins: FieldOrigin[] = [];
  if (!reads) return { customer: merged, origins };
  // A strategy reading ages (`_age.x`) reads where every field came from.
  for (const field of reads.includes(FIELD_AGES)
    ? [...new Set([...reads, ...Object.keys(ages)])].sort()
    : reads) {
    if (field === 'id' || field === FIELD_AGES || !(field in ages)) continue;
    if (!fromProfile || !Object.hasOwn(fromProfile, field)) origins.push({ field, from: 'request' });
    else {
      const { source, at } = profile.updated[field]!;
      origins.push({
        field,
        from: 'profile',
        source,
        updatedAt: new Date(at).toISOString(),
        ageDays: round(ages[field]!),
      });
    }
  }
  return { customer: merged, origins };
}

/** The origins in words, for a decision's explanation; nothing when every field came with the request. */
export function describeOrigins(origins: readonly FieldOrigin[]): string[] {
  if (!origins.some((o) => o.from === 'profile')) return [];
  return [
    'Customer data used:',
    ...origins.map((o) =>
      o.from === 'request'
        ? `  ${o.field}: from the request`
        : `  ${o.field}: from source "${o.source}", updated ${o.updatedAt} (${o.ageDays} days before the decision)`,
    ),
  ];
}

const round = (days: number) => Math.round(days * 1000) / 1000;
