import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { EXAMPLES } from '@arbiter/engine/examples';
import type { SessionUser } from '../auth/session';
import { Button, EmptyState, Select } from '../shared/ui';
import { Icon } from '../shared/icons';
import type { StrategySource, StrategySummary } from './strategy-source';

const STATUS_WORDS: Record<string, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  PUBLISHED: 'Published',
  RETIRED: 'Retired',
};

export function StrategiesScreen({
  source,
  user,
  onOpen,
  onReview,
}: {
  source: StrategySource;
  user: SessionUser;
  onOpen(id: string): void;
  /** Versions, review and publishing (API mode only). */
  onReview?: (id: string) => void;
}) {
  const [strategies, setStrategies] = useState<StrategySummary[]>();
  const [error, setError] = useState<string>();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('empty');
  const [busy, setBusy] = useState(false);
  const canDesign = user.roles.includes('designer');

  const refresh = useCallback(() => {
    source
      .list()
      .then(setStrategies)
      .catch((err: unknown) => setError((err as Error).message));
  }, [source]);
  useEffect(refresh, [refresh]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      const example = EXAMPLES.find((x) => x.id === template);
      const id = await source.create(
        name.trim(),
        example ? example.document : { schemaVersion: 1, name: name.trim(), nodes: [], edges: [] },
      );
      onOpen(id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="strategies-main">
      <h1>Strategies</h1>
      <p className="muted">
        A strategy decides which actions to offer each customer, in which order, and why.
      </p>
      {canDesign && (
        <form className="create-strategy" onSubmit={(e) => void create(e)} aria-label="Create a strategy">
          <div className="field">
            <label className="field-label" htmlFor="new-name">
              New strategy
            </label>
            <input
              id="new-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Summer retention"
              required
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="new-template">
              Start from
            </label>
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
          </div>
          <Button variant="primary" type="submit" disabled={busy || !name.trim()}>
            <Icon name="plus" size={14} /> Create and open
          </Button>
        </form>
      )}
      {error && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
      {!strategies && !error && <p className="muted">Loading strategies…</p>}
      {strategies?.length === 0 && (
        <EmptyState title="No strategies yet">
          {canDesign
            ? 'Give your first strategy a name above and start designing.'
            : 'Designers create strategies; ask one to share theirs.'}
        </EmptyState>
      )}
      {strategies && strategies.length > 0 && (
        <ul className="strategy-list">
          {strategies.map((s) => (
            <li key={s.id}>
              <button type="button" className="strategy-card" onClick={() => onOpen(s.id)}>
                <span className="strategy-name">{s.name}</span>
                {s.description && <span className="muted small">{s.description}</span>}
                <span className="strategy-meta small">
                  {s.latest && (
                    <span className={`status-pill status-${s.latest.status.toLowerCase()}`}>
                      v{s.latest.number} · {STATUS_WORDS[s.latest.status] ?? s.latest.status}
                    </span>
                  )}
                  {s.publishedNumber !== undefined && (
                    <span className="status-pill status-published">live: v{s.publishedNumber}</span>
                  )}
                  {s.updatedAt && (
                    <span className="muted">changed {new Date(s.updatedAt).toLocaleString()}</span>
                  )}
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
