import { useId, type ReactNode } from 'react';
import { NumberInput } from './number-input';

export function Toggle({
  checked,
  onChange,
  label,
  hint,
}: {
  checked: boolean;
  onChange(checked: boolean): void;
  label: ReactNode;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="toggle-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="toggle"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>
        {label}
        {hint && <span className="field-hint"> {hint}</span>}
      </label>
    </div>
  );
}

/** A slider with its number beside it; both move together. */
export function Slider({
  value,
  onChange,
  min,
  max,
  step,
  label,
  format = (v) => String(v),
}: {
  value: number;
  onChange(value: number): void;
  min: number;
  max: number;
  step: number;
  label: string;
  format?: (v: number) => string;
}) {
  const id = useId();
  return (
    <div className="slider-row">
      <label htmlFor={id} className="slider-label">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={format(value)}
      />
      <NumberInput
        label={`${label} (number)`}
        value={value}
        onChange={(v) => v !== undefined && onChange(v)}
        min={min}
        max={max}
        className="slider-number"
      />
    </div>
  );
}
