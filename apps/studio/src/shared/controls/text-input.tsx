export function TextInput({
  value,
  onChange,
  label,
  id,
  invalid,
  placeholder,
  className,
}: {
  value: string;
  onChange(value: string): void;
  label: string;
  id?: string;
  invalid?: boolean;
  placeholder?: string;
  className?: string;
}) {
  return (
    <input
      id={id}
      type="text"
      aria-label={label}
      aria-invalid={invalid || undefined}
      className={`${invalid ? 'invalid' : ''} ${className ?? ''}`}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
