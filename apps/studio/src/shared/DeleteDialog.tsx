import type { ReactNode } from 'react';
import { useBusyTask } from './use-busy-task';
import { Button, Dialog, ErrorCallout } from './ui';

/**
 * Asks before deleting something for good; a refusal from the server (e.g. a run still using it)
 * stays in the dialog with its reason.
 */
export function DeleteDialog({
  title,
  deleteLabel,
  remove,
  onClose,
  onDeleted,
  children,
}: {
  title: string;
  deleteLabel: string;
  remove(): Promise<void>;
  onClose(): void;
  onDeleted(): void;
  /** What is lost, and what stays. */
  children: ReactNode;
}) {
  const { busy, error, run } = useBusyTask();
  const confirm = () =>
    run(async () => {
      await remove();
      onDeleted();
    });
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Keep it</Button>
          <Button variant="danger" disabled={busy} onClick={() => void confirm()}>
            {busy ? 'Deleting…' : deleteLabel}
          </Button>
        </>
      }
    >
      {children}
      {error && <ErrorCallout>{error}</ErrorCallout>}
    </Dialog>
  );
}
