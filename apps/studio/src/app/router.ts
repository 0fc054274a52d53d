import { useSyncExternalStore } from 'react';
import type { VersionStatus } from '../strategies/strategy-source';
import { VERSION_STATUS_WORDS } from '../strategies/version-status';

/**
 * Hash routes, so the studio works on any static host:
 * `#/` home: each user's landing screen (landing.ts) · `#/strategies[?status=<version status>]` the
 * strategies list (only those with a version in that status) · `#/strategies/<id>` editor ·
 * `#/strategies/<id>/review[?version=<id>]` versions and review (opened on that version) ·
 * `#/strategies/<id>/experiments` its split steps' experiments ·
 * `#/reviews` the reviewer's queue ·
 * `#/actions` catalog · `#/schema` customer schema · `#/datasets[/<id>]` · `#/simulations[/<id>]`
 * (`#/simulations?version=<id>` opens the start form for that version) · `#/models[/<id>]`
 * (`?version=<id>` shows that version's report, `?compare=<a>&with=<b>` compares two versions;
 * `#/models/<id>/trainings/<job id>` follows a training) · `#/customers` · `#/audit` · `#/keys` · `#/users`.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'strategies'; status?: VersionStatus }
  | { screen: 'editor'; strategyId: string }
  | { screen: 'review'; strategyId: string; versionId?: string }
  | { screen: 'experiments'; strategyId: string }
  | { screen: 'reviews' }
  | { screen: 'actions' }
  | { screen: 'schema' }
  | { screen: 'datasets'; datasetId?: string }
  | { screen: 'simulations'; simulationId?: string; versionId?: string }
  | {
      screen: 'models';
      modelId?: string;
      versionId?: string;
      compare?: [string, string];
      trainingId?: string;
    }
  | { screen: 'customers' }
  | { screen: 'audit' }
  | { screen: 'keys' }
  | { screen: 'users' };

export type Screen = Route['screen'];

const SIMPLE = ['reviews', 'actions', 'schema', 'customers', 'audit', 'keys', 'users'] as const;

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id, tail] = parts;
  if (parts.length === 0) return { screen: 'home' };
  const simple = SIMPLE.find((s) => s === head);
  if (simple && parts.length === 1) return { screen: simple };
  if (head === 'strategies' && id) {
    if (tail === 'experiments') return { screen: 'experiments', strategyId: id };
    if (tail !== 'review') return { screen: 'editor', strategyId: id };
    const versionId = new URLSearchParams(query).get('version');
    return versionId ? { screen: 'review', strategyId: id, versionId } : { screen: 'review', strategyId: id };
  }
  if (head === 'strategies') {
    const status = new URLSearchParams(query).get('status');
    return isVersionStatus(status) ? { screen: 'strategies', status } : { screen: 'strategies' };
  }
  if (head === 'datasets') return id ? { screen: 'datasets', datasetId: id } : { screen: 'datasets' };
  if (head === 'simulations') {
    if (id) return { screen: 'simulations', simulationId: id };
    const versionId = new URLSearchParams(query).get('version');
    return versionId ? { screen: 'simulations', versionId } : { screen: 'simulations' };
  }
  if (head === 'models') return modelsRoute(id, parts, new URLSearchParams(query));
  return { screen: 'strategies' };
}

export function routeHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.screen) {
    case 'editor':
      return `#/strategies/${e(route.strategyId)}`;
    case 'review':
      return `#/strategies/${e(route.strategyId)}/review${route.versionId ? `?version=${e(route.versionId)}` : ''}`;
    case 'experiments':
      return `#/strategies/${e(route.strategyId)}/experiments`;
    case 'datasets':
      return route.datasetId ? `#/datasets/${e(route.datasetId)}` : '#/datasets';
    case 'simulations':
      if (route.simulationId) return `#/simulations/${e(route.simulationId)}`;
      return route.versionId ? `#/simulations?version=${e(route.versionId)}` : '#/simulations';
    case 'models':
      return modelsHash(route);
    case 'home':
      return '#/';
    case 'strategies':
      return route.status ? `#/strategies?status=${route.status}` : '#/strategies';
    default:
      return `#/${route.screen}`;
  }
}

function isVersionStatus(value: string | null): value is VersionStatus {
  return value !== null && Object.hasOwn(VERSION_STATUS_WORDS, value);
}

function modelsRoute(modelId: string | undefined, parts: string[], query: URLSearchParams): Route {
  if (!modelId) return { screen: 'models' };
  if (parts[2] === 'trainings' && parts[3]) return { screen: 'models', modelId, trainingId: parts[3] };
  const a = query.get('compare');
  const b = query.get('with');
  if (a && b) return { screen: 'models', modelId, compare: [a, b] };
  const versionId = query.get('version');
  return versionId ? { screen: 'models', modelId, versionId } : { screen: 'models', modelId };
}

function modelsHash(route: Extract<Route, { screen: 'models' }>): string {
  const e = encodeURIComponent;
  if (!route.modelId) return '#/models';
  const base = `#/models/${e(route.modelId)}`;
  if (route.trainingId) return `${base}/trainings/${e(route.trainingId)}`;
  if (route.compare) return `${base}?compare=${e(route.compare[0])}&with=${e(route.compare[1])}`;
  return route.versionId ? `${base}?version=${e(route.versionId)}` : base;
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
