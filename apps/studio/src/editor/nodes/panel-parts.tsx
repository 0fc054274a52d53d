import type { ReactNode } from 'react';
import { Field, NumberInput } from '../../shared/ui';
import { FieldMessages } from '../field-messages';
import type { ProblemLookup } from '../problems';

export function PanelSection({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="panel-section" aria-label={title}>
      <h3>{title}</h3>
      {hint && <p className="muted small">{hint}</p>}
      {children}
    </section>
  );
}

export function CheckboxList<T extends string>({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly { value: T; label: string; hint?: string }[];
  selected: readonly T[];
  onChange(values: T[]): void;
}) {
  return (
    <fieldset className="checkbox-list">
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox-row">
          <input
            type="checkbox"
            checked={selected.includes(o.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))
            }
          />
          <span>{o.label}</span>
          {o.hint && <span className="muted small"> {o.hint}</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** Empty arrays and undefined are the same "not set" for optional list settings. */
export function orUndefined<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

/**
 * How many candidates a step keeps at most (its `config.limit`); empty keeps them all. Children go
 * under the input.
 */
export function LimitField<C extends { limit?: number }>({
  id,
  label,
  config,
  onChange,
  problems,
}: {
  id: string;
  label: string;
  config: C;
  onChange(next: C, coalesceKey?: string): void;
  problems: ProblemLookup;
}) {
  return (
    <Field label={label} htmlFor={id}>
      <NumberInput
        id={id}
        label={label}
        integer
        min={1}
        max={1000}
        optional
        placeholder="all"
        value={config.limit}
        onChange={(limit) => onChange({ ...config, limit }, 'config.limit')}
        invalid={problems.has('config.limit')}
      />
      <FieldMessages messages={problems.messages('config.limit')} />
    </Field>
  );
}
