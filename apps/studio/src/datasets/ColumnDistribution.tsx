import { formatCount, rangeText, type ColumnReport, type HistogramBin } from './report-model';

/** Most frequent values a text (or yes/no) column lists. */
const TOP_SHOWN = 5;

/**
 * How a column's values spread: a small histogram with the range for a number column, the most
 * frequent values for the others, nothing for a personal column.
 */
export function ColumnDistribution({ column }: { column: ColumnReport }) {
  if (column.personal === 'hash') return <span className="muted">hidden (personal)</span>;
  const range = rangeText(column);
  if (column.histogram && column.histogram.length > 1)
    return (
      <div className="distribution">
        <Histogram name={column.name} bins={column.histogram} approximate={!!column.histogramApproximate} />
        <span className="small">{range}</span>
      </div>
    );
  const top = column.topValues?.slice(0, TOP_SHOWN) ?? [];
  if (range && (column.type === 'number' || column.type === 'date')) return <span>{range}</span>;
  if (top.length === 0) return <span className="muted">{range ?? 'no value seen twice'}</span>;
  const base = column.present || 1;
  return (
    <ul className="top-values" aria-label={`Most frequent values of ${column.name}`}>
      {top.map((t) => (
        <li key={String(t.value)}>
          <span className="top-value-name">{String(t.value)}</span>
          <span className="top-value-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(2, (t.count / base) * 100)}%` }} />
          </span>
          <span className="top-value-count">{formatCount(t.count)}</span>
        </li>
      ))}
    </ul>
  );
}

const binText = (b: HistogramBin) =>
  `${formatCount(b.from)} to ${formatCount(b.to)}: ${formatCount(b.count)} rows`;

/** Bars of equal width, heights relative to the fullest bar; each bar says its range and count. */
function Histogram({
  name,
  bins,
  approximate,
}: {
  name: string;
  bins: HistogramBin[];
  approximate: boolean;
}) {
  const most = Math.max(1, ...bins.map((b) => b.count));
  return (
    <ul
      className="histogram"
      aria-label={`Histogram of ${name}${approximate ? ' (estimated from a sample)' : ''}`}
    >
      {bins.map((b) => (
        <li key={b.from} title={binText(b)}>
          <span className="sr-only">{binText(b)}</span>
          <span
            className="histogram-bar"
            style={{ height: `${b.count === 0 ? 0 : Math.max(4, (b.count / most) * 100)}%` }}
          />
        </li>
      ))}
    </ul>
  );
}
