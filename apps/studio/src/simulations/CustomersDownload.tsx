import { useBusyTask } from '../shared/use-busy-task';
import { Button } from '../shared/ui';

/**
 * "Download per-customer CSV": the server decides the dataset's rows again and streams the file
 * (a million customers take a while), so the button says it is busy and any refusal is shown.
 */
export function CustomersDownload({ download, denied }: { download(): Promise<void>; denied?: string }) {
  const { busy, error, run } = useBusyTask();
  return (
    <span className="sim-download">
      <span title={denied}>
        <Button
          onClick={() => void run(download)}
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
