import { useEffect, useState } from 'react';
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
  const [count, setCount] = useState<number>();
  useEffect(() => {
    let live = true;
    api
      .load()
      .then((items) => live && setCount(items.length))
      // A count is a convenience: the queue screen itself reports errors.
      .catch(() => live && setCount(undefined));
    return () => {
      live = false;
    };
  }, [api, refresh]);
  if (count === undefined) return null;
  return (
    <span className={`nav-count ${count ? 'nav-count-waiting' : ''}`} aria-label={`${count} waiting`}>
      {count}
    </span>
  );
}
