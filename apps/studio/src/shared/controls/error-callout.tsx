import type { ReactNode } from 'react';

/** A problem the user should read now, announced to screen readers as it appears. */
export function ErrorCallout({ children }: { children: ReactNode }) {
  return (
    <p className="callout callout-error" role="alert">
      {children}
    </p>
  );
}
