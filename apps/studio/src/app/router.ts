import { useSyncExternalStore } from 'react';

/** Hash routes: `#/` (strategies) and `#/strategies/<id>` (editor). Works on any static host. */
export type Route = { screen: 'strategies' } | { screen: 'editor'; strategyId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/strategies\/([^/?#]+)/.exec(hash);
  return match ? { screen: 'editor', strategyId: decodeURIComponent(match[1]!) } : { screen: 'strategies' };
}

export function routeHash(route: Route): string {
  return route.screen === 'editor' ? `#/strategies/${encodeURIComponent(route.strategyId)}` : '#/';
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
