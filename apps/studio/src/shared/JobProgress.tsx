import type { ReactNode } from 'react';

/**
 * The live progress of a job (a simulation, a training): what it is doing and the controls beside it,
 * a bar (`percent` undefined: not known yet, drawn full and faint) and its figures.
 */
export function JobProgress({
  title,
  barLabel,
  percent,
  valueText,
  figures,
  children,
}: {
  title: ReactNode;
  barLabel: string;
  percent: number | undefined;
  valueText: string;
  /** Shown in order; empty ones are left out. */
  figures: (string | null | undefined)[];
  children?: ReactNode;
}) {
  return (
    <section className="job-progress" aria-label="Progress">
      <div className="job-progress-head">
        <strong>{title}</strong>
        {children}
      </div>
      <div
        className="job-progress-bar"
        role="progressbar"
        aria-label={barLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent === undefined ? undefined : Math.round(percent)}
        aria-valuetext={valueText}
      >
        <div
          className={`job-progress-fill ${percent === undefined ? 'job-progress-unknown' : ''}`}
          style={{ width: `${percent ?? 100}%` }}
        />
      </div>
      <p className="job-progress-figures" aria-live="polite">
        {figures.map((figure, i) => figure && <span key={i}>{figure}</span>)}
      </p>
    </section>
  );
}
