import type { Role } from '../api/generated/graphql';

export interface SessionUser {
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
