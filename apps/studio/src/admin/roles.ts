import type { Role } from '../api/generated/graphql';

/** Every role with what it allows, in the order the users table shows them. */
export const ROLES: readonly { role: Role; allows: string }[] = [
  { role: 'designer', allows: 'strategies, drafts, actions and the customer schema' },
  { role: 'analyst', allows: 'datasets, simulations and models' },
  { role: 'reviewer', allows: 'approves or rejects versions in review' },
  { role: 'publisher', allows: 'publishes and rolls back versions, controls adaptive models' },
  { role: 'admin', allows: 'users, roles and API keys' },
];
