import { useState } from 'react';
import { errorMessage } from './error-message';

/**
 * A task the user starts and waits for (an import, a comparison): `busy` while it runs, and `error`,
 * in words, when it fails. `run` clears the error of the previous attempt first.
 */
export function useBusyTask() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await task();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
