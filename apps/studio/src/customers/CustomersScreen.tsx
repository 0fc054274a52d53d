import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Role } from '../api/generated/graphql';
import { errorMessage } from '../shared/error-message';
import { Button, EmptyState } from '../shared/ui';
import {
  graphqlCustomersApi,
  type CustomersApi,
  type CustomerView,
  type ProfileQualityView,
} from './customers-api';
import { ageWords, byAttention, isStale, percent, valueWords } from './customers-model';
import { ProfileImport } from './ProfileImport';
import './customers.css';
import type { ProfileImportApi } from './profile-import-api';

/**
 * Customers (analyst, admin): one customer's profile with the source and age of each field, the
 * interaction history and recent decisions; and how fresh and complete each source keeps the profiles.
 */
export function CustomersScreen({
  roles,
  api = graphqlCustomersApi,
  importApi,
}: {
  roles: readonly Role[];
  api?: CustomersApi;
  importApi?: ProfileImportApi;
}) {
  const [query, setQuery] = useState('');
  const [customer, setCustomer] = useState<CustomerView>();
  const [quality, setQuality] = useState<ProfileQualityView>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  // The server lets analysts (not admins) read interaction histories.
  const withHistory = roles.includes('analyst');

  const loadQuality = useCallback(
    () => api.quality().then(setQuality, (err: unknown) => setError(errorMessage(err))),
    [api],
  );
  useEffect(() => {
    void loadQuality();
  }, [loadQuality]);

  const lookUp = async (e: FormEvent) => {
    e.preventDefault();
    const id = query.trim();
    if (!id) return;
    setLoading(true);
    try {
      setCustomer(await api.customer(id, withHistory));
      setError(undefined);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };
  const staleAfter = quality?.staleAfterDays ?? 30;

  return (
    <div className="customers-screen">
      <header className="toolbar">
        <div className="toolbar-title">
          <h1>Customers</h1>
        </div>
      </header>
      <main className="customers-main">
        <form onSubmit={lookUp} aria-label="Look up a customer">
          <label className="field-label">
            Customer id
            <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. C-42" />
          </label>
          <Button variant="primary" type="submit" disabled={!query.trim() || loading}>
            Look up
          </Button>
        </form>
        {error && (
          <p className="callout callout-error" role="alert">
            {error}
          </p>
        )}
        {customer && (
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
                      <td className={isStale(f.ageDays, staleAfter) ? 'stale' : undefined}>
                        {ageWords(f.ageDays)}
                        {isStale(f.ageDays, staleAfter) ? ' (stale)' : ''}
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
        )}
        {/* The import reads the file's columns as the dataset upload does, which analysts may do. */}
        {roles.includes('analyst') && (
          <ProfileImport {...(importApi && { api: importApi })} onImported={() => void loadQuality()} />
        )}
        <section aria-label="Freshness and completeness per source">
          <h2>Sources</h2>
          {quality && (
            <p>
              {quality.customers} customers with a profile; values older than {quality.staleAfterDays} days
              count as stale.
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
      </main>
    </div>
  );
}
