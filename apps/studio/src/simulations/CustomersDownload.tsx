import { useState } from 'react';
import { errorMessage } from '../shared/error-message';
import { Button } from '../shared/ui';

/**
 * "Download per-customer CSV": the server decides the dataset's rows again and streams the file
 * (a million customers take a while), so the button says it is busy and any refusal is shown.
 */
export function CustomersDownload({ download, denied }: { download(): Promise<void>; denied?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await download();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="sim-download">
      <span title={denied}>
        <Button
          onClick={() => void start()}
          disabled={busy || !!denied}
          title={
            denied
              ? undefined
              : 'One line per customer and recommended action: rank, action, propensity, priority'
          }
        >
          {busy ? 'Preparing per-customer CSV…' : 'Download per-customer CSV'}
        </Button>
      </span>
      {error && (
        <span className="field-error" role="alert">
          Could not download: {error}
        </span>
      )}
    </span>
  );
}
