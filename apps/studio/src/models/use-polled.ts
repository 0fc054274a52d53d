import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { errorMessage } from '../shared/error-message';

/**
 * Loads a value, and loads it again every `intervalMs` while `again(value)` says it may still change
 * (a training under way). `reload` asks at once. An error is kept beside the last value; NOT_FOUND and
 * FORBIDDEN stop the polling, since asking again cannot help.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  again: (value: T) => boolean,
  intervalMs: number,
): { value: T | undefined; error: string | undefined; reload(): void } {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  // A rule, not state: a new function each render must not restart the polling.
  const rule = useRef(again);
  rule.current = again;

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const found = await load();
        if (!current) return;
        setValue(found);
        setError(undefined);
        if (!rule.current(found)) return;
      } catch (err) {
        if (!current) return;
        setError(errorMessage(err));
        if (err instanceof ApiError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) return;
      }
      timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [load, intervalMs, round]);

  return { value, error, reload };
}
