import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { errorMessage } from '../shared/error-message';
import { ApiError } from './client';
import { onPageReturn } from './freshness';

/**
 * The one way a screen reads server state. Written once here: loading and error state, a stale-response
 * guard (only the newest request's answer is shown; none after unmount), a read again when the user
 * comes back to the page (freshness.ts), optional polling, and pausing.
 *
 * `load` calls the feature's API (which runs the generated typed documents); `deps` are the values it
 * reads, checked by the hooks lint like an effect's. A change of `deps` starts over (the old answer is
 * dropped); `reload`, polling and page returns keep what is shown until the new answer arrives.
 */
export interface ServerQueryOptions<T> {
  /** Read again this many ms after each answer (and after an error that asking again may fix). */
  poll?: number;
  /** Poll only while this says the answer may still change (a training under way). */
  pollWhile?: (data: T) => boolean;
  /** While true nothing is read (e.g. until the user picked what to show). */
  pause?: boolean;
  /** On a change of deps keep showing the old answer until the new one arrives (a filter, not another item). */
  keepPrevious?: boolean;
  /** Read again when the user comes back to the page (default true; false for costly reads). */
  onReturn?: boolean;
}

export interface ServerQuery<T> {
  data: T | undefined;
  /** The last read's error in words; cleared by the next answer. */
  error: string | undefined;
  /** The last read's error as thrown (e.g. an ApiError with its code). */
  failure: unknown;
  /** True while a read is under way. */
  loading: boolean;
  /** Reads again now; resolves when the answer is shown. */
  reload(): Promise<void>;
  /** Replaces what is shown (after a mutation that returns the new value). */
  setData(update: (current: T | undefined) => T | undefined): void;
}

/** Asking again cannot help: polling stops. */
const FINAL_CODES = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);

export function useServerQuery<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: ServerQueryOptions<T> = {},
): ServerQuery<T> {
  // `for`: the deps the state answers, so a render with new deps never shows the old item's answer.
  const [state, setState] = useState<{
    for?: DependencyList;
    data?: T;
    error?: string;
    failure?: unknown;
    loading: boolean;
  }>({ loading: !options.pause });
  // The newest load and options without restarting anything: `deps` alone decide when to start over.
  const latest = useRef({
    load,
    poll: options.poll,
    pollWhile: options.pollWhile,
    keep: options.keepPrevious,
  });
  useEffect(() => {
    latest.current = { load, poll: options.poll, pollWhile: options.pollWhile, keep: options.keepPrevious };
  });
  const run = useRef<() => Promise<void>>(async () => {});
  const paused = options.pause ?? false;
  const onReturn = options.onReturn ?? true;

  useEffect(() => {
    if (paused) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    let alive = true;
    let request = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const asked = deps;
    setState((s) =>
      latest.current.keep ? { ...s, for: asked, loading: true } : { for: asked, loading: true },
    );
    const read = async () => {
      const mine = ++request;
      clearTimeout(timer);
      setState((s) => ({ ...s, loading: true }));
      let next: number | false;
      try {
        const data = await latest.current.load();
        if (!alive || mine !== request) return;
        setState({ for: asked, data, loading: false });
        const { poll, pollWhile } = latest.current;
        next = poll !== undefined && (pollWhile?.(data) ?? true) ? poll : false;
      } catch (failure) {
        if (!alive || mine !== request) return;
        setState((s) => ({ ...s, error: errorMessage(failure), failure, loading: false }));
        const final = failure instanceof ApiError && FINAL_CODES.has(failure.code);
        next = !final && latest.current.poll !== undefined ? latest.current.poll : false;
      }
      if (next !== false) timer = setTimeout(() => void read(), next);
    };
    run.current = read;
    void read();
    const stopReturn = onReturn ? onPageReturn(() => void read()) : () => {};
    return () => {
      alive = false;
      clearTimeout(timer);
      stopReturn();
      run.current = async () => {};
    };
    // `deps` stand for what `load` reads (the hooks lint checks them at each call site).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paused, onReturn, ...deps]);

  const reload = useCallback(() => run.current(), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setState((s) => ({ ...s, data: update(s.data) })),
    [],
  );
  const current = options.keepPrevious || (state.for !== undefined && sameDeps(state.for, deps));
  const { data, error, failure, loading } = current ? state : { loading: !paused };
  return { data, error, failure, loading, reload, setData };
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

export interface ServerMutation<Args extends unknown[], R> {
  /** Runs the mutation; the result, or undefined after an error (then `error` says why). */
  run(...args: Args): Promise<R | undefined>;
  busy: boolean;
  error: string | undefined;
  failure: unknown;
  clearError(): void;
}

/** A write to the server with its busy flag and error in words; nothing is set after unmount. */
export function useServerMutation<Args extends unknown[], R>(
  mutate: (...args: Args) => Promise<R>,
): ServerMutation<Args, R> {
  const [state, setState] = useState<{ busy: boolean; error?: string; failure?: unknown }>({ busy: false });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const latest = useRef(mutate);
  useEffect(() => {
    latest.current = mutate;
  });
  const run = useCallback(async (...args: Args) => {
    setState({ busy: true });
    try {
      const result = await latest.current(...args);
      if (alive.current) setState({ busy: false });
      return result;
    } catch (failure) {
      if (alive.current) setState({ busy: false, error: errorMessage(failure), failure });
      return undefined;
    }
  }, []);
  const clearError = useCallback(() => setState((s) => ({ busy: s.busy })), []);
  const { busy, error, failure } = state;
  return { busy, error, failure, run, clearError };
}
