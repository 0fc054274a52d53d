import { useEffect } from 'react';
import { request } from '../api/client';
import { useReloadOnReturn } from '../api/freshness';
import { MyPermissionsQuery } from '../api/operations';
import { session } from './session';

/** Reads the signed-in user's roles and permissions again and keeps them in the session. */
export async function refreshPermissions(): Promise<void> {
  const current = session.get();
  if (!current) return;
  const { me } = await request(MyPermissionsQuery, {});
  // The request may have renewed the tokens meanwhile: keep the newest ones, for the same user only.
  const now = session.get();
  if (now?.user.id === me.id) session.set({ ...now, user: me });
}

/**
 * Sign-in brings the permissions; they are read again once as the studio opens (a session kept from
 * before may be stale) and whenever the user comes back to the page, so a role change shows at once.
 */
export function useFreshPermissions(signedIn: boolean): void {
  // A failed read keeps what the session has; an expired session already goes back to sign-in.
  useEffect(() => {
    if (signedIn) refreshPermissions().catch(() => {});
  }, [signedIn]);
  useReloadOnReturn(() => (signedIn ? refreshPermissions().catch(() => {}) : undefined));
}
