import { useRef, useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import { navigate } from '../app/router';
import type { SessionUser } from '../auth/session';
import { Button, ErrorCallout } from '../shared/ui';
import { DATASET_STATUS_WORDS, type DatasetsApi } from './datasets-api';
import { DeleteDatasetDialog } from './DeleteDatasetDialog';
import { QualityReport } from './QualityReport';
import { formatBytes, readReport } from './report-model';
import { StatusPill } from '../shared/StatusPill';
import { formatDate } from '../shared/format-date';
import { UploadProgress } from './UploadProgress';
import { rowsPerSecond } from './upload';

const POLL_MS = 1000;

/** One dataset: live progress while it uploads, then its data-quality report. */
export function DatasetPage({
  api,
  user,
  datasetId,
}: {
  api: DatasetsApi;
  user: SessionUser;
  datasetId: string;
}) {
  const [deleting, setDeleting] = useState(false);
  const [rate, setRate] = useState<number>();
  const firstSeen = useRef<{ rows: number; at: number } | undefined>(undefined);

  const { data: dataset, error } = useServerQuery(
    async () => {
      const found = await api.get(datasetId);
      if (found.status === 'UPLOADING') {
        firstSeen.current ??= { rows: found.rowsRead, at: Date.now() };
        setRate(rowsPerSecond(found.rowsRead - firstSeen.current.rows, firstSeen.current.at, Date.now()));
      }
      return found;
    },
    [api, datasetId],
    { poll: POLL_MS, pollWhile: (found) => found.status === 'UPLOADING' },
  );

  const simulateDenied = deniedReason('runSimulation', user);
  const deleteDenied = deniedReason('deleteDataset', user);
  const report = dataset?.status === 'READY' ? readReport(dataset.report) : undefined;

  return (
    <main className="page-main datasets-screen">
      <a className="back-link" href="#/datasets">
        ← Datasets
      </a>
      {!dataset && !error && (
        <p className="muted" role="status">
          Loading the dataset…
        </p>
      )}
      {error && !dataset && (
        <>
          <h1>Dataset</h1>
          <ErrorCallout>Could not load this dataset: {error}</ErrorCallout>
        </>
      )}
      {dataset && (
        <>
          <div className="page-head">
            <h1>
              {dataset.name}{' '}
              <StatusPill status={dataset.status} words={DATASET_STATUS_WORDS} classPrefix="ds-status" />
            </h1>
            <div className="page-head-actions">
              {dataset.status === 'READY' &&
                (simulateDenied ? (
                  <Button variant="primary" disabled title={simulateDenied}>
                    Simulate a strategy on this dataset
                  </Button>
                ) : (
                  <a className="btn btn-primary" href="#/simulations">
                    Simulate a strategy on this dataset
                  </a>
                ))}
              <Button
                variant="danger"
                disabled={!!deleteDenied || dataset.status === 'UPLOADING'}
                title={
                  deleteDenied ??
                  (dataset.status === 'UPLOADING' ? 'Wait for the upload to finish.' : undefined)
                }
                onClick={() => setDeleting(true)}
              >
                Delete
              </Button>
            </div>
          </div>
          <p className="muted">
            {dataset.format.toUpperCase()} · {formatBytes(dataset.totalBytes ?? dataset.bytesRead)} · uploaded{' '}
            {formatDate(dataset.createdAt)}
          </p>
          {error && (
            <p className="callout callout-warning" role="alert">
              Could not refresh: {error}
            </p>
          )}
          {dataset.status === 'UPLOADING' && (
            <UploadProgress
              label="Importing"
              fraction={dataset.totalBytes ? Math.min(1, dataset.bytesRead / dataset.totalBytes) : 0}
              bytesDone={dataset.bytesRead}
              bytesTotal={dataset.totalBytes}
              rowsRead={dataset.rowsRead}
              rowsPerSecond={rate}
            />
          )}
          {dataset.status === 'FAILED' && (
            <ErrorCallout>
              The import failed: {dataset.error ?? 'the upload stopped before the end of the file.'} Nothing
              of it was kept; fix the file and upload it again.
            </ErrorCallout>
          )}
          {dataset.status === 'READY' &&
            (report ? (
              <QualityReport
                report={report}
                mapping={dataset.mapping}
                personalColumns={dataset.personalColumns}
              />
            ) : (
              <p className="muted">This dataset has no data-quality report.</p>
            ))}
        </>
      )}
      {deleting && dataset && (
        <DeleteDatasetDialog
          api={api}
          dataset={dataset}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate({ screen: 'datasets' })}
        />
      )}
    </main>
  );
}
