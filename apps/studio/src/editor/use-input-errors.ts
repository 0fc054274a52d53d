import { useCallback, useMemo, useState } from 'react';

/** Values typed into fields but not accepted, by input: each counts as a problem while it is shown. */
export function useInputErrors(): [string[], (key: string, message: string | undefined) => void] {
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const report = useCallback((key: string, message: string | undefined) => {
    setErrors((current) => {
      if (current.get(key) === message) return current;
      const next = new Map(current);
      if (message === undefined) next.delete(key);
      else next.set(key, message);
      return next;
    });
  }, []);
  return [useMemo(() => [...errors.values()], [errors]), report];
}
