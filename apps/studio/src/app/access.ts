import type { Role } from '../api/generated/graphql';
import type { Screen } from './router';

/**
 * What each role may see and do in the studio, mirrored from the API's role matrix
 * (apps/api/test/support/role-matrix.ts). The server stays the judge: these rules only decide
 * which screens are in the navigation and which buttons are enabled, with the reason on hover.
 */

export interface NavItem {
  screen: Screen;
  label: string;
  /** Who sees the screen; undefined: every signed-in user with a role. */
  roles?: readonly Role[];
}

export const NAV: readonly NavItem[] = [
  { screen: 'strategies', label: 'Strategies' },
  { screen: 'reviews', label: 'Review queue', roles: ['reviewer'] },
  { screen: 'actions', label: 'Actions' },
  { screen: 'schema', label: 'Customer schema' },
  { screen: 'datasets', label: 'Datasets' },
  { screen: 'simulations', label: 'Simulations' },
  { screen: 'models', label: 'Models' },
  { screen: 'customers', label: 'Customers', roles: ['analyst', 'admin'] },
  { screen: 'audit', label: 'Audit log', roles: ['admin', 'reviewer'] },
  { screen: 'keys', label: 'API keys', roles: ['admin'] },
  { screen: 'users', label: 'Users', roles: ['admin'] },
];

export function visibleNav(roles: readonly Role[]): NavItem[] {
  return NAV.filter((item) => (item.roles ? item.roles.some((r) => roles.includes(r)) : roles.length > 0));
}

export function canOpen(screen: Screen, roles: readonly Role[]): boolean {
  const item = NAV.find((n) => n.screen === screen);
  return !item || visibleNav(roles).includes(item);
}

/** Things a user does outside the version lifecycle (that one lives in review/review-rules.ts). */
export type Permission =
  | 'editCatalog'
  | 'editSchema'
  | 'protectFields'
  | 'setFairnessThresholds'
  | 'createStrategy'
  | 'uploadDataset'
  | 'deleteDataset'
  | 'runSimulation'
  | 'exportSimulationCustomers'
  | 'trainModel'
  | 'configureAdaptiveModel'
  | 'controlAdaptiveModel'
  | 'manageKeys'
  | 'manageUsers';

const RULES: Record<Permission, { roles: readonly Role[]; reason: string }> = {
  editCatalog: { roles: ['designer'], reason: 'Only designers change the action catalog.' },
  editSchema: { roles: ['designer'], reason: 'Only designers change the customer schema.' },
  protectFields: { roles: ['designer', 'admin'], reason: 'Only designers and admins mark protected fields.' },
  setFairnessThresholds: {
    roles: ['admin'],
    reason: 'Only admins set the thresholds of the fairness check.',
  },
  createStrategy: { roles: ['designer'], reason: 'Only designers create strategies.' },
  uploadDataset: { roles: ['analyst'], reason: 'Only analysts upload datasets.' },
  deleteDataset: { roles: ['analyst'], reason: 'Only analysts delete datasets.' },
  runSimulation: { roles: ['analyst'], reason: 'Only analysts run and cancel simulations.' },
  exportSimulationCustomers: {
    roles: ['analyst', 'reviewer'],
    reason: 'Only analysts and reviewers download per-customer results.',
  },
  trainModel: {
    roles: ['analyst', 'admin'],
    reason: 'Only analysts (and admins) train models and cancel trainings.',
  },
  configureAdaptiveModel: {
    roles: ['analyst', 'admin'],
    reason: 'Only analysts (and admins) create and reconfigure adaptive models.',
  },
  controlAdaptiveModel: {
    roles: ['publisher', 'admin'],
    reason: 'Only publishers (and admins) freeze, reset or roll back an adaptive model.',
  },
  manageKeys: { roles: ['admin'], reason: 'Only admins manage API keys.' },
  manageUsers: { roles: ['admin'], reason: 'Only admins manage users and roles.' },
};

/** Undefined when the user may; otherwise the sentence to show on the disabled control. */
export function deniedReason(permission: Permission, roles: readonly Role[]): string | undefined {
  const rule = RULES[permission];
  return rule.roles.some((r) => roles.includes(r)) ? undefined : rule.reason;
}
