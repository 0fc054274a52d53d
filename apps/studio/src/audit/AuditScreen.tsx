import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { downloadText } from '../shared/download';
import { Button, EmptyState, ErrorCallout } from '../shared/ui';
import { errorMessage } from '../shared/error-message';
import { graphqlAuditApi, type AuditApi } from './audit-api';
import {
  auditCsv,
  chainStatus,
  EMPTY_FILTER,
  toAuditFilter,
  type AuditEntry,
  type AuditFilterForm,
  type ChainVerification,
} from './audit-model';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';

/** An export reads the whole filtered log page by page; beyond this many entries, narrow the filter. */
export const EXPORT_LIMIT = 100_000;

/** The audit log, newest first, with filters, paging, export and the hash chain's verification. */
export function AuditScreen({ api = graphqlAuditApi }: { api?: AuditApi }) {
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilterForm>(EMPTY_FILTER);
  // The newest page for the applied filters; "Load older entries" appends to it.
  const log = useServerQuery(() => api.page(toAuditFilter(applied)), [api, applied], { keepPrevious: true });
  const entries = log.data?.entries;
  const next = log.data?.next;
  const [exporting, setExporting] = useState<string>();
  const [more, setMore] = useState<{ loading: boolean; error?: string }>({ loading: false });
  const loading = log.loading || more.loading;
  const error = more.error ?? log.error;
  // Without facets the filters offer "any" only; the log itself still shows.
  const facets = useServerQuery(() => api.facets(), [api]).data;
  // Verifying reads the whole chain: on demand, not on every return to the page.
  const verification = useServerQuery(() => api.verify(), [api], { onReturn: false });
  const chain: ChainVerification | { error: string } | undefined = verification.loading
    ? undefined
    : verification.error !== undefined
      ? { error: verification.error }
      : verification.data;

  const apply = (filter: AuditFilterForm) => {
    setMore({ loading: false });
    if (filter === applied) void log.reload();
    else setApplied(filter);
  };
  const loadOlder = async (after: string) => {
    setMore({ loading: true });
    try {
      const page = await api.page(toAuditFilter(applied), after);
      log.setData((d) => ({ entries: [...(d?.entries ?? []), ...page.entries], next: page.next }));
      setMore({ loading: false });
    } catch (err) {
      setMore({ loading: false, error: errorMessage(err) });
    }
  };

  const exportCsv = async () => {
    setExporting('Exporting…');
    try {
      const all: AuditEntry[] = [];
      let after: string | undefined;
      do {
        const page = await api.page(toAuditFilter(applied), after);
        all.push(...page.entries);
        after = page.next;
        setExporting(`Exporting… ${all.length.toLocaleString()} entries`);
      } while (after && all.length < EXPORT_LIMIT);
      if (after) {
        setExporting(
          `More than ${EXPORT_LIMIT.toLocaleString()} entries match: narrow the filters to export them.`,
        );
        return;
      }
      downloadText(
        `audit-log-${new Date().toISOString().slice(0, 10)}.csv`,
        auditCsv(all, (e) => e.actorEmail ?? e.actorId ?? 'system'),
      );
      setExporting(undefined);
    } catch (err) {
      setExporting(`The export failed: ${errorMessage(err)}`);
    }
  };

  const status = chain && 'valid' in chain ? chainStatus(chain) : undefined;
  const untrustedFrom =
    status && !status.ok && chain && 'firstBrokenSeq' in chain
      ? (chain.firstBrokenSeq ?? undefined)
      : undefined;
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
        <Button onClick={() => void verification.reload()}>Verify again</Button>
        <Button onClick={() => void exportCsv()} disabled={!entries?.length || exporting === 'Exporting…'}>
          Export CSV
        </Button>
      </header>
      <main className="audit-main">
        <AuditFilters
          form={form}
          facets={facets}
          busy={loading}
          onChange={setForm}
          onApply={() => apply(form)}
          onClear={() => {
            setForm(EMPTY_FILTER);
            apply(EMPTY_FILTER);
          }}
        />
        {exporting && (
          <p className="muted small" role="status">
            {exporting}
          </p>
        )}
        {error && <ErrorCallout>{error}</ErrorCallout>}
        {!entries && !error && <p className="muted">Loading the audit log…</p>}
        {entries?.length === 0 && (
          <EmptyState title="No entries">
            {JSON.stringify(applied) === JSON.stringify(EMPTY_FILTER)
              ? 'Nothing has happened yet: every change to strategies, actions, the schema and users is recorded here.'
              : 'Nothing matches these filters; clear them to see everything.'}
          </EmptyState>
        )}
        {entries && entries.length > 0 && <AuditTable entries={entries} untrustedFrom={untrustedFrom} />}
        {next && (
          <Button onClick={() => void loadOlder(next)} disabled={loading}>
            {loading ? 'Loading…' : 'Load older entries'}
          </Button>
        )}
      </main>
    </div>
  );
}
