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
      <FilterSelect
        label="Filter by group"
        value={filter.group}
        all="All groups"
        options={summary?.groups}
        onChange={(group) => onFilter({ ...filter, group })}
      />
      <FilterSelect
        label="Filter by channel"
        value={filter.channel}
        all="All channels"
        options={summary?.channels}
        onChange={(channel) => onFilter({ ...filter, channel })}
      />
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

/** A filter on one of the values the catalog holds, or on `all` of them (''). */
function FilterSelect({
  label,
  value,
  all,
  options = [],
  onChange,
}: {
  label: string;
  value: string;
  all: string;
  options?: readonly string[];
  onChange(value: string): void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o}>{o}</option>
      ))}
    </select>
  );
}
