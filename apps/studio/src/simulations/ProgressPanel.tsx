import type { ReactNode } from 'react';
import { JobProgress } from '../shared/JobProgress';
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
    <JobProgress
      title={status === 'QUEUED' ? 'Waiting to start…' : 'Deciding every row of the dataset…'}
      barLabel="Rows decided"
      percent={view.percent}
      valueText={view.rows}
      figures={[view.rows, view.rate, view.eta, view.chunks]}
    >
      {children}
    </JobProgress>
  );
}
