import type { Role } from '../api/generated/graphql';
import type { SessionUser } from '../auth/session';
import { grantsFor } from './served-permissions';

// Signed-in users, one a role, for the screens' component specs, with what the server serves them.

export function sessionUser(
  id: string,
  displayName: string,
  roles: Role[],
  email = `${id}@arbiter.local`,
): SessionUser {
  return { id, email, displayName, roles, ...grantsFor(roles) };
}

export const designer = sessionUser('u-designer', 'Dana Designer', ['designer'], 'designer@arbiter.local');
export const analyst = sessionUser('u-analyst', 'Ari Analyst', ['analyst'], 'analyst@arbiter.local');
export const reviewer = sessionUser('u-reviewer', 'Rene Reviewer', ['reviewer'], 'reviewer@arbiter.local');
export const admin = sessionUser('u-admin', 'Ada Admin', ['admin'], 'admin@arbiter.local');
