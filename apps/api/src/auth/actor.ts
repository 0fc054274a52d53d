import type { Role } from './roles';

/** Who is making the request: the signed-in user as loaded for this request. */
export interface Actor {
  id: string;
  email: string;
  roles: readonly Role[];
}
