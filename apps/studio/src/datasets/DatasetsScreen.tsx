import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import { navigate } from '../app/router';
import type { SessionUser } from '../auth/session';
import { Button, EmptyState, TableHead, num, unseen, LoadFailed } from '../shared/ui';
import { ListStates } from '../shared/list-states';
import { DatasetPage } from './DatasetPage';
import {
  DATASET_STATUS_WORDS,
  graphqlDatasetsApi,
  type DatasetsApi,
  type DatasetSummary,
} from './datasets-api';
import { DeleteDatasetDialog } from './DeleteDatasetDialog';
import { formatBytes, formatCount } from './report-model';
import { StatusPill } from '../shared/StatusPill';
import { formatDate } from '../shared/format-date';
import { UploadWizard } from './UploadWizard';

/** `#/datasets`: the list and the upload wizard; `#/datasets/<id>`: one dataset and its quality report. */
export function DatasetsScreen({
  user,
  datasetId,
  api = graphqlDatasetsApi,
}: {
  user: SessionUser;
  datasetId?: string;
  api?: DatasetsApi;
}) {
  if (datasetId) return <DatasetPage api={api} user={user} datasetId={datasetId} />;
  return <DatasetList api={api} user={user} />;
}

function DatasetList({ api, user }: { api: DatasetsApi; user: SessionUser }) {
  // Someone's upload under way: follow it until it is ready or failed.
  const {
    data: datasets,
    error,
    reload,
  } = useServerQuery(() => api.list(), [api], {
    poll: 2000,
    pollWhile: (list) => list.some((d) => d.status === 'UPLOADING'),
  });
  const load = () => void reload();
  const [uploading, setUploading] = useState(false);
  const [deleting, setDeleting] = useState<DatasetSummary>();
  const uploadDenied = deniedReason('uploadDataset', user);
  const deleteDenied = deniedReason('deleteDataset', user);

  return (
    <main className="page-main datasets-screen">
      <div className="page-head">
        <h1>Datasets</h1>
        {!uploading && (
          <Button
            variant="primary"
            disabled={!!uploadDenied}
            title={uploadDenied}
            onClick={() => setUploading(true)}
          >
            Upload a dataset
          </Button>
        )}
      </div>
      <p className="muted">
        Historical customers, one per row, to simulate strategies on — with the action each was offered and
        how they responded, for off-policy estimates.
      </p>
      {uploadDenied && <p className="muted small">{uploadDenied}</p>}
      {uploading && (
        <UploadWizard
          api={api}
          onClose={() => setUploading(false)}
          onUploaded={(id) => navigate({ screen: 'datasets', datasetId: id })}
        />
      )}
      <ListStates
        items={datasets}
        failure={error && <LoadFailed what="the datasets" error={error} onRetry={load} />}
        loading={
          <p className="muted" role="status">
            Loading datasets…
          </p>
        }
        empty={
          <EmptyState title="No datasets yet">
            {uploadDenied
              ? 'An analyst uploads historical customer data (CSV or JSON lines) here; then strategies can be simulated on it.'
              : 'Upload a CSV or JSON lines file of historical customers with "Upload a dataset": you map its columns to customer fields, and get a data-quality report.'}
          </EmptyState>
        }
      >
        {(datasets) => (
          <table className="ds-table datasets-table">
            <TableHead
              columns={[
                'Name',
                'Format',
                'Status',
                num('Rows kept'),
                num('Rejected'),
                num('Size'),
                'Created',
                unseen('Actions'),
              ]}
            />
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={`#/datasets/${encodeURIComponent(d.id)}`}>{d.name}</a>
                  </th>
                  <td>{d.format.toUpperCase()}</td>
                  <td>
                    <StatusPill status={d.status} words={DATASET_STATUS_WORDS} classPrefix="ds-status" />
                  </td>
                  <td className="num">{d.status === 'READY' ? formatCount(d.rowCount) : '—'}</td>
                  <td className="num">
                    {d.status === 'READY' ? (
                      <span className={d.rowsRead - d.rowCount > 0 ? 'rejected-count' : ''}>
                        {formatCount(d.rowsRead - d.rowCount)}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="num">{formatBytes(d.totalBytes ?? d.bytesRead)}</td>
                  <td>{formatDate(d.createdAt)}</td>
                  <td className="actions-cell">
                    <Button
                      variant="ghost"
                      className="btn-small"
                      disabled={!!deleteDenied || d.status === 'UPLOADING'}
                      title={
                        deleteDenied ??
                        (d.status === 'UPLOADING' ? 'Wait for the upload to finish.' : undefined)
                      }
                      aria-label={`Delete ${d.name}`}
                      onClick={() => setDeleting(d)}
                    >
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStates>
      {deleting && (
        <DeleteDatasetDialog
          api={api}
          dataset={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            setDeleting(undefined);
            load();
          }}
        />
      )}
    </main>
  );
}
