import type { ReactNode } from 'react';
import { Delta } from './Delta';
import { useResultNames } from './result-names';
import {
  formatCount,
  formatNumber,
  formatShare,
  type ActionRow,
  type BetterWhen,
  type EstimateRow,
  type FunnelRow,
  type SegmentRow,
  type Totals,
} from './results-model';

/** The results' tables; with a baseline each figure gets its baseline and change beside it. */

interface Column {
  title: ReactNode;
  /** A column of figures, aligned right. */
  num?: boolean;
}

function SimTable({
  label,
  columns,
  className = '',
  children,
}: {
  label: string;
  columns: Column[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={`data-table sim-table ${className}`.trim()} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.num ? 'num' : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

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
  const rows: { label: string; key: keyof Totals; kind: 'count' | 'number'; better: BetterWhen }[] = [
    { label: 'Customers (rows)', key: 'rows', kind: 'count', better: 'neither' },
    {
      label: 'Customers without a recommendation',
      key: 'withoutRecommendation',
      kind: 'count',
      better: 'down',
    },
    { label: 'Recommendations made (all ranks)', key: 'recommendations', kind: 'count', better: 'neither' },
    {
      label: 'Expected acceptances (Σ propensity)',
      key: 'expectedAcceptances',
      kind: 'number',
      better: 'up',
    },
    { label: 'Expected value (Σ propensity × value)', key: 'expectedValue', kind: 'number', better: 'up' },
  ];
  const format = (n: number, kind: 'count' | 'number') =>
    kind === 'count' ? formatCount(n) : formatNumber(n);
  return (
    <SimTable
      label="Totals"
      className="sim-totals"
      columns={[
        { title: 'Total' },
        { title: draftLabel, num: true },
        ...(baseline
          ? [
              { title: `${baselineLabel} (baseline)`, num: true },
              { title: 'Change', num: true },
            ]
          : []),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row">{r.label}</th>
          <td className="num">{format(draft[r.key], r.kind)}</td>
          {baseline && (
            <>
              <td className="num">{format(baseline[r.key], r.kind)}</td>
              <td className="num">
                <Delta value={draft[r.key] - baseline[r.key]} kind={r.kind} better={r.better} />
              </td>
            </>
          )}
        </tr>
      ))}
    </SimTable>
  );
}

export function ActionTable({ rows, compare }: { rows: ActionRow[]; compare?: boolean }) {
  const names = useResultNames();
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
            <Delta
              value={draft === null || baseline === null ? null : draft - baseline}
              kind={kind}
              better="neither"
            />
          </span>
        )}
      </td>
    );
  };
  return (
    <SimTable
      label="Per action"
      columns={[
        { title: 'Action' },
        { title: 'On top (customers)', num: true },
        { title: 'Top share', num: true },
        { title: 'Recommended (any rank)', num: true },
        { title: 'Expected acceptances', num: true },
        { title: 'Expected value', num: true },
      ]}
    >
      {rows.map((a) => (
        <tr key={a.actionId}>
          <th scope="row" title={a.actionId}>
            {names.action(a.actionId)}
          </th>
          {figure('top', a.top, a.baseline?.top, 'count')}
          {figure('share', a.topShare, a.baseline?.topShare, 'share')}
          {figure('eligible', a.eligible, a.baseline?.eligible, 'count')}
          {figure('acceptances', a.expectedAcceptances, a.baseline?.expectedAcceptances, 'number')}
          {figure('value', a.expectedValue, a.baseline?.expectedValue, 'number')}
        </tr>
      ))}
    </SimTable>
  );
}

export function FunnelTable({ rows, compare }: { rows: FunnelRow[]; compare?: boolean }) {
  const names = useResultNames();
  return (
    <SimTable
      label="Funnel per step"
      columns={[
        { title: 'Step' },
        { title: 'In', num: true },
        { title: 'Out', num: true },
        { title: 'Pass rate', num: true },
        { title: compare ? 'Change in out' : 'Dropped (most frequent reasons)' },
      ]}
    >
      {rows.map((n) => (
        <tr key={n.nodeId}>
          <th scope="row" title={n.nodeId}>
            {names.step(n.nodeId)} <span className="muted small">{n.type}</span>
          </th>
          <td className="num">{formatCount(n.in)}</td>
          <td className="num">{formatCount(n.out)}</td>
          <td className="num">{formatShare(n.passRate)}</td>
          <td>
            {compare ? (
              n.baseline ? (
                <>
                  was {formatCount(n.baseline.out)}{' '}
                  <Delta value={n.out - n.baseline.out} kind="count" better="neither" />
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
    </SimTable>
  );
}

export function SegmentTable({ rows, compare }: { rows: SegmentRow[]; compare?: boolean }) {
  const names = useResultNames();
  return (
    <SimTable
      label="Per segment"
      columns={[
        { title: 'Segment' },
        { title: 'Customers', num: true },
        { title: 'Most often on top' },
        { title: 'Expected acceptances', num: true },
        { title: 'Expected value', num: true },
      ]}
    >
      {rows.map((s) => (
        <tr key={s.segment}>
          <th scope="row">{s.segment}</th>
          <td className="num">{formatCount(s.rows)}</td>
          <td>
            {s.topAction ? `${names.action(s.topAction)} (${formatShare(s.topShare)})` : 'no recommendation'}
            {compare && s.baseline && s.baseline.topAction !== s.topAction && (
              <span className="sim-was">
                {' '}
                was {s.baseline.topAction ? names.action(s.baseline.topAction) : 'none'}
              </span>
            )}
          </td>
          <NumberWithChange
            value={s.expectedAcceptances}
            baseline={compare ? s.baseline?.expectedAcceptances : undefined}
          />
          <NumberWithChange
            value={s.expectedValue}
            baseline={compare ? s.baseline?.expectedValue : undefined}
          />
        </tr>
      ))}
    </SimTable>
  );
}

/** A figure and, against a baseline, its change. */
function NumberWithChange({ value, baseline }: { value: number; baseline?: number }) {
  return (
    <td className="num">
      {formatNumber(value)}
      {baseline !== undefined && (
        <span className="sim-was">
          {' '}
          <Delta value={value - baseline} kind="number" better="up" />
        </span>
      )}
    </td>
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
  const show = (n: number | null) => (signed ? <Delta value={n} kind="share" better="up" /> : formatShare(n));
  return (
    <SimTable
      label={label}
      columns={[
        { title: 'Estimator' },
        { title: signed ? 'Uplift' : 'Acceptance rate', num: true },
        { title: 'Confidence interval' },
      ]}
    >
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
    </SimTable>
  );
}
