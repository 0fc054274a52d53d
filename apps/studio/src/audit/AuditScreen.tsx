import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Button, EmptyState } from '../shared/ui';
import { errorMessage } from '../shared/error-message';
import { usePeople } from '../shared/people';
import { graphqlAuditApi, type AuditApi } from './audit-api';
import {
  EMPTY_FILTER,
  actionWords,
  chainStatus,
  filterProblem,
  toAuditFilter,
  type AuditEntry,
  type AuditFilterForm,
  type ChainVerification,
} from './audit-model';

const ENTITY_TYPES = [
  '',
  'user',
  'action',
  'schemaField',
  'strategy',
  'version',
  'comment',
  'simulation',
  'dataset',
  'apiKey',
  'fairnessSettings',
];

/** The audit log, newest first, with filters, paging and the hash chain's verification. */
export function AuditScreen({ api = graphqlAuditApi }: { api?: AuditApi }) {
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [entries, setEntries] = useState<AuditEntry[]>();
  // Names only for actors without an email on the entry.
  const actors = usePeople(entries?.filter((e) => !e.actorEmail).map((e) => e.actorId) ?? []);
  const [next, setNext] = useState<string>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [chain, setChain] = useState<ChainVerification | { error: string }>();

  const load = useCallback(
    async (filter: AuditFilterForm, after?: string) => {
      setLoading(true);
      try {
        const page = await api.page(toAuditFilter(filter), after);
        setEntries((prev) => (after ? [...(prev ?? []), ...page.entries] : page.entries));
        setNext(page.next);
        setError(undefined);
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setLoading(false);
      }
    },
    [api],
  );
  const verify = useCallback(() => {
    setChain(undefined);
    api.verify().then(setChain, (err: unknown) => setChain({ error: errorMessage(err) }));
  }, [api]);
  useEffect(() => {
    void load(EMPTY_FILTER);
    verify();
  }, [load, verify]);

  const problem = filterProblem(form);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setApplied(form);
    void load(form);
  };
  const set = (key: keyof AuditFilterForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const status = chain && 'valid' in chain ? chainStatus(chain) : undefined;

  return (
    <div className="audit-screen">
      <header className="toolbar">
        <div className="toolbar-title">
          <h1>Audit log</h1>
        </div>
        <span className="toolbar-spacer" />
        <span
          className={`chain-status ${status ? (status.ok ? 'chain-ok' : 'chain-broken') : ''}`}
          role="status"
          aria-live="polite"
        >
          {!chain
            ? 'Verifying the chain…'
            : 'error' in chain
              ? `Could not verify the chain: ${chain.error}`
              : status!.text}
        </span>
        <Button onClick={verify}>Verify again</Button>
      </header>
      <main className="audit-main">
        <form className="audit-filters" onSubmit={submit} aria-label="Filter the audit log">
          <label className="field-label">
            Entity
            <select value={form.entityType} onChange={set('entityType')}>
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t || 'any'}
                </option>
              ))}
            </select>
          </label>
          <label className="field-label">
            Entity id
            <input value={form.entityId} onChange={set('entityId')} placeholder="any" />
          </label>
          <label className="field-label">
            Action
            <input value={form.action} onChange={set('action')} placeholder="e.g. version.approve" />
          </label>
          <label className="field-label">
            Actor (user id)
            <input value={form.actorId} onChange={set('actorId')} placeholder="any" />
          </label>
          <label className="field-label">
            From
            <input type="date" value={form.from} onChange={set('from')} />
          </label>
          <label className="field-label">
            To
            <input type="date" value={form.to} onChange={set('to')} />
          </label>
          <Button variant="primary" type="submit" disabled={!!problem || loading} title={problem}>
            Apply filters
          </Button>
          <Button
            onClick={() => {
              setForm(EMPTY_FILTER);
              setApplied(EMPTY_FILTER);
              void load(EMPTY_FILTER);
            }}
          >
            Clear
          </Button>
        </form>
        {problem && (
          <p className="callout callout-warning" role="alert">
            {problem}
          </p>
        )}
        {error && (
          <p className="callout callout-error" role="alert">
            {error}
          </p>
        )}
        {!entries && !error && <p className="muted">Loading the audit log…</p>}
        {entries?.length === 0 && (
          <EmptyState title="No entries">
            {JSON.stringify(applied) === JSON.stringify(EMPTY_FILTER)
              ? 'Nothing has happened yet: every change to strategies, actions, the schema and users is recorded here.'
              : 'Nothing matches these filters; clear them to see everything.'}
          </EmptyState>
        )}
        {entries && entries.length > 0 && (
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">On</th>
                <th scope="col">Comment</th>
                <th scope="col">Hash</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr
                  key={e.seq}
                  className={
                    status &&
                    !status.ok &&
                    chain &&
                    'firstBrokenSeq' in chain &&
                    chain.firstBrokenSeq != null &&
                    Number(e.seq) >= chain.firstBrokenSeq
                      ? 'audit-untrusted'
                      : undefined
                  }
                >
                  <td>{e.seq}</td>
                  <td>{new Date(e.occurredAt).toLocaleString()}</td>
                  <td>{e.actorEmail ?? (e.actorId ? actors[e.actorId] : 'system')}</td>
                  <td>{actionWords(e.action)}</td>
                  <td title={e.entityId ? `${e.entityType} ${e.entityId}` : e.entityType}>
                    {/* The name people read; the id stays for reference and for the entity filter. */}
                    {e.entityName ?? e.entityType}
                    {e.entityId && (
                      <span className="muted small mono audit-entity-id"> {e.entityId.slice(0, 12)}</span>
                    )}
                  </td>
                  <td>{e.comment}</td>
                  <td
                    className="mono small"
                    title={`before ${e.beforeHash ?? '—'} · after ${e.afterHash ?? '—'} · entry ${e.hash}`}
                  >
                    {e.hash.slice(0, 10)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {next && (
          <Button onClick={() => void load(applied, next)} disabled={loading}>
            {loading ? 'Loading…' : 'Load older entries'}
          </Button>
        )}
      </main>
    </div>
  );
}
