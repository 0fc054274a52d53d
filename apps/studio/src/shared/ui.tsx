import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type ReactNode,
} from 'react';

/** UI primitives: labelled, keyboard-usable, with visible focus (see ui.css). */

type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export function Button({
  variant = 'secondary',
  shortcut,
  className,
  title,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; shortcut?: string }) {
  const tip = shortcut ? `${title ?? ''}${title ? ' ' : ''}(${shortcut})` : title;
  return (
    <button
      type="button"
      className={`btn btn-${variant} ${className ?? ''}`}
      title={tip}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      {...rest}
    />
  );
}

/** "Ctrl+Z" → "Control+Z" for aria-keyshortcuts. */
function ariaShortcut(shortcut: string): string {
  return shortcut.replace(/Ctrl/g, 'Control').replace(/⌘/g, 'Meta').replace(/ or /g, ' ');
}

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
    <div className={`field ${inline ? 'field-inline' : ''} ${errors?.length ? 'field-invalid' : ''}`}>
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

export function Tabs<T extends string>({
  tabs,
  active,
  onChange,
  label,
}: {
  tabs: readonly Choice<T>[];
  active: T;
  onChange(tab: T): void;
  label: string;
}) {
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((t) => (
        <button
          key={t.value}
          type="button"
          role="tab"
          aria-selected={t.value === active}
          tabIndex={t.value === active ? 0 : -1}
          className={`tab ${t.value === active ? 'tab-active' : ''}`}
          onClick={() => onChange(t.value)}
          onKeyDown={(e) => {
            const i = tabs.findIndex((x) => x.value === active);
            const next =
              e.key === 'ArrowRight'
                ? tabs[(i + 1) % tabs.length]
                : e.key === 'ArrowLeft'
                  ? tabs[(i - 1 + tabs.length) % tabs.length]
                  : undefined;
            if (next) {
              e.preventDefault();
              onChange(next.value);
              (
                e.currentTarget.parentElement?.querySelector(
                  `[data-tab="${next.value}"]`,
                ) as HTMLElement | null
              )?.focus();
            }
          }}
          data-tab={t.value}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** A modal dialog: focus moves in, Escape closes (when allowed), focus returns on close. */
export function Dialog({
  title,
  children,
  onClose,
  actions,
}: {
  title: string;
  children: ReactNode;
  onClose?: () => void;
  actions: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('button, input, select, textarea')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onClose) onClose();
          if (e.key === 'Tab') trapFocus(e, ref.current);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}

function trapFocus(e: React.KeyboardEvent, root: HTMLElement | null) {
  const items = root
    ? [...root.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex="0"]')]
    : [];
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

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
