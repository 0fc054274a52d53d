import type { FairnessCheck } from './fairness-api';

const STATUS_WORDS: Record<FairnessCheck['status'], string> = {
  PASSED: 'passed',
  FAILED: 'below the threshold',
  NOT_MEASURED: 'nothing to compare',
};

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const ratio = (r: number | null) => (r === null ? '—' : r.toFixed(2));

/**
 * The fairness check of one simulation, on the review page itself: the verdict and each case below
 * the threshold in words, then per protected field the rate at which each group gets each action
 * first (and at any rank), with the ratio of the lowest to the highest judged group.
 */
export function FairnessCheckView({ check, title }: { check: FairnessCheck; title: string }) {
  return (
    <section className={`fairness-check fairness-${check.status.toLowerCase()}`} aria-label={title}>
      <h4>
        {title}{' '}
        <span className={`status-pill fairness-pill-${check.status.toLowerCase()}`}>
          {STATUS_WORDS[check.status]}
        </span>
      </h4>
      <p>{check.summary}</p>
      {check.findings.length > 0 && (
        <ul className="fairness-findings" aria-label="Below the ratio floor">
          {check.findings.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Four-fifths rule: every protected group should get each action first at no less than{' '}
        {check.ratioFloor.toFixed(2)} times the rate of the best-served group. Groups of fewer than{' '}
        {check.minGroupSize} customers, rows without a value and rare values are shown but not judged. An
        admin sets these thresholds.
      </p>
      {check.fields.map((field) => (
        <table
          key={field.field}
          className="data-table fairness-table"
          aria-label={`Fairness by ${field.label}`}
        >
          <caption>
            {field.label} <span className="muted small">(customer.{field.field})</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              {field.groups.map((g) => (
                <th key={g.group} scope="col" className="num">
                  {g.group}
                  <span className="muted small">
                    {' '}
                    {g.rows.toLocaleString('en-US')}
                    {g.judged ? '' : ', not judged'}
                  </span>
                </th>
              ))}
              <th scope="col" className="num">
                Ratio (first)
              </th>
              <th scope="col" className="num">
                Ratio (any rank)
              </th>
            </tr>
          </thead>
          <tbody>
            {field.actions.map((a) => (
              <tr key={a.actionId} className={a.belowFloor ? 'fairness-below' : undefined}>
                <th scope="row" title={a.actionId}>
                  {a.actionName}
                </th>
                {a.rates.map((r) => (
                  <td key={r.group} className="num" title={`at any rank: ${percent(r.anyRank)}`}>
                    {percent(r.first)}
                  </td>
                ))}
                <td className="num">
                  {ratio(a.ratio)}
                  {a.belowFloor && (
                    <span className="fairness-flag"> below {check.ratioFloor.toFixed(2)}</span>
                  )}
                </td>
                <td className="num">{ratio(a.ratioAnyRank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
