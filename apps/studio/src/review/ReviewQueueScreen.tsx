import { useServerQuery } from '../api/use-server-query';
import { routeHash } from '../app/router';
import { usePeople } from '../shared/people';
import { Button, EmptyState, ErrorCallout } from '../shared/ui';
import { evidenceWords, graphqlReviewQueueApi, type ReviewQueueApi } from './review-queue-api';
import { formatDate } from '../shared/format-date';

const when = (iso?: string | null) => (iso ? formatDate(iso) : 'at an unknown time');

/** The reviewer's queue: each version waiting for them, with what it is and its evidence, linked to its review. */
export function ReviewQueueScreen({ api = graphqlReviewQueueApi }: { api?: ReviewQueueApi }) {
  const { data: items, error, reload } = useServerQuery(() => api.load(), [api]);
  const submitters = usePeople(items?.map((i) => i.version.submittedBy) ?? []);

  return (
    <main className="page-main review-queue">
      <h1>Review queue</h1>
      <p className="muted">
        Versions submitted for review that you may approve or reject: you neither wrote nor edited them (four
        eyes). Longest waiting first.
      </p>
      {error && (
        <ErrorCallout>
          Could not load the queue: {error} <Button onClick={() => void reload()}>Try again</Button>
        </ErrorCallout>
      )}
      {!items && !error && <p className="muted">Loading the queue…</p>}
      {items?.length === 0 && (
        <EmptyState title="Nothing waits for you">
          When a designer submits a version, it appears here.
        </EmptyState>
      )}
      {items && items.length > 0 && (
        <ul className="queue-list" aria-label="Waiting for your review">
          {items.map(({ strategy, version }) => (
            <li key={version.id} className="queue-item">
              <a
                className="queue-title"
                href={routeHash({ screen: 'review', strategyId: strategy.id, versionId: version.id })}
              >
                {strategy.name} · version {version.number}
              </a>
              {strategy.description && <p className="small">{strategy.description}</p>}
              <p className="muted small">
                Submitted {when(version.submittedAt)}
                {version.submittedBy && ` by ${submitters[version.submittedBy]}`} ·{' '}
                {evidenceWords(version.evidence)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
