import { useId, useState } from 'react';

/** Chips for a list of strings; typing + Enter adds one, choices offer known values. */
export function ChipsInput({
  values,
  onChange,
  label,
  suggestions = [],
  invalid,
}: {
  values: readonly string[];
  onChange(values: string[]): void;
  label: string;
  suggestions?: readonly string[];
  invalid?: boolean;
}) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const v = raw.trim();
    if (v && !values.includes(v)) onChange([...values, v]);
    setDraft('');
  };
  return (
    <div className={`chips ${invalid ? 'invalid' : ''}`}>
      {values.map((v) => (
        <span key={v} className="chip">
          {v}
          <button
            type="button"
            aria-label={`Remove ${v}`}
            title={`Remove ${v}`}
            onClick={() => onChange(values.filter((x) => x !== v))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        aria-label={label}
        list={suggestions.length ? listId : undefined}
        value={draft}
        placeholder={values.length ? '' : 'Type and press Enter'}
        onChange={(e) => {
          const v = e.target.value;
          if (suggestions.includes(v)) add(v);
          else setDraft(v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && draft === '' && values.length) onChange(values.slice(0, -1));
        }}
        onBlur={() => draft && add(draft)}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions
            .filter((s) => !values.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      )}
    </div>
  );
}
