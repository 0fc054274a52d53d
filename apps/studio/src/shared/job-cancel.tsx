import { useState, type ReactNode } from 'react';
import { errorMessage } from './error-message';
import { Button, Dialog } from './ui';

/**
 * Cancelling a running job (a training, a simulation): asked for, confirmed in a dialog, then the job
 * is read again; `error` says why the server refused.
 */
export function useJobCancel(cancelJob: () => Promise<unknown>, reload: () => Promise<void>) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const cancel = async () => {
    setConfirming(false);
    try {
      await cancelJob();
      setError(undefined);
      await reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return { confirming, ask: () => setConfirming(true), dismiss: () => setConfirming(false), cancel, error };
}

export type JobCancel = ReturnType<typeof useJobCancel>;

/** The button beside the progress that asks to cancel; `denied` says why the user may not. */
export function CancelJobButton({
  job,
  denied,
  children,
}: {
  job: JobCancel;
  denied?: string;
  children: ReactNode;
}) {
  return (
    <span title={denied}>
      <Button variant="danger" disabled={!!denied} onClick={job.ask}>
        {children}
      </Button>
    </span>
  );
}

/** The confirmation, while asked: keep the job running, or cancel it. */
export function CancelJobDialog({
  job,
  title,
  keepLabel,
  cancelLabel,
  children,
}: {
  job: JobCancel;
  title: string;
  keepLabel: string;
  cancelLabel: string;
  /** What is lost. */
  children: ReactNode;
}) {
  if (!job.confirming) return null;
  return (
    <Dialog
      title={title}
      onClose={job.dismiss}
      actions={
        <>
          <Button onClick={job.dismiss}>{keepLabel}</Button>
          <Button variant="danger" onClick={() => void job.cancel()}>
            {cancelLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
