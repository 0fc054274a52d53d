import type { ReactNode } from 'react';

/** A section of a model's page, named by its heading for assistive technology. */
export function ModelSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="mdl-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
