import type { SessionUser } from '../auth/session';

// Signed-in users, one a role, for the screens' component specs.

export const designer: SessionUser = {
  id: 'u-designer',
  email: 'designer@arbiter.local',
  displayName: 'Dana Designer',
  roles: ['designer'],
};

export const analyst: SessionUser = {
  id: 'u-analyst',
  email: 'analyst@arbiter.local',
  displayName: 'Ari Analyst',
  roles: ['analyst'],
};

export const reviewer: SessionUser = {
  id: 'u-reviewer',
  email: 'reviewer@arbiter.local',
  displayName: 'Rene Reviewer',
  roles: ['reviewer'],
};

export const admin: SessionUser = {
  id: 'u-admin',
  email: 'admin@arbiter.local',
  displayName: 'Ada Admin',
  roles: ['admin'],
};
