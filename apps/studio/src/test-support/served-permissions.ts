import type { Permission, Role } from '../api/generated/graphql';

/**
 * What `me { permissions deniedPermissions }` serves, per role, for the component specs (which run
 * without the server; no studio import beyond types, as the API's test reads it). apps/api/test/permissions.spec.ts checks this copy against the server's one
 * declaration (apps/api/src/auth/permissions.ts), so it cannot drift.
 */
export const SERVED_PERMISSIONS: Record<Permission, { roles: readonly Role[]; reason: string }> = {
  editCatalog: { roles: ['designer'], reason: 'Only designers change the action catalog.' },
  editSchema: { roles: ['designer'], reason: 'Only designers change the customer schema.' },
  protectFields: { roles: ['designer', 'admin'], reason: 'Only designers and admins mark protected fields.' },
  setFairnessThresholds: {
    roles: ['admin'],
    reason: 'Only admins set the thresholds of the fairness check.',
  },
  createStrategy: { roles: ['designer'], reason: 'Only designers create strategies.' },
  editDrafts: { roles: ['designer'], reason: 'Only designers edit drafts and submit them for review.' },
  reviewVersions: { roles: ['reviewer'], reason: 'Only reviewers approve or reject versions.' },
  publishVersions: {
    roles: ['publisher'],
    reason: 'Only publishers publish, roll back and retire versions.',
  },
  commentOnVersions: {
    roles: ['designer', 'analyst', 'reviewer', 'publisher'],
    reason: 'Designers, analysts, reviewers and publishers can comment.',
  },
  uploadDataset: { roles: ['analyst'], reason: 'Only analysts upload datasets.' },
  deleteDataset: { roles: ['analyst'], reason: 'Only analysts delete datasets.' },
  runSimulation: { roles: ['analyst'], reason: 'Only analysts run, cancel and delete simulations.' },
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
  readCustomerProfiles: {
    roles: ['analyst', 'admin'],
    reason: 'Only analysts and admins look up customers.',
  },
  readInteractions: {
    roles: ['designer', 'analyst', 'reviewer', 'publisher'],
    reason: 'Admins do not read the interaction histories of customers.',
  },
  readAuditLog: { roles: ['admin', 'reviewer'], reason: 'Only admins and reviewers read the audit log.' },
  manageKeys: { roles: ['admin'], reason: 'Only admins manage API keys.' },
  manageUsers: { roles: ['admin'], reason: 'Only admins manage users and roles.' },
};

/** What the server would serve a user holding these roles. */
export function grantsFor(roles: readonly Role[]): {
  permissions: Permission[];
  deniedPermissions: { permission: Permission; reason: string }[];
} {
  const all = Object.entries(SERVED_PERMISSIONS) as [
    Permission,
    { roles: readonly Role[]; reason: string },
  ][];
  const held = (rule: { roles: readonly Role[] }) => rule.roles.some((r) => roles.includes(r));
  return {
    permissions: all.filter(([, rule]) => held(rule)).map(([p]) => p),
    deniedPermissions: all
      .filter(([, rule]) => !held(rule))
      .map(([permission, { reason }]) => ({ permission, reason })),
  };
}
