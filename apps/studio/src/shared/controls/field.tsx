import { createContext, useContext, useEffect, useId, type ReactNode } from 'react';

export function Field({
  label,
  hint,
  errors,
  children,
  htmlFor,
  inline,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  children: ReactNode;
  htmlFor?: string;
  inline?: boolean;
}) {
  return (
    <div
      className={['field', inline && 'field-inline', errors?.length && 'field-invalid']
        .filter(Boolean)
        .join(' ')}
    >
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {hint && !errors?.length && <div className="field-hint">{hint}</div>}
      {errors?.map((e) => (
        <div key={e} className="field-error" role="alert">
          {e}
        </div>
      ))}
    </div>
  );
}

/**
 * Told of every value typed into an input but not accepted (shown under it, not committed), keyed by
 * the input, and of its end (message undefined): a screen such as the editor counts them as problems.
 */
export const InputErrorsContext = createContext<(key: string, message: string | undefined) => void>(
  () => undefined,
);

/** Reports this input's refused value (if any) to the screen while it is shown. */
export function useReportInputError(label: string, error: string | undefined): void {
  const report = useContext(InputErrorsContext);
  const key = useId();
  useEffect(() => {
    report(key, error && `${label}: ${error}`);
    return () => report(key, undefined);
  }, [report, key, label, error]);
}
