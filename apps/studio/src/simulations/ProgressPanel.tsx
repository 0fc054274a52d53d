import type { ReactNode } from 'react';
import { progressView, type ProgressInput, type SimulationStatus } from './results-model';

/** The live progress of a run: bar, rows, rate, ETA and chunks, with the cancel control beside it. */
export function ProgressPanel({
  progress,
  status,
  children,
}: {
  progress: ProgressInput;
  status: SimulationStatus;
  children?: ReactNode;
}) {
  const view = progressView({ ...progress, status });
  return (
    <section className="sim-progress" aria-label="Progress">
      <div className="sim-progress-head">
        <strong>{status === 'QUEUED' ? 'Waiting to start…' : 'Deciding every row of the dataset…'}</strong>
        {children}
      </div>
      <div
        className="sim-progress-bar"
        role="progressbar"
        aria-label="Rows decided"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(view.percent)}
        aria-valuetext={view.rows}
      >
        <div className="sim-progress-fill" style={{ width: `${view.percent}%` }} />
      </div>
      <p className="sim-progress-figures" aria-live="polite">
        <span>{view.rows}</span>
        <span>{view.rate}</span>
        {view.eta && <span>{view.eta}</span>}
        <span>{view.chunks}</span>
      </p>
    </section>
  );
}
