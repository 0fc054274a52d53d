import { Delta } from './Delta';
import {
  formatCount,
  formatNumber,
  formatShare,
  type ActionRow,
  type EstimateRow,
  type FunnelRow,
  type SegmentRow,
  type Totals,
} from './results-model';

/** The results' tables; with a baseline each figure gets its baseline and change beside it. */

export function TotalsTable({
  draft,
  baseline,
  draftLabel,
  baselineLabel,
}: {
  draft: Totals;
  baseline?: Totals;
  draftLabel: string;
  baselineLabel?: string;
}) {
  const rows: { label: string; key: keyof Totals; kind: 'count' | 'number' }[] = [
    { label: 'Customers (rows)', key: 'rows', kind: 'count' },
    { label: 'Customers without a recommendation', key: 'withoutRecommendation', kind: 'count' },
    { label: 'Recommendations made (all ranks)', key: 'recommendations', kind: 'count' },
    { label: 'Expected acceptances (Σ propensity)', key: 'expectedAcceptances', kind: 'number' },
    { label: 'Expected value (Σ propensity × value)', key: 'expectedValue', kind: 'number' },
  ];
  const format = (n: number, kind: 'count' | 'number') =>
    kind === 'count' ? formatCount(n) : formatNumber(n);
  return (
    <table className="data-table sim-table sim-totals" aria-label="Totals">
      <thead>
        <tr>
          <th scope="col">Total</th>
          <th scope="col" className="num">
            {draftLabel}
          </th>
          {baseline && (
            <>
              <th scope="col" className="num">
                {baselineLabel} (baseline)
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{format(draft[r.key], r.kind)}</td>
            {baseline && (
              <>
                <td className="num">{format(baseline[r.key], r.kind)}</td>
                <td className="num">
                  <Delta value={draft[r.key] - baseline[r.key]} kind={r.kind} />
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActionTable({ rows, compare }: { rows: ActionRow[]; compare?: boolean }) {
  const figure = (
    label: string,
    draft: number | null,
    baseline: number | null | undefined,
    kind: 'count' | 'number' | 'share',
  ) => {
    const show = kind === 'share' ? formatShare : kind === 'count' ? formatCount : formatNumber;
    return (
      <td className="num" key={label}>
        {show(draft)}
        {compare && baseline !== undefined && (
          <span className="sim-was">
            {' '}
            was {show(baseline)}{' '}
            <Delta value={draft === null || baseline === null ? null : draft - baseline} kind={kind} />
          </span>
        )}
      </td>
    );
  };
  return (
    <table className="data-table sim-table" aria-label="Per action">
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col" className="num">
            On top (customers)
          </th>
          <th scope="col" className="num">
            Top share
          </th>
          <th scope="col" className="num">
            Eligible (any rank)
          </th>
          <th scope="col" className="num">
            Expected acceptances
          </th>
          <th scope="col" className="num">
            Expected value
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.actionId}>
            <th scope="row">{a.actionId}</th>
            {figure('top', a.top, a.baseline?.top, 'count')}
            {figure('share', a.topShare, a.baseline?.topShare, 'share')}
            {figure('eligible', a.eligible, a.baseline?.eligible, 'count')}
            {figure('acceptances', a.expectedAcceptances, a.baseline?.expectedAcceptances, 'number')}
            {figure('value', a.expectedValue, a.baseline?.expectedValue, 'number')}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FunnelTable({ rows, compare }: { rows: FunnelRow[]; compare?: boolean }) {
  return (
    <table className="data-table sim-table" aria-label="Funnel per step">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col" className="num">
            In
          </th>
          <th scope="col" className="num">
            Out
          </th>
          <th scope="col" className="num">
            Pass rate
          </th>
          <th scope="col">{compare ? 'Change in out' : 'Dropped (most frequent reasons)'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => (
          <tr key={n.nodeId}>
            <th scope="row">
              {n.nodeId} <span className="muted small">{n.type}</span>
            </th>
            <td className="num">{formatCount(n.in)}</td>
            <td className="num">{formatCount(n.out)}</td>
            <td className="num">{formatShare(n.passRate)}</td>
            <td>
              {compare ? (
                n.baseline ? (
                  <>
                    was {formatCount(n.baseline.out)} <Delta value={n.out - n.baseline.out} kind="count" />
                  </>
                ) : (
                  <span className="muted">new step</span>
                )
              ) : n.reasons.length ? (
                <ul className="sim-reasons">
                  {n.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">
                  {n.dropped ? `${formatCount(n.dropped)} dropped` : 'none dropped'}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SegmentTable({ rows, compare }: { rows: SegmentRow[]; compare?: boolean }) {
  return (
    <table className="data-table sim-table" aria-label="Per segment">
      <thead>
        <tr>
          <th scope="col">Segment</th>
          <th scope="col" className="num">
            Customers
          </th>
          <th scope="col">Most often on top</th>
          <th scope="col" className="num">
            Expected acceptances
          </th>
          <th scope="col" className="num">
            Expected value
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.segment}>
            <th scope="row">{s.segment}</th>
            <td className="num">{formatCount(s.rows)}</td>
            <td>
              {s.topAction ? `${s.topAction} (${formatShare(s.topShare)})` : 'no recommendation'}
              {compare && s.baseline && s.baseline.topAction !== s.topAction && (
                <span className="sim-was"> was {s.baseline.topAction ?? 'none'}</span>
              )}
            </td>
            <td className="num">
              {formatNumber(s.expectedAcceptances)}
              {compare && s.baseline && (
                <span className="sim-was">
                  {' '}
                  <Delta value={s.expectedAcceptances - s.baseline.expectedAcceptances} kind="number" />
                </span>
              )}
            </td>
            <td className="num">
              {formatNumber(s.expectedValue)}
              {compare && s.baseline && (
                <span className="sim-was">
                  {' '}
                  <Delta value={s.expectedValue - s.baseline.expectedValue} kind="number" />
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EstimateTable({
  rows,
  label,
  signed,
}: {
  rows: EstimateRow[];
  label: string;
  signed?: boolean;
}) {
  const show = (n: number | null) => (signed ? <Delta value={n} kind="share" /> : formatShare(n));
  return (
    <table className="data-table sim-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Estimator</th>
          <th scope="col" className="num">
            {signed ? 'Uplift' : 'Acceptance rate'}
          </th>
          <th scope="col">Confidence interval</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td className="num">{r.value === null ? 'no estimate' : show(r.value)}</td>
            <td>
              {r.low === null || r.high === null ? (
                '—'
              ) : (
                <>
                  {show(r.low)} to {show(r.high)}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
