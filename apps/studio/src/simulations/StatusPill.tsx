import { STATUS_WORDS, type SimulationStatus } from './results-model';

export function StatusPill({ status }: { status: SimulationStatus }) {
  return <span className={`status-pill sim-status-${status.toLowerCase()}`}>{STATUS_WORDS[status]}</span>;
}
