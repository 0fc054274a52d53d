import { useState, type FormEvent } from 'react';
import { EXAMPLES } from '@arbiter/engine/examples';
import { useServerMutation, useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import type { SessionUser } from '../auth/session';
import { usePeople } from '../shared/people';
import { Button, EmptyState, Field, Select, type Choice, ErrorCallout } from '../shared/ui';
import { Icon } from '../shared/icons';
import { RulesImportDialog } from './RulesImportDialog';
import { filterStrategies, type StatusFilter } from './strategy-filter';
import { VERSION_STATUS_WORDS } from './version-status';
import type { StrategySource, VersionStatus } from './strategy-source';
import './strategies.css';
import { formatDate } from '../shared/format-date';

const STATUS_CHOICES: Choice<StatusFilter>[] = [
  { value: 'all', label: 'Any status' },
  ...Object.entries(VERSION_STATUS_WORDS).map(([value, label]) => ({ value: value as StatusFilter, label })),
];

const HAS: Record<VersionStatus, string> = {
  DRAFT: 'has a draft',
  IN_REVIEW: 'has a version in review',
  APPROVED: 'has an approved version',
  PUBLISHED: 'has a published version',
  RETIRED: 'has a retired version',
};

function noMatch(search: string, status: StatusFilter): string {
  const parts = [search && `contains “${search}”`, status !== 'all' && HAS[status]].filter(Boolean);
  return `No strategy ${parts.join(' and ')}.`;
}

export function StrategiesScreen({
  source,
  user,
  onOpen,
  onReview,
  initialStatus = 'all',
}: {
  source: StrategySource;
  user: SessionUser;
  onOpen(id: string): void;
  /** Versions, review and publishing (API mode only). */
  onReview?: (id: string) => void;
  /** The status filter the route asks for (a designer lands on drafts, a publisher on approved versions). */
  initialStatus?: StatusFilter;
}) {
  const list = useServerQuery(() => source.list(), [source]);
  const strategies = list.data;
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('empty');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>(initialStatus);
  const [importing, setImporting] = useState(false);
  const owners = usePeople(strategies?.map((s) => s.createdBy) ?? []);
  const shown = strategies && filterStrategies(strategies, search, status);
  const canDesign = !deniedReason('createStrategy', user);
  const creation = useServerMutation((title: string) => {
    const example = EXAMPLES.find((x) => x.id === template);
    return source.create(
      title,
      example ? example.document : { schemaVersion: 1, name: title, nodes: [], edges: [] },
    );
  });
  const busy = creation.busy;
  const error = creation.error ?? list.error;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    const id = await creation.run(name.trim());
    if (id !== undefined) onOpen(id);
  };

  return (
    <main className="strategies-main">
      <h1>Strategies</h1>
      <p className="muted">
        A strategy decides which actions to offer each customer, in which order, and why.
      </p>
      {canDesign && (
        <form className="create-strategy" onSubmit={(e) => void create(e)} aria-label="Create a strategy">
          <Field label="New strategy" htmlFor="new-name">
            <input
              id="new-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Summer retention"
              required
            />
          </Field>
          <Field label="Start from" htmlFor="new-template">
            <Select
              id="new-template"
              label="Start from"
              value={template}
              onChange={setTemplate}
              options={[
                { value: 'empty', label: 'An empty canvas' },
                ...EXAMPLES.map((x) => ({ value: x.id, label: `Example: ${x.title}` })),
              ]}
            />
          </Field>
          <Button variant="primary" type="submit" disabled={busy || !name.trim()}>
            <Icon name="plus" size={14} /> Create and open
          </Button>
          {source.importRules && (
            <Button onClick={() => setImporting(true)}>Import json-rules-engine rules</Button>
          )}
        </form>
      )}
      {importing && source.importRules && (
        <RulesImportDialog
          importRules={(n, rules) => source.importRules!(n, rules)}
          onOpen={onOpen}
          onClose={() => {
            setImporting(false);
            void list.reload();
          }}
        />
      )}
      {error && <ErrorCallout>{error}</ErrorCallout>}
      {!strategies && !error && <p className="muted">Loading strategies…</p>}
      {strategies?.length === 0 && (
        <EmptyState title="No strategies yet">
          {canDesign
            ? 'Give your first strategy a name above and start designing.'
            : 'Designers create strategies; ask one to share theirs.'}
        </EmptyState>
      )}
      {strategies && strategies.length > 0 && (
        <div className="strategy-tools" role="search">
          <Field label="Search" htmlFor="strategy-search">
            <input
              id="strategy-search"
              type="search"
              className="strategy-search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Name or description"
            />
          </Field>
          <Field label="Status" htmlFor="strategy-status">
            <Select<StatusFilter>
              id="strategy-status"
              label="Status"
              value={status}
              onChange={setStatus}
              options={STATUS_CHOICES}
            />
          </Field>
          <span className="strategy-count muted small" aria-live="polite">
            {shown!.length === strategies.length
              ? `${strategies.length} strategies`
              : `${shown!.length} of ${strategies.length} strategies`}
          </span>
        </div>
      )}
      {strategies && strategies.length > 0 && shown!.length === 0 && (
        <EmptyState title="No strategy matches">
          <p>{noMatch(search.trim(), status)}</p>
          <Button
            onClick={() => {
              setSearch('');
              setStatus('all');
            }}
          >
            Show all strategies
          </Button>
        </EmptyState>
      )}
      {shown && shown.length > 0 && (
        <ul className="strategy-list" aria-label="Strategies">
          {shown.map((s) => (
            <li key={s.id}>
              <button type="button" className="strategy-card" onClick={() => onOpen(s.id)}>
                <span className="strategy-name">{s.name}</span>
                {s.description && <span className="strategy-description muted small">{s.description}</span>}
                <span className="strategy-meta small">
                  {s.latest && (
                    <span className={`status-pill status-${s.latest.status.toLowerCase()}`}>
                      v{s.latest.number} · {VERSION_STATUS_WORDS[s.latest.status]}
                    </span>
                  )}
                  {s.inReview && s.inReview.number !== s.latest?.number && (
                    <span className="status-pill status-in_review">
                      v{s.inReview.number} · {VERSION_STATUS_WORDS.IN_REVIEW}
                    </span>
                  )}
                  {s.publishedNumber !== undefined && s.publishedNumber !== s.latest?.number && (
                    <span className="status-pill status-live">live: v{s.publishedNumber}</span>
                  )}
                </span>
                <span className="strategy-byline muted small">
                  {s.createdBy && <span>by {s.createdBy === user.id ? 'you' : owners[s.createdBy]}</span>}
                  {s.updatedAt && <span>changed {formatDate(s.updatedAt)}</span>}
                </span>
              </button>
              {onReview && (
                <Button
                  className="strategy-review-link"
                  onClick={() => onReview(s.id)}
                  title={`Versions, review and publishing of ${s.name}`}
                >
                  Versions &amp; review
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
