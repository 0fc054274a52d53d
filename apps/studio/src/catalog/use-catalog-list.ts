import { useCallback, useEffect, useRef, useState } from 'react';
import { useReloadOnReturn } from '../api/freshness';
import { errorMessage } from '../shared/error-message';
import type { CatalogAction, CatalogApi, CatalogFilter, CatalogSummary } from './catalog-api';

/** Typing in the search box waits this long for the next key before asking the server. */
const SEARCH_PAUSE_MS = 200;

interface Listed {
  filter: CatalogFilter;
  summary: CatalogSummary;
  /** The pages read so far, in id order. */
  actions: CatalogAction[];
  next?: string;
}

/** Pages of `filter` until at least `rows` rows are read (or the last page). */
async function readRows(api: CatalogApi, filter: CatalogFilter, rows: number) {
  const actions: CatalogAction[] = [];
  let next: string | undefined;
  do {
    const page = await api.page(filter, next);
    actions.push(...page.actions);
    next = page.next;
  } while (next && actions.length < rows);
  return { actions, next };
}

/**
 * The catalog as the Actions screen lists it: filtered and paged on the server, the next page read
 * when the list is scrolled near its end (`more`), read again when the user comes back to the page.
 */
export function useCatalogList(api: CatalogApi, filter: CatalogFilter) {
  const [listed, setListed] = useState<Listed>();
  const [error, setError] = useState<string>();
  const [applied, setApplied] = useState(filter);
  const request = useRef(0);
  const reading = useRef(false);

  useEffect(() => {
    const timer = setTimeout(() => setApplied(filter), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filter]);

  const read = useCallback(
    (wanted: CatalogFilter, rows: number) => {
      const id = ++request.current;
      Promise.all([api.summary(wanted), readRows(api, wanted, rows)]).then(
        ([summary, page]) => {
          if (id !== request.current) return;
          setListed({ filter: wanted, summary, ...page });
          setError(undefined);
        },
        (err: unknown) => id === request.current && setError(errorMessage(err)),
      );
    },
    [api],
  );
  useEffect(() => read(applied, 0), [read, applied]);

  /** Reads the catalog again, as many rows as are listed now (after a change here or elsewhere). */
  const reload = useCallback(() => read(applied, listed?.actions.length ?? 0), [read, applied, listed]);
  useReloadOnReturn(reload);

  const more = useCallback(() => {
    if (!listed?.next || reading.current) return;
    const id = request.current;
    reading.current = true;
    api
      .page(listed.filter, listed.next)
      .then(
        (page) =>
          id === request.current &&
          setListed((l) => l && { ...l, actions: [...l.actions, ...page.actions], next: page.next }),
        (err: unknown) => id === request.current && setError(errorMessage(err)),
      )
      .finally(() => (reading.current = false));
  }, [api, listed]);

  /** Shows a saved action at once (in its place if it is listed), then reads the list again. */
  const saved = useCallback(
    (action: CatalogAction) => {
      setListed((l) => {
        if (!l) return l;
        const at = l.actions.findIndex((a) => a.id === action.id);
        const actions = at >= 0 ? l.actions.map((a) => (a.id === action.id ? action : a)) : l.actions.slice();
        if (at < 0 && (!l.next || action.id < l.actions[l.actions.length - 1]!.id)) {
          actions.push(action);
          actions.sort((a, b) => (a.id < b.id ? -1 : 1));
        }
        return { ...l, actions };
      });
      reload();
    },
    [reload],
  );

  const removed = useCallback(
    (id: string) => {
      setListed((l) => l && { ...l, actions: l.actions.filter((a) => a.id !== id) });
      reload();
    },
    [reload],
  );

  return { listed, error, reload, more, saved, removed };
}
