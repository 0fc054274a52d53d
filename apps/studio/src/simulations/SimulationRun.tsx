import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import { routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { errorMessage } from '../shared/error-message';
import { Button, Dialog } from '../shared/ui';
import { downloadBlob } from '../shared/download';
import { ProgressPanel } from './ProgressPanel';
import { STATUS_WORDS, asComparison, asSummary, failureSentence, isFinished } from './results-model';
import { FairnessCheckView } from '../review/FairnessCheckView';
import { resultNames, ResultNamesContext } from './result-names';
import { ResultsView } from './ResultsView';
import type { SimulationDetail, SimulationsApi } from './simulations-api';
import { StatusPill } from '../shared/StatusPill';
import { formatDate } from '../shared/format-date';

/**
 * Progress is polled (`simulation(id)` every second) rather than subscribed to: the same query
 * brings the results the moment the run completes, and it needs no WebSocket through proxies.
 */
export const POLL_MS = 1000;

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
  const {
    data: simulation,
    error,
    reload,
  } = useServerQuery(() => api.get(simulationId), [api, simulationId], {
    poll: POLL_MS,
    pollWhile: (s) => !isFinished(s.status),
  });
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [cancelError, setCancelError] = useState<string>();

  const cancel = async () => {
    setConfirmCancel(false);
    try {
      await api.cancel(simulationId);
      await reload();
    } catch (err) {
      setCancelError(errorMessage(err));
    }
  };

  const denied = deniedReason('runSimulation', user);
  const title = simulation
    ? `${simulation.strategy?.name ?? 'Deleted strategy'}${simulation.version ? ` v${simulation.version.number}` : ''}`
    : 'Simulation';

  return (
    <main className="page-main simulations">
      <p className="sim-back">
        <a href={routeHash({ screen: 'simulations' })}>← All simulations</a>
      </p>
      <h1>
        {title}{' '}
        {simulation && (
          <StatusPill status={simulation.status} words={STATUS_WORDS} classPrefix="sim-status" />
        )}
      </h1>
      <p className="muted">
        {simulation
          ? `On ${simulation.dataset?.name ?? 'a deleted dataset'}${simulation.baselineVersion ? `, compared with v${simulation.baselineVersion.number}` : ', without a baseline'} · started ${formatDate(simulation.createdAt)}${simulation.createdBy ? ` by ${simulation.createdBy}` : ''}.`
          : 'What this version would recommend over the dataset.'}
      </p>
      {error && (
        <p className="callout callout-error" role="alert">
          {simulation
            ? `Lost contact with the server, retrying: ${error}`
            : `Could not load the simulation: ${error}`}
        </p>
      )}
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
          <span title={denied}>
            <Button variant="danger" onClick={() => setConfirmCancel(true)} disabled={!!denied}>
              Cancel simulation…
            </Button>
          </span>
        </ProgressPanel>
      )}
      {cancelError && (
        <p className="callout callout-error" role="alert">
          Could not cancel: {cancelError}
        </p>
      )}
      {simulation?.status === 'FAILED' && (
        <p className="callout callout-error" role="alert">
          The simulation failed: {failureSentence(simulation.error)}
        </p>
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
      {confirmCancel && (
        <Dialog
          title="Cancel this simulation?"
          onClose={() => setConfirmCancel(false)}
          actions={
            <>
              <Button onClick={() => setConfirmCancel(false)}>Keep running</Button>
              <Button variant="danger" onClick={() => void cancel()}>
                Cancel simulation
              </Button>
            </>
          }
        >
          <p>The rows decided so far are discarded; the run keeps no results.</p>
        </Dialog>
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
