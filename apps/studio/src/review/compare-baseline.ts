interface Comparable {
  id: string;
  number: number;
  basedOnVersionId?: string | null;
}

export type BaselineReason = 'cloned-from' | 'published' | 'previous' | 'other';

/**
 * What a version is compared with first: the version it was cloned from, else the one live now,
 * else the previous number (else any other version), and why, in words for the screen.
 */
export function defaultBaseline<V extends Comparable>(
  to: V,
  versions: readonly V[],
  publishedId?: string,
): { version: V; reason: BaselineReason } {
  const other = (id?: string | null) => (id && id !== to.id ? versions.find((v) => v.id === id) : undefined);
  const clonedFrom = other(to.basedOnVersionId);
  if (clonedFrom) return { version: clonedFrom, reason: 'cloned-from' };
  const published = other(publishedId);
  if (published) return { version: published, reason: 'published' };
  const previous = versions
    .filter((v) => v.number < to.number)
    .reduce<V | undefined>((best, v) => (!best || v.number > best.number ? v : best), undefined);
  if (previous) return { version: previous, reason: 'previous' };
  return { version: versions.find((v) => v.id !== to.id)!, reason: 'other' };
}

const REASON_WORDS: Record<Exclude<BaselineReason, 'other'>, string> = {
  'cloned-from': 'the version it was cloned from',
  published: 'the version live now',
  previous: 'the version before it',
};

/** "v3 is compared with v1, the version it was cloned from.", for whichever pair is picked. */
export function comparingWords(
  from: Comparable,
  to: Comparable,
  versions: readonly Comparable[],
  publishedId?: string,
): string {
  const previous = Math.max(...versions.filter((v) => v.number < to.number).map((v) => v.number));
  const reason =
    from.id === to.basedOnVersionId
      ? 'cloned-from'
      : from.id === publishedId
        ? 'published'
        : from.number === previous
          ? 'previous'
          : undefined;
  return `v${to.number} is compared with v${from.number}${reason ? `, ${REASON_WORDS[reason]}` : ''}.`;
}
