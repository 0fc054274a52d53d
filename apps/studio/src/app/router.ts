import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so the studio works on any static host:
 * `#/` strategies · `#/strategies/<id>` editor · `#/strategies/<id>/review` versions and review ·
 * `#/actions` catalog · `#/schema` customer schema · `#/datasets[/<id>]` · `#/simulations[/<id>]`
 * (`#/simulations?version=<id>` opens the start form for that version) · `#/audit` · `#/keys` · `#/users`.
 */
export type Route =
  | { screen: 'strategies' }
  | { screen: 'editor'; strategyId: string }
  | { screen: 'review'; strategyId: string }
  | { screen: 'actions' }
  | { screen: 'schema' }
  | { screen: 'datasets'; datasetId?: string }
  | { screen: 'simulations'; simulationId?: string; versionId?: string }
  | { screen: 'audit' }
  | { screen: 'keys' }
  | { screen: 'users' };

export type Screen = Route['screen'];

const SIMPLE = ['actions', 'schema', 'audit', 'keys', 'users'] as const;

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id, tail] = parts;
  const simple = SIMPLE.find((s) => s === head);
  if (simple && parts.length === 1) return { screen: simple };
  if (head === 'strategies' && id)
    return tail === 'review' ? { screen: 'review', strategyId: id } : { screen: 'editor', strategyId: id };
  if (head === 'datasets') return id ? { screen: 'datasets', datasetId: id } : { screen: 'datasets' };
  if (head === 'simulations') {
    if (id) return { screen: 'simulations', simulationId: id };
    const versionId = new URLSearchParams(query).get('version');
    return versionId ? { screen: 'simulations', versionId } : { screen: 'simulations' };
  }
  return { screen: 'strategies' };
}

export function routeHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.screen) {
    case 'editor':
      return `#/strategies/${e(route.strategyId)}`;
    case 'review':
      return `#/strategies/${e(route.strategyId)}/review`;
    case 'datasets':
      return route.datasetId ? `#/datasets/${e(route.datasetId)}` : '#/datasets';
    case 'simulations':
      if (route.simulationId) return `#/simulations/${e(route.simulationId)}`;
      return route.versionId ? `#/simulations?version=${e(route.versionId)}` : '#/simulations';
    case 'strategies':
      return '#/';
    default:
      return `#/${route.screen}`;
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
