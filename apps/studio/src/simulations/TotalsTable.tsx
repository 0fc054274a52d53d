import { Delta } from './Delta';
import { formatCount, formatNumber, type BetterWhen, type Totals } from './results-model';
import { num } from '../shared/ui';
import { SimTable } from './SimTable';

/** The run's totals; with a baseline, each beside its baseline value and the change. */
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
        'Total',
        num(draftLabel),
        ...(baseline ? [num(`${baselineLabel} (baseline)`), num('Change')] : []),
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
