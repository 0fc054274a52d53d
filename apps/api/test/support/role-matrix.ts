import { Role } from '../../src/auth/roles';

/**
 * Who may call what: the access rule of every GraphQL operation, as the role-matrix test checks it
 * and apps/api/README.md documents it. `public`: no token needed. `signedIn`: any signed-in user.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

const ALL: readonly Role[] = [Role.designer, Role.analyst, Role.reviewer, Role.publisher, Role.admin];
const D = [Role.designer];

export const MUTATION_ACCESS: Record<string, Access> = {
  trainModel: [Role.analyst, Role.admin],
  cancelTraining: [Role.analyst, Role.admin],
  createAdaptiveModel: [Role.analyst, Role.admin],
  reconfigureAdaptiveModel: [Role.analyst, Role.admin],
  freezeAdaptiveModel: [Role.publisher, Role.admin],
  resetAdaptiveModel: [Role.publisher, Role.admin],
  rollBackAdaptiveModel: [Role.publisher, Role.admin],
  login: 'public',
  refreshToken: 'public',
  logout: 'signedIn',
  createUser: [Role.admin],
  setUserRoles: [Role.admin],
  setUserActive: [Role.admin],
  createAction: D,
  updateAction: D,
  importActions: D,
  deleteAction: D,
  defineSchemaField: D,
  removeSchemaField: D,
  createStrategy: D,
  importJsonRulesEngineRules: D,
  archiveStrategy: D,
  saveDraft: D,
  cloneVersion: D,
  promoteExperimentArm: D,
  submitVersion: D,
  approveVersion: [Role.reviewer],
  rejectVersion: [Role.reviewer],
  publishVersion: [Role.publisher],
  rollbackStrategy: [Role.publisher],
  retireVersion: [Role.publisher],
  addComment: [Role.designer, Role.analyst, Role.reviewer, Role.publisher],
  createApiKey: [Role.admin],
  revokeApiKey: [Role.admin],
  recordOutcome: D,
  runSimulation: [Role.analyst],
  cancelSimulation: [Role.analyst],
  deleteDataset: [Role.analyst],
  deleteSimulation: [Role.analyst],
  setSchemaFieldProtected: [Role.designer, Role.admin],
  setFairnessSettings: [Role.admin],
  declareProfileSource: [Role.admin],
  eraseCustomer: [Role.admin],
};

export const QUERY_ACCESS: Record<string, Access> = {
  models: ALL,
  model: ALL,
  modelVersion: ALL,
  compareModelVersions: ALL,
  trainingJob: ALL,
  trainingChoices: ALL,
  adaptiveModelStatus: ALL,
  me: 'signedIn',
  people: ALL,
  users: [Role.admin],
  user: [Role.admin],
  actions: ALL,
  actionCatalogSummary: ALL,
  action: ALL,
  dataSchema: ALL,
  strategies: ALL,
  strategy: ALL,
  version: ALL,
  validateVersion: ALL,
  comments: ALL,
  diff: ALL,
  simulations: ALL,
  testDecision: [Role.designer, Role.analyst, Role.reviewer, Role.publisher],
  auditLog: [Role.admin, Role.reviewer],
  verifyAuditChain: [Role.admin, Role.reviewer],
  auditFacets: [Role.admin, Role.reviewer],
  apiKeys: [Role.admin],
  experimentResults: ALL,
  decide: [Role.designer, Role.analyst, Role.reviewer, Role.publisher],
  customerInteractions: [Role.designer, Role.analyst, Role.reviewer, Role.publisher],
  reviewQueue: [Role.reviewer],
  catalogChangeImpact: D,
  schemaChangeImpact: D,
  fairnessSettings: [Role.admin],
  customerProfile: [Role.analyst, Role.admin],
  profileSources: [Role.analyst, Role.admin],
  profileQuality: [Role.analyst, Role.admin],
  datasets: ALL,
  dataset: ALL,
  simulation: ALL,
};

/** The callers the matrix tries: no token, a user without roles, and one user per role. */
export const CALLERS = ['anonymous', 'noRoles', ...ALL] as const;
export type Caller = (typeof CALLERS)[number];

export function expectedOutcome(access: Access, caller: Caller): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (access === 'signedIn') return 'allowed';
  return caller !== 'noRoles' && access.includes(caller) ? 'allowed' : 'FORBIDDEN';
}
