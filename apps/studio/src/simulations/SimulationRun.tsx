import { useState } from 'react';
import { deniedReason } from '../app/access';
import { navigate, routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { CancelJobButton, CancelJobDialog } from '../shared/job-cancel';
import { JobReadError, useJobRun, type JobKind } from '../shared/job-run';
import { DeleteDialog } from '../shared/DeleteDialog';
import { Button, ErrorCallout } from '../shared/ui';
import { downloadBlob } from '../shared/download';
import { ProgressPanel } from './ProgressPanel';
import { STATUS_WORDS, asComparison, asSummary, failureSentence, isFinished } from './results-model';
import { FairnessCheckView } from '../review/FairnessCheckView';
import { resultNames, ResultNamesContext } from './result-names';
import { ResultsView } from './ResultsView';
import type { SimulationDetail, SimulationsApi } from './simulations-api';
import { StatusPill } from '../shared/StatusPill';
import { formatDate } from '../shared/format-date';

/** A simulation as its page follows it: `simulation(id)` brings the results the moment the run completes. */
const SIMULATION: JobKind<SimulationsApi, SimulationDetail> = {
  read: (api, id) => api.get(id),
  cancel: (api, id) => api.cancel(id),
  finished: (simulation) => isFinished(simulation.status),
};

/** `#/simulations/<id>`: live progress until the run ends, then its results and comparison. */
export function SimulationRun({
  user,
  simulationId,
  api,
}: {
  user: SessionUser;
  simulationId: string;
  api: SimulationsApi;
}) {
  const { job: simulation, error, cancel } = useJobRun(SIMULATION, api, simulationId);
  const [deleting, setDeleting] = useState(false);

  const denied = deniedReason('runSimulation', user);
  const title = simulation
    ? `${simulation.strategy?.name ?? 'Deleted strategy'}${simulation.version ? ` v${simulation.version.number}` : ''}`
    : 'Simulation';

  return (
    <main className="page-main simulations">
      <p className="sim-back">
        <a href={routeHash({ screen: 'simulations' })}>← All simulations</a>
      </p>
      <div className="page-head">
        <h1>
          {title}{' '}
          {simulation && (
            <StatusPill status={simulation.status} words={STATUS_WORDS} classPrefix="sim-status" />
          )}
        </h1>
        {simulation && isFinished(simulation.status) && (
          <div className="page-head-actions">
            <Button
              variant="danger"
              disabled={!!(denied ?? simulation.deleteRefusal)}
              title={denied ?? simulation.deleteRefusal ?? undefined}
              onClick={() => setDeleting(true)}
            >
              Delete
            </Button>
          </div>
        )}
      </div>
      <p className="muted">
        {simulation
          ? `On ${simulation.dataset?.name ?? 'a deleted dataset'}${simulation.baselineVersion ? `, compared with v${simulation.baselineVersion.number}` : ', without a baseline'} · started ${formatDate(simulation.createdAt)}${simulation.createdBy ? ` by ${simulation.createdBy}` : ''}.`
          : 'What this version would recommend over the dataset.'}
      </p>
      <JobReadError error={error} loaded={!!simulation} what="the simulation" />
      {!simulation && !error && <p className="muted">Loading the simulation…</p>}
      {simulation && simulation.dataWarnings.length > 0 && (
        <div className="callout callout-warning" aria-label="About this dataset">
          {simulation.dataWarnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      )}
      {simulation && !isFinished(simulation.status) && (
        <ProgressPanel progress={simulation.progress} status={simulation.status}>
          <CancelJobButton job={cancel} denied={denied}>
            Cancel simulation…
          </CancelJobButton>
        </ProgressPanel>
      )}
      {cancel.error && <ErrorCallout>Could not cancel: {cancel.error}</ErrorCallout>}
      {simulation?.status === 'FAILED' && (
        <ErrorCallout>The simulation failed: {failureSentence(simulation.error)}</ErrorCallout>
      )}
      {simulation?.status === 'CANCELLED' && (
        <p className="callout callout-warning">
          This simulation was cancelled before it finished; it has no results. Start it again from the
          simulations page.
        </p>
      )}
      {simulation?.status === 'COMPLETED' && (
        <CompletedResults
          simulation={simulation}
          downloadCustomers={async () => {
            const { fileName, file } = await api.customersCsv(simulation.id);
            downloadBlob(fileName, file);
          }}
          customersDenied={deniedReason('exportSimulationCustomers', user)}
        />
      )}
      <CancelJobDialog
        job={cancel}
        title="Cancel this simulation?"
        keepLabel="Keep running"
        cancelLabel="Cancel simulation"
      >
        <p>The rows decided so far are discarded; the run keeps no results.</p>
      </CancelJobDialog>
      {deleting && (
        <DeleteDialog
          title="Delete this simulation?"
          deleteLabel="Delete simulation"
          remove={() => api.remove(simulationId)}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate({ screen: 'simulations' })}
        >
          <p>
            Its results and per-customer recommendations are deleted for good; the audit log keeps a record. A
            simulation that is the approval evidence of a version in review, approved or published cannot be
            deleted.
          </p>
        </DeleteDialog>
      )}
    </main>
  );
}

function CompletedResults({
  simulation,
  downloadCustomers,
  customersDenied,
}: {
  simulation: SimulationDetail;
  downloadCustomers(): Promise<void>;
  customersDenied?: string;
}) {
  const summary = asSummary(simulation.results);
  if (!summary)
    return (
      <p className="callout callout-warning">
        This simulation completed but recorded no results to show (it was recorded before results were kept,
        or by a test).
      </p>
    );
  const baseline = simulation.baselineVersion ? `v${simulation.baselineVersion.number}` : undefined;
  const draft = simulation.version ? `v${simulation.version.number}` : 'this version';
  return (
    <ResultNamesContext.Provider value={resultNames(simulation.names)}>
      <ResultsView
        summary={summary}
        comparison={asComparison(simulation.comparison)}
        draftLabel={draft}
        baselineLabel={baseline}
        fileName={`simulation-${simulation.id.slice(0, 8)}.csv`}
        downloadCustomers={downloadCustomers}
        customersDenied={customersDenied}
      />
      <section className="sim-section" aria-labelledby="sim-fairness">
        <h2 id="sim-fairness">Fairness by protected group</h2>
        <FairnessCheckView check={simulation.fairnessCheck} title="Fairness check" />
      </section>
    </ResultNamesContext.Provider>
  );
}
