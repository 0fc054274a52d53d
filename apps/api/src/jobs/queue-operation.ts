import { unavailable } from '../common/errors';
import { JobQueueUnavailableError } from './job-runner';

const QUEUE_RETRY_AFTER_SECONDS = 5;

/**
 * Runs an operation on the job queue: a queue out of reach is a retryable UNAVAILABLE ("no `work`
 * can be started now"), not an internal error.
 */
export async function queueOperation<T>(work: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!(error instanceof JobQueueUnavailableError)) throw error;
    throw unavailable(
      `The job queue (Redis) does not answer, so no ${work} can be started now; try again in a few seconds. (${error.message})`,
      QUEUE_RETRY_AFTER_SECONDS,
    );
  }
}
