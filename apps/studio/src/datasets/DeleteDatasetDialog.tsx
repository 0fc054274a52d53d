import { useState } from 'react';
import { errorMessage } from '../shared/error-message';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.remove(dataset.id);
      onDeleted();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
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
