import { EmptyState } from '../shared/ui';
import type { CustomerView } from './customers-api';
import { ageWords, isStale, valueWords } from './customers-model';

/** One customer's stored profile (source and age of each field), interactions and recent decisions. */
export function CustomerProfile({
  customer,
  staleAfterDays,
}: {
  customer: CustomerView;
  staleAfterDays: number;
}) {
  return (
    <section aria-label={`Customer ${customer.customerId}`}>
      <h2>Profile of {customer.customerId}</h2>
      {customer.fields.length === 0 ? (
        <EmptyState title="No stored profile">No source has sent data for this customer.</EmptyState>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Field</th>
              <th>Value</th>
              <th>Source</th>
              <th>Updated</th>
              <th>Age</th>
            </tr>
          </thead>
          <tbody>
            {customer.fields.map((f) => (
              <tr key={f.name}>
                <td>{f.name}</td>
                <td>{valueWords(f)}</td>
                <td>{f.source}</td>
                <td>{f.updatedAt}</td>
                <td className={isStale(f.ageDays, staleAfterDays) ? 'stale' : undefined}>
                  {ageWords(f.ageDays)}
                  {isStale(f.ageDays, staleAfterDays) ? ' (stale)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {customer.interactions && (
        <>
          <h3>Interactions (last 90 days)</h3>
          {customer.interactions.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul>
              {customer.interactions.map((i, n) => (
                <li key={n}>
                  {i.at}: {i.outcome} {i.actionId}
                  {i.channel ? ` (${i.channel})` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>Recent decisions</h3>
      {customer.recentDecisions.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {customer.recentDecisions.map((d) => (
            <li key={d.id} className="recent-decision">
              <span className="recent-decision-when">{d.decidedAt}</span>
              {d.explanation?.length ? (
                <ul aria-label={`Why, decision of ${d.decidedAt}`}>
                  {d.explanation.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <>
                  : version {d.versionNumber} recommended{' '}
                  {d.actions.map((a) => a.actionId).join(', ') || 'nothing'}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
