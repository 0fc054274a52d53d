import { registerEnumType } from '@nestjs/graphql';
import { Roles } from './access.decorators';
import { Role } from './roles';

/**
 * The things a user does that the studio offers as buttons and screens. Each is declared once here
 * with the roles that hold it: `Allowed(p)` guards the operations that do it, and `me { permissions }`
 * serves the same list, so a client never copies the role matrix.
 */
export enum Permission {
  editCatalog = 'editCatalog',
  editSchema = 'editSchema',
  protectFields = 'protectFields',
  setFairnessThresholds = 'setFairnessThresholds',
  createStrategy = 'createStrategy',
  editDrafts = 'editDrafts',
  reviewVersions = 'reviewVersions',
  publishVersions = 'publishVersions',
  commentOnVersions = 'commentOnVersions',
  uploadDataset = 'uploadDataset',
  deleteDataset = 'deleteDataset',
  runSimulation = 'runSimulation',
  exportSimulationCustomers = 'exportSimulationCustomers',
  trainModel = 'trainModel',
  configureAdaptiveModel = 'configureAdaptiveModel',
  controlAdaptiveModel = 'controlAdaptiveModel',
  readCustomerProfiles = 'readCustomerProfiles',
  readInteractions = 'readInteractions',
  readAuditLog = 'readAuditLog',
  manageKeys = 'manageKeys',
  manageUsers = 'manageUsers',
}

registerEnumType(Permission, {
  name: 'Permission',
  description: 'Something a user may do; `me { permissions }` lists those the signed-in user holds.',
});

export interface PermissionRule {
  roles: readonly Role[];
  /** Why a user without the roles may not: shown on the disabled button. */
  reason: string;
}

const { designer, analyst, reviewer, publisher, admin } = Role;

export const PERMISSIONS: Readonly<Record<Permission, PermissionRule>> = {
  editCatalog: { roles: [designer], reason: 'Only designers change the action catalog.' },
  editSchema: { roles: [designer], reason: 'Only designers change the customer schema.' },
  protectFields: { roles: [designer, admin], reason: 'Only designers and admins mark protected fields.' },
  setFairnessThresholds: { roles: [admin], reason: 'Only admins set the thresholds of the fairness check.' },
  createStrategy: { roles: [designer], reason: 'Only designers create strategies.' },
  editDrafts: { roles: [designer], reason: 'Only designers edit drafts and submit them for review.' },
  reviewVersions: { roles: [reviewer], reason: 'Only reviewers approve or reject versions.' },
  publishVersions: { roles: [publisher], reason: 'Only publishers publish, roll back and retire versions.' },
  commentOnVersions: {
    roles: [designer, analyst, reviewer, publisher],
    reason: 'Designers, analysts, reviewers and publishers can comment.',
  },
  uploadDataset: { roles: [analyst], reason: 'Only analysts upload datasets.' },
  deleteDataset: { roles: [analyst], reason: 'Only analysts delete datasets.' },
  runSimulation: { roles: [analyst], reason: 'Only analysts run, cancel and delete simulations.' },
  exportSimulationCustomers: {
    roles: [analyst, reviewer],
    reason: 'Only analysts and reviewers download per-customer results.',
  },
  trainModel: {
    roles: [analyst, admin],
    reason: 'Only analysts (and admins) train models and cancel trainings.',
  },
  configureAdaptiveModel: {
    roles: [analyst, admin],
    reason: 'Only analysts (and admins) create and reconfigure adaptive models.',
  },
  controlAdaptiveModel: {
    roles: [publisher, admin],
    reason: 'Only publishers (and admins) freeze, reset or roll back an adaptive model.',
  },
  readCustomerProfiles: { roles: [analyst, admin], reason: 'Only analysts and admins look up customers.' },
  readInteractions: {
    roles: [designer, analyst, reviewer, publisher],
    reason: 'Admins do not read the interaction histories of customers.',
  },
  readAuditLog: { roles: [admin, reviewer], reason: 'Only admins and reviewers read the audit log.' },
  manageKeys: { roles: [admin], reason: 'Only admins manage API keys.' },
  manageUsers: { roles: [admin], reason: 'Only admins manage users and roles.' },
};

/** Guards a resolver or route with a permission: a signed-in user holding one of its roles. */
export const Allowed = (permission: Permission) => Roles(...PERMISSIONS[permission].roles);

/** The permissions a user with these roles holds, in declaration order. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return Object.values(Permission).filter((p) => PERMISSIONS[p].roles.some((r) => roles.includes(r)));
}
