import type { ModelReport } from '@arbiter/learning';
import type { VersionComparison } from './model.types';

/** The headline figures of a report, in the order a comparison lists them. */
const METRICS: { metric: string; of(report: ModelReport): number | undefined }[] = [
  { metric: 'auc', of: (r) => r.auc?.value },
  { metric: 'aucLow', of: (r) => r.auc?.low },
  { metric: 'aucHigh', of: (r) => r.auc?.high },
  { metric: 'logLoss', of: (r) => r.logLoss },
  { metric: 'brier', of: (r) => r.brier },
  { metric: 'positiveRate', of: (r) => r.positiveRate },
  { metric: 'liftTopDecile', of: (r) => r.gains?.[0]?.lift },
  { metric: 'trainRows', of: (r) => r.rows?.train },
  { metric: 'testRows', of: (r) => r.rows?.test },
];

const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Metric by metric: a, b and b − a (null where either side lacks the figure). */
export function compareReports(a: ModelReport, b: ModelReport): VersionComparison[] {
  return METRICS.map(({ metric, of }) => {
    const x = finite(of(a));
    const y = finite(of(b));
    return { metric, a: x, b: y, delta: x !== null && y !== null ? y - x : null };
  });
}
