import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { request } from '../api/client';
import { graphql } from '../api/generated';

export interface Person {
  id: string;
  displayName: string;
}

export type PeopleLookup = (ids: string[]) => Promise<Person[]>;

/** Display names of users by id (also a cheap query to refresh the session before a REST call). */
export const PeopleQuery = graphql(`
  query People($ids: [ID!]!) {
    people(ids: $ids) {
      id
      displayName
    }
  }
`);

const graphqlPeopleLookup: PeopleLookup = async (ids) => (await request(PeopleQuery, { ids })).people;

/** The API accepts at most this many ids per query. */
const BATCH = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How an id reads while its name is unknown (not loaded yet, a deleted user, or the lookup failed). */
export const shortPerson = (id: string) => `user ${id.slice(0, 8)}`;

/**
 * Display names by user id, asked for in batches and kept for the page's life (names rarely change;
 * a reload shows a renamed user).
 */
export class PeopleDirectory {
  /** null: asked for, and unknown or failed. */
  private readonly names = new Map<string, string | null>();
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  constructor(private readonly lookup: PeopleLookup) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = () => this.revision;

  name(id: string): string {
    return this.names.get(id) ?? shortPerson(id);
  }

  /** Asks once for the ids not asked for yet. */
  async load(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => UUID.test(id) && !this.names.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.names.set(id, null);
    for (let i = 0; i < missing.length; i += BATCH) {
      try {
        for (const p of await this.lookup(missing.slice(i, i + BATCH))) this.names.set(p.id, p.displayName);
      } catch {
        // The short id stays: a name is a convenience, never worth an error on the screen.
      }
    }
    this.revision += 1;
    for (const listener of this.listeners) listener();
  }
}

const PeopleContext = createContext(new PeopleDirectory(graphqlPeopleLookup));

/** For tests: names from an in-memory lookup instead of the API. */
export function PeopleProvider({ lookup, children }: { lookup: PeopleLookup; children: ReactNode }) {
  const directory = useMemo(() => new PeopleDirectory(lookup), [lookup]);
  return createElement(PeopleContext.Provider, { value: directory }, children);
}

/** id → display name for these user ids (a short id until the name is known). */
export function usePeople(ids: readonly (string | null | undefined)[]): Record<string, string> {
  const directory = useContext(PeopleContext);
  // Re-renders when names arrive.
  useSyncExternalStore(directory.subscribe, directory.snapshot);
  const known = ids.filter((id): id is string => !!id);
  const key = [...new Set(known)].sort().join(',');
  useEffect(() => {
    if (key) void directory.load(key.split(','));
  }, [directory, key]);
  return Object.fromEntries(known.map((id) => [id, directory.name(id)]));
}
