import type { ChangeEvent } from 'react';
import { Button } from '../shared/ui';
import type { CatalogFilter, CatalogSummary } from './catalog-api';

/** Search and filters (applied on the server), then adding, importing and exporting actions. */
export function CatalogToolbar({
  filter,
  summary,
  onFilter,
  readOnly,
  addBlocked,
  onAdd,
  onImport,
  onExport,
}: {
  filter: CatalogFilter;
  summary?: CatalogSummary;
  onFilter(filter: CatalogFilter): void;
  /** Why the user may not change the catalog, if they may not. */
  readOnly?: string;
  /** Why a new action cannot be added now, if it cannot. */
  addBlocked?: string;
  onAdd(): void;
  onImport(e: ChangeEvent<HTMLInputElement>): void;
  onExport(): void;
}) {
  return (
    <div className="catalog-toolbar">
      <label className="sr-only" htmlFor="catalog-search">
        Search actions
      </label>
      <input
        id="catalog-search"
        type="search"
        placeholder="Search by id or name"
        value={filter.search}
        onChange={(e) => onFilter({ ...filter, search: e.target.value })}
      />
      <select
        aria-label="Filter by group"
        value={filter.group}
        onChange={(e) => onFilter({ ...filter, group: e.target.value })}
      >
        <option value="">All groups</option>
        {summary?.groups.map((g) => (
          <option key={g}>{g}</option>
        ))}
      </select>
      <select
        aria-label="Filter by channel"
        value={filter.channel}
        onChange={(e) => onFilter({ ...filter, channel: e.target.value })}
      >
        <option value="">All channels</option>
        {summary?.channels.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <span className="toolbar-spacer" />
      <Button
        variant="primary"
        disabled={!!readOnly || !!addBlocked || !summary}
        title={readOnly ?? addBlocked}
        onClick={onAdd}
      >
        Add action
      </Button>
      <label
        className={`btn btn-secondary file-button ${readOnly || !summary ? 'disabled' : ''}`}
        title={readOnly ?? 'Create and update actions from a CSV file'}
      >
        Import CSV…
        <input
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          disabled={!!readOnly || !summary}
          onChange={onImport}
        />
      </label>
      <Button disabled={!summary?.total} title="Download the whole catalog as a CSV file" onClick={onExport}>
        Export CSV
      </Button>
    </div>
  );
}

/** "12 actions in 3 groups", or "Showing 4 of 12 actions" under a filter. */
export function catalogCount(summary: CatalogSummary): string {
  const { total, matching, groups } = summary;
  const n = (count: number) => count.toLocaleString();
  return matching === total
    ? `${n(total)} ${total === 1 ? 'action' : 'actions'} in ${n(groups.length)} ${groups.length === 1 ? 'group' : 'groups'}`
    : `Showing ${n(matching)} of ${n(total)} actions`;
}
