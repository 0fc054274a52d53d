import { useServerQuery } from '../api/use-server-query';
import { graphqlReviewQueueApi, type ReviewQueueApi } from './review-queue-api';

/**
 * How many versions wait for the signed-in reviewer, beside "Review queue" in the navigation. Asked
 * again whenever `refresh` changes (the screen shown); nothing is shown while unknown or on failure.
 */
export function ReviewQueueCount({
  refresh,
  api = graphqlReviewQueueApi,
}: {
  refresh?: unknown;
  api?: ReviewQueueApi;
}) {
  // `refresh` is not read, only a cue to ask again; the count shown stays until the answer.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const { data, error } = useServerQuery(() => api.load(), [api, refresh], { keepPrevious: true });
  // A count is a convenience: the queue screen itself reports errors.
  if (!data || error) return null;
  const count = data.length;
  return (
    <span className={`nav-count ${count ? 'nav-count-waiting' : ''}`} aria-label={`${count} waiting`}>
      {count}
    </span>
  );
}
