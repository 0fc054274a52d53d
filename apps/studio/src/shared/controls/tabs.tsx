import type { Choice } from './select';

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
