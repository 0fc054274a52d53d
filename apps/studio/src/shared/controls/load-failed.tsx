import { ErrorCallout } from './error-callout';

/** A list or page that could not be read from the server, with a way to ask again. */
export function LoadFailed({ what, error, onRetry }: { what: string; error: string; onRetry(): void }) {
  return (
    <ErrorCallout>
      Could not load {what}: {error}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        Try again
      </button>
    </ErrorCallout>
  );
}
