import type { ProfileFieldView, SourceFieldQuality } from './customers-api';

/** An age in days in words: "today", "3 days", "1.5 years". */
export function ageWords(days: number): string {
  if (days < 1) return 'today';
  if (days < 2) return '1 day';
  if (days < 365) return `${Math.floor(days)} days`;
  return `${Math.round((days / 365) * 10) / 10} years`;
}

/** What the screen shows for a stored value. */
export function valueWords(field: ProfileFieldView): string {
  if (field.hashed) return 'pseudonymised';
  if (field.masked) return 'hidden (personal)';
  return typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
}

/** Stale from this age on, as the quality summary counts it. */
export const isStale = (days: number, staleAfterDays: number) => days > staleAfterDays;

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Fields of a source, least complete first: what needs attention. */
export function byAttention(fields: readonly SourceFieldQuality[]): SourceFieldQuality[] {
  return [...fields].sort(
    (a, b) =>
      a.completeness - b.completeness ||
      b.staleCustomers - a.staleCustomers ||
      a.field.localeCompare(b.field),
  );
}
