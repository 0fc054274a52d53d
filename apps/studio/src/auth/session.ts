import type { Permission, Role } from '../api/generated/graphql';

/** What the server lets a user do (`me { permissions deniedPermissions }`), with why not. */
export interface Grants {
  permissions: readonly Permission[];
  deniedPermissions: readonly { permission: Permission; reason: string }[];
}

export interface SessionUser extends Grants {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const KEY = 'arbiter.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function storage(): Storage | undefined {
  return typeof window === 'undefined' ? undefined : window.sessionStorage;
}

/** The signed-in user's tokens, kept for the browser tab (sessionStorage). */
export const session = {
  get(): Session | null {
    if (cached === undefined) {
      try {
        cached = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Session | null;
        // Kept by a studio from before permissions were served: none until the server is asked again.
        if (cached) {
          const kept: Partial<SessionUser> = cached.user;
          cached.user = {
            ...cached.user,
            permissions: kept.permissions ?? [],
            deniedPermissions: kept.deniedPermissions ?? [],
          };
        }
      } catch {
        cached = null;
      }
    }
    return cached;
  },
  set(value: Session | null): void {
    cached = value;
    if (value) storage()?.setItem(KEY, JSON.stringify(value));
    else storage()?.removeItem(KEY);
    for (const l of listeners) l();
  },
  /** The server no longer accepts the tokens: back to the sign-in screen. */
  expire(): void {
    session.set(null);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
