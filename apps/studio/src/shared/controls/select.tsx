export interface Choice<T extends string> {
  value: T;
  label: string;
  /** Options with a group are listed under that heading. */
  group?: string;
}

export function Select<T extends string>({
  value,
  options,
  onChange,
  label,
  id,
  invalid,
  className,
}: {
  value: T;
  options: readonly Choice<T>[];
  onChange(value: T): void;
  label: string;
  id?: string;
  invalid?: boolean;
  className?: string;
}) {
  const known = options.some((o) => o.value === value);
  return (
    <select
      id={id}
      aria-label={label}
      aria-invalid={invalid || undefined}
      className={`${invalid ? 'invalid' : ''} ${className ?? ''}`}
      value={value}
      onChange={(e) => {
        const chosen = options.find((o) => o.value === e.target.value);
        if (chosen) onChange(chosen.value);
      }}
    >
      {!known && <option value={value}>{value || 'Choose…'}</option>}
      {options
        .filter((o) => !o.group)
        .map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      {[...new Set(options.flatMap((o) => (o.group ? [o.group] : [])))].map((group) => (
        <optgroup key={group} label={group}>
          {options
            .filter((o) => o.group === group)
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
