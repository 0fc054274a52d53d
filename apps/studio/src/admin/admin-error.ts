import { ApiError } from '../api/client';
import { errorMessage } from '../shared/error-message';

/** Like errorMessage, but a CONFLICT here is a duplicate (e.g. an email in use), not a concurrent edit. */
export function adminError(err: unknown): string {
  return err instanceof ApiError && err.code === 'CONFLICT' ? err.message : errorMessage(err);
}
