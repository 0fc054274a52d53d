import { useEffect, useRef } from 'react';

/**
 * Never stale: a screen reads the server again whenever the user comes back to it (the window gets
 * the focus back, the tab becomes visible again), so a change made in another tab or by someone else
 * shows up without a reload. Navigating needs nothing here: every route mounts its screen, which
 * reads the server as it mounts. One set of browser listeners serves every screen.
 */

type Listener = () => void;

/** Focus and visibilitychange fire together: the events of one return within this time make one read. */
const SAME_RETURN_MS = 100;

const listeners = new Set<Listener>();
let pending: ReturnType<typeof setTimeout> | undefined;

function returned(): void {
  if (document.visibilityState === 'hidden') return;
  clearTimeout(pending);
  pending = setTimeout(() => {
    for (const listener of [...listeners]) listener();
  }, SAME_RETURN_MS);
}

const EVENTS: [EventTarget, string][] = [];

/** Calls `listener` each time the user comes back to the page; returns the unsubscribe function. */
export function onPageReturn(listener: Listener): () => void {
  if (listeners.size === 0) {
    EVENTS.push([window, 'focus'], [document, 'visibilitychange']);
    for (const [target, name] of EVENTS) target.addEventListener(name, returned);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    for (const [target, name] of EVENTS.splice(0)) target.removeEventListener(name, returned);
  };
}

/**
 * Runs `reload` each time the user comes back to the page (see onPageReturn). `reload` should keep
 * what is on screen until the new data arrives, and must not touch what the user is typing.
 */
export function useReloadOnReturn(reload: () => unknown): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  }, [reload]);
  useEffect(() => onPageReturn(() => void latest.current()), []);
}
