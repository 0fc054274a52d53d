import { DeleteDialog } from '../shared/DeleteDialog';
import type { DatasetsApi, DatasetSummary } from './datasets-api';

/** Asks before deleting a dataset; a refusal from the server (e.g. a simulation running on it) stays in the dialog. */
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
  return (
    <DeleteDialog
      title={`Delete "${dataset.name}"?`}
      deleteLabel="Delete dataset"
      remove={() => api.remove(dataset.id)}
      onClose={onClose}
      onDeleted={onDeleted}
    >
      <p>
        Its {dataset.rowCount.toLocaleString('en-US')} rows are deleted for good. Simulations already run on
        it keep their results.
      </p>
    </DeleteDialog>
  );
}
