import { Delta } from './Delta';
import { useResultNames } from './result-names';
import {
  formatCount,
  formatNumber,
  formatShare,
  type ActionRow,
  type FunnelRow,
  type SegmentRow,
} from './results-model';
import { num } from '../shared/ui';
import { SimTable } from './SimTable';

/** The results broken down per action, step and segment; with a baseline each figure gets its change beside it. */

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
        'Action',
        num('On top (customers)'),
        num('Top share'),
        num('Recommended (any rank)'),
        num('Expected acceptances'),
        num('Expected value'),
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
        'Step',
        num('In'),
        num('Out'),
        num('Pass rate'),
        compare ? 'Change in out' : 'Dropped (most frequent reasons)',
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
        'Segment',
        num('Customers'),
        'Most often on top',
        num('Expected acceptances'),
        num('Expected value'),
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
