import type { Permission } from '../api/generated/graphql';
import type { Grants } from '../auth/session';
import type { Screen } from './router';

/**
 * What the signed-in user may see and do, as the server serves it (`me { permissions }`, from the
 * same declarations that guard its operations). The server stays the judge: this only decides which
 * screens are in the navigation and which buttons are enabled, with the reason on hover.
 */

export interface NavItem {
  screen: Screen;
  label: string;
  /** Who sees the screen; undefined: every signed-in user with a role. */
  permission?: Permission;
}

export const NAV: readonly NavItem[] = [
  { screen: 'strategies', label: 'Strategies' },
  { screen: 'reviews', label: 'Review queue', permission: 'reviewVersions' },
  { screen: 'actions', label: 'Actions' },
  { screen: 'schema', label: 'Customer schema' },
  { screen: 'datasets', label: 'Datasets' },
  { screen: 'simulations', label: 'Simulations' },
  { screen: 'models', label: 'Models' },
  { screen: 'customers', label: 'Customers', permission: 'readCustomerProfiles' },
  { screen: 'audit', label: 'Audit log', permission: 'readAuditLog' },
  { screen: 'keys', label: 'API keys', permission: 'manageKeys' },
  { screen: 'users', label: 'Users', permission: 'manageUsers' },
];

export function visibleNav(user: Grants & { roles: readonly unknown[] }): NavItem[] {
  return NAV.filter((item) =>
    item.permission ? user.permissions.includes(item.permission) : user.roles.length > 0,
  );
}

export function canOpen(screen: Screen, user: Grants & { roles: readonly unknown[] }): boolean {
  const item = NAV.find((n) => n.screen === screen);
  return !item || visibleNav(user).includes(item);
}

/** Until the server has said otherwise, nothing is allowed: a button is never enabled by mistake. */
const NOT_YET = 'Checking what you may do…';

/** Undefined when the user may; otherwise the sentence to show on the disabled control. */
export function deniedReason(permission: Permission, user: Grants): string | undefined {
  if (user.permissions.includes(permission)) return undefined;
  return user.deniedPermissions.find((d) => d.permission === permission)?.reason ?? NOT_YET;
}
