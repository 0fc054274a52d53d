import { useCallback, useEffect, useRef, useState } from 'react';
import { useServerQuery, type ServerQuery } from '../api/use-server-query';
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
  const [applied, setApplied] = useState(filter);
  const [moreError, setMoreError] = useState<string>();
  const reading = useRef(false);

  useEffect(() => {
    const timer = setTimeout(() => setApplied(filter), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filter]);

  // Another filter shows the old list until the new one is read; reading again (after a change here
  // or elsewhere) reads as many rows as are listed now.
  const query: ServerQuery<Listed> = useServerQuery(
    async () => {
      const shown = query.data?.filter === applied ? query.data.actions.length : 0;
      const [summary, page] = await Promise.all([api.summary(applied), readRows(api, applied, shown)]);
      setMoreError(undefined);
      return { filter: applied, summary, ...page };
    },
    [api, applied],
    { keepPrevious: true },
  );
  const { data: listed, reload: readAgain, setData } = query;
  const reload = useCallback(() => void readAgain(), [readAgain]);

  const more = useCallback(() => {
    if (!listed?.next || reading.current) return;
    const asked = listed;
    reading.current = true;
    api
      .page(asked.filter, asked.next)
      .then(
        (page) => {
          // A list read meanwhile is newer: this page belongs to the one it was asked for.
          setData((l) =>
            l === asked ? { ...l, actions: [...l.actions, ...page.actions], next: page.next } : l,
          );
          setMoreError(undefined);
        },
        (err: unknown) => setMoreError(errorMessage(err)),
      )
      .finally(() => (reading.current = false));
  }, [api, listed, setData]);

  /** Shows a saved action at once (in its place if it is listed), then reads the list again. */
  const saved = useCallback(
    (action: CatalogAction) => {
      setData((l) => {
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
    [reload, setData],
  );

  const removed = useCallback(
    (id: string) => {
      setData((l) => l && { ...l, actions: l.actions.filter((a) => a.id !== id) });
      reload();
    },
    [reload, setData],
  );

  return { listed, error: moreError ?? query.error, reload, more, saved, removed };
}
