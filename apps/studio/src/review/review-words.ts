import type { SessionUser } from '../auth/session';
import { formatDate } from '../shared/format-date';
import { shortPerson } from '../shared/people';

/** A date and time in the user's locale; undefined when there is none. */
export const when = (iso?: string | null) => (iso ? formatDate(iso) : undefined);

/** "you", the person's name, or a short form of their id. */
export function personName(
  id: string | null | undefined,
  me: Pick<SessionUser, 'id'>,
  names: Record<string, string> = {},
): string {
  if (!id) return 'someone';
  return id === me.id ? 'you' : (names[id] ?? shortPerson(id));
}
