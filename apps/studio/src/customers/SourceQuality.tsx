import type { ProfileQualityView } from './customers-api';
import { ageWords, byAttention, percent } from './customers-model';

/** How fresh and complete each profile source keeps the profiles, fields needing attention first. */
export function SourceQuality({ quality }: { quality: ProfileQualityView | undefined }) {
  return (
    <section aria-label="Freshness and completeness per source">
      <h2>Sources</h2>
      {quality && (
        <p>
          {quality.customers} customers with a profile; values older than {quality.staleAfterDays} days count
          as stale.
        </p>
      )}
      {quality?.sources.map((s) => (
        <div key={s.source}>
          <h3>
            {s.source}
            {s.description ? ` — ${s.description}` : ''}
          </h3>
          {s.fields.length === 0 ? (
            <p>No data sent yet.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>Field</th>
                  <th>Complete</th>
                  <th>Median age</th>
                  <th>Oldest</th>
                  <th>Stale</th>
                </tr>
              </thead>
              <tbody>
                {byAttention(s.fields).map((f) => (
                  <tr key={f.field}>
                    <td>{f.field}</td>
                    <td>{percent(f.completeness)}</td>
                    <td>{ageWords(f.medianAgeDays)}</td>
                    <td>{ageWords(f.maxAgeDays)}</td>
                    <td>{f.staleCustomers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
