import type { Role } from '../api/generated/graphql';
import type { Route } from './router';

/**
 * What each role does next, in the order that decides for someone with several roles: work that
 * blocks others comes first (versions waiting for a reviewer, then approved versions waiting for a
 * publisher), then one's own work (drafts, simulations), then administration.
 */
const LANDINGS: readonly (readonly [Role, Route])[] = [
  ['reviewer', { screen: 'reviews' }],
  ['publisher', { screen: 'strategies', status: 'APPROVED' }],
  ['designer', { screen: 'strategies', status: 'DRAFT' }],
  ['analyst', { screen: 'simulations' }],
  ['admin', { screen: 'users' }],
];

/** Where `#/` takes a signed-in user; without a role, the strategies list (which says to ask for one). */
export function landingRoute(roles: readonly Role[]): Route {
  return LANDINGS.find(([role]) => roles.includes(role))?.[1] ?? { screen: 'strategies' };
}
