import { useEffect, useRef, useState } from 'react';
import { useReportInputError } from './field';

/** Number input that only commits valid numbers in range, and says what is wrong otherwise. */
export function NumberInput({
  value,
  onChange,
  min,
  max,
  step,
  integer,
  optional,
  label,
  id,
  invalid,
  className,
  placeholder,
}: {
  value: number | undefined;
  onChange(value: number | undefined): void;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  optional?: boolean;
  label: string;
  id?: string;
  invalid?: boolean;
  className?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [error, setError] = useState<string>();
  useReportInputError(label, error);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(value === undefined ? '' : String(value));
  }, [value]);
  const commit = (raw: string) => {
    setText(raw);
    const trimmed = raw.trim().replace(',', '.');
    if (trimmed === '') {
      if (optional) {
        setError(undefined);
        onChange(undefined);
      } else setError('enter a number');
      return;
    }
    const n = Number(trimmed);
    if (!Number.isFinite(n)) return setError('enter a number');
    if (integer && !Number.isInteger(n)) return setError('enter a whole number');
    if (min !== undefined && n < min) return setError(`at least ${min}`);
    if (max !== undefined && n > max) return setError(`at most ${max}`);
    setError(undefined);
    onChange(n);
  };
  return (
    <span className={`number-input ${className ?? ''}`}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid || !!error || undefined}
        className={invalid || error ? 'invalid' : undefined}
        value={text}
        placeholder={placeholder}
        step={step}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          if (!error) setText(value === undefined ? '' : String(value));
        }}
        onChange={(e) => commit(e.target.value)}
      />
      {error && (
        <span className="input-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
