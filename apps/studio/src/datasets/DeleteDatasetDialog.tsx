import { useBusyTask } from '../shared/use-busy-task';
import { Button, Dialog, ErrorCallout } from '../shared/ui';
import type { DatasetsApi, DatasetSummary } from './datasets-api';

/** Asks before deleting; a refusal from the server (e.g. a simulation running on it) stays in the dialog. */
export function DeleteDatasetDialog({
  api,
  dataset,
  onClose,
  onDeleted,
}: {
  api: DatasetsApi;
  dataset: Pick<DatasetSummary, 'id' | 'name' | 'rowCount'>;
  onClose(): void;
  onDeleted(): void;
}) {
  const { busy, error, run } = useBusyTask();
  const remove = () =>
    run(async () => {
      await api.remove(dataset.id);
      onDeleted();
    });
  return (
    <Dialog
      title={`Delete "${dataset.name}"?`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Keep it</Button>
          <Button variant="danger" disabled={busy} onClick={() => void remove()}>
            {busy ? 'Deleting…' : 'Delete dataset'}
          </Button>
        </>
      }
    >
      <p>
        Its {dataset.rowCount.toLocaleString('en-US')} rows are deleted for good. Simulations already run on
        it keep their results.
      </p>
      {error && <ErrorCallout>{error}</ErrorCallout>}
    </Dialog>
  );
}
