import { Delta } from './Delta';
import { formatShare, type EstimateRow } from './results-model';
import { num } from '../shared/ui';
import { SimTable } from './SimTable';

/** Off-policy estimates with their confidence intervals; `signed` shows them as an uplift. */
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
      columns={['Estimator', num(signed ? 'Uplift' : 'Acceptance rate'), 'Confidence interval']}
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
