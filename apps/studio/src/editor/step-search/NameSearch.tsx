import { useMemo, useState } from 'react';

export interface NameMatch {
  id: string;
  title: string;
  /** Shown after the title, e.g. the step's kind. */
  detail?: string;
}

/** A search box that lists the matches of what is typed; Enter or a click picks one. */
export function NameSearch({
  id,
  label,
  placeholder,
  find,
  onPick,
  className,
}: {
  id: string;
  label: string;
  placeholder: string;
  find(text: string): NameMatch[];
  onPick(id: string): void;
  className?: string;
}) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => find(text), [find, text]);
  const open = text.trim() !== '';
  const listId = `${id}-matches`;
  const pick = (picked: string | undefined) => {
    if (!picked) return;
    onPick(picked);
    setText('');
    setActive(0);
  };
  return (
    <div className={`name-search ${className ?? ''}`}>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') pick(matches[active]?.id);
          else if (e.key === 'Escape') setText('');
          else return;
          e.preventDefault();
        }}
      />
      {open && matches.length === 0 && (
        <div className="name-search-matches muted small" role="status">
          Nothing has that name.
        </div>
      )}
      {open && matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label={`${label}: matches`} className="name-search-matches">
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m.id);
              }}
            >
              {m.title}
              {m.detail && <span className="muted small"> · {m.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
