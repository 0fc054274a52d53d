import { useSyncExternalStore } from 'react';

/**
 * Hash routes: `#/` (strategies), `#/strategies/<id>` (editor), `#/strategies/<id>/review`
 * (versions, review, diff) and `#/audit` (audit log). Works on any static host.
 */
export type Route = { screen: 'strategies' } | { screen: 'editor'; strategyId: string } | { screen: 'review'; strategyId: string } | { screen: 'audit' };

export function parseRoute(hash: string): Route {
  if (/^#\/audit(?:[/?#]|$)/.test(hash)) return { screen: 'audit' };
  const match = /^#\/strategies\/([^/?#]+)(\/review)?/.exec(hash);
  if (!match) return { screen: 'strategies' };
  const strategyId = decodeURIComponent(match[1]!);
  return match[2] ? { screen: 'review', strategyId } : { screen: 'editor', strategyId };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'editor':
      return `#/strategies/${encodeURIComponent(route.strategyId)}`;
    case 'review':
      return `#/strategies/${encodeURIComponent(route.strategyId)}/review`;
    case 'audit':
      return '#/audit';
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
