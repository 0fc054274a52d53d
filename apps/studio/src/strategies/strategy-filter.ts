import type { StrategySummary, VersionStatus } from './strategy-source';

export type StatusFilter = 'all' | VersionStatus;

/**
 * Strategies whose name or description contains every word of the search (any case), and that have
 * a version in the chosen status (a strategy with a live version and a new draft is both).
 */
export function filterStrategies(
  strategies: readonly StrategySummary[],
  search: string,
  status: StatusFilter,
): StrategySummary[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return strategies.filter((s) => {
    const text = `${s.name} ${s.description ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w)) && (status === 'all' || s.statuses.includes(status));
  });
}
