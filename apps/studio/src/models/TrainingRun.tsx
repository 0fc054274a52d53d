import { deniedReason } from '../app/access';
import { routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { formatDate } from '../shared/format-date';
import { JobProgress } from '../shared/JobProgress';
import { usePeople } from '../shared/people';
import { StatusPill } from '../shared/StatusPill';
import { CancelJobButton, CancelJobDialog } from '../shared/job-cancel';
import { JobReadError, useJobRun, type JobKind } from '../shared/job-run';
import { ErrorCallout } from '../shared/ui';
import type { ModelsApi, TrainingJobView } from './models-api';
import {
  isTrainingFinished,
  trainingFailure,
  trainingProgressView,
  TRAINING_STATUS_WORDS,
} from './report-model';
import { VersionReport } from './VersionReport';

/** A training as its page follows it: the same query says when the new version is there. */
const TRAINING: JobKind<ModelsApi, TrainingJobView> = {
  read: (api, id) => api.job(id),
  cancel: (api, id) => api.cancel(id),
  finished: (job) => isTrainingFinished(job.status),
};

/** `#/models/<id>/trainings/<job>`: a training's live progress with Cancel, then the new version's report. */
export function TrainingRun({
  api,
  user,
  modelId,
  trainingId,
}: {
  api: ModelsApi;
  user: SessionUser;
  modelId: string;
  trainingId: string;
}) {
  const { job, error, cancel } = useJobRun(TRAINING, api, trainingId);
  const people = usePeople([job?.createdBy]);
  const denied = deniedReason('trainModel', user);

  return (
    <main className="page-main models-screen">
      {/* A new model exists only once its first version is registered: back to the list, not to it. */}
      <a className="back-link" href={routeHash({ screen: 'models' })}>
        ← Models
      </a>
      <h1>
        Training {job?.modelName ?? ''}{' '}
        {job && <StatusPill status={job.status} words={TRAINING_STATUS_WORDS} classPrefix="mdl-status" />}
      </h1>
      {job && (
        <p className="muted">
          Started {formatDate(job.createdAt)}
          {people[job.createdBy] ? ` by ${people[job.createdBy]}` : ''}
          {job.finishedAt ? ` · ended ${formatDate(job.finishedAt)}` : ''}.
        </p>
      )}
      <JobReadError error={error} loaded={!!job} what="the training" />
      {!job && !error && (
        <p className="muted" role="status">
          Loading the training…
        </p>
      )}
      {job && !isTrainingFinished(job.status) && (
        <TrainingProgress job={job}>
          <CancelJobButton job={cancel} denied={denied}>
            Cancel training…
          </CancelJobButton>
        </TrainingProgress>
      )}
      {cancel.error && <ErrorCallout>Could not cancel: {cancel.error}</ErrorCallout>}
      {job?.status === 'FAILED' && (
        <ErrorCallout>
          The training failed: {trainingFailure(job.error)} No version was registered.
        </ErrorCallout>
      )}
      {job?.status === 'CANCELLED' && (
        <p className="callout callout-warning">
          This training was cancelled before it finished; no version was registered.
        </p>
      )}
      {job?.status === 'SUCCEEDED' && job.versionId && (
        <>
          <p className="callout callout-ok" role="status">
            Trained on {job.rows.toLocaleString('en-US')} rows: the new version is registered and can be used
            in a strategy’s score step.{' '}
            <a href={routeHash({ screen: 'models', modelId })}>All versions of {job.modelName}</a>
          </p>
          <VersionReport api={api} versionId={job.versionId} />
        </>
      )}
      <CancelJobDialog
        job={cancel}
        title="Cancel this training?"
        keepLabel="Keep training"
        cancelLabel="Cancel training"
      >
        <p>The work done so far is discarded; no version is registered.</p>
      </CancelJobDialog>
    </main>
  );
}

function TrainingProgress({ job, children }: { job: TrainingJobView; children: React.ReactNode }) {
  const view = trainingProgressView(job);
  return (
    <JobProgress
      title={`${view.phase}…`}
      barLabel="Training progress"
      percent={view.percent}
      valueText={view.iterations || view.phase}
      figures={[view.rows, view.iterations, view.eta]}
    >
      {children}
    </JobProgress>
  );
}
