import { useMemo, useState, type ReactNode } from 'react';
import type { ActionDefinition } from '@arbiter/engine';
import { Select } from '../../shared/ui';
import type { EditorContextValue } from '../editor-context';

/** Settings that can be given per group of actions and per single action (rules, models, levers). */
export interface Scoped<T> {
  byGroup?: Record<string, T>;
  byAction?: Record<string, T>;
}

export function scopeChoices(actions: readonly ActionDefinition[], taken: Scoped<unknown>) {
  const groups = [...new Set(actions.flatMap((a) => (a.group ? [a.group] : [])))].sort();
  return [
    ...groups.filter((g) => !taken.byGroup?.[g]).map((g) => ({ value: `group:${g}`, label: `Group: ${g}` })),
    ...actions
      .filter((a) => !taken.byAction?.[a.id])
      .map((a) => ({ value: `action:${a.id}`, label: `Action: ${a.name}` })),
  ];
}

/** Adds, lists and removes per-group and per-action entries; `render` draws one entry's editor. */
export function ScopedEntries<T>({
  value,
  onChange,
  context,
  makeNew,
  render,
  addLabel,
}: {
  value: Scoped<T>;
  onChange(next: Scoped<T>): void;
  context: EditorContextValue;
  makeNew(): T;
  render(
    entry: T,
    update: (next: T, coalesceKey?: string) => void,
    key: 'byGroup' | 'byAction',
    name: string,
  ): ReactNode;
  addLabel: string;
}) {
  // Over the whole catalog (thousands of actions): not again at every key typed elsewhere.
  const { actions } = context.env;
  const { byGroup, byAction } = value;
  const choices = useMemo(() => scopeChoices(actions, { byGroup, byAction }), [actions, byGroup, byAction]);
  const [choice, setChoice] = useState('');
  const entries = [
    ...Object.entries(value.byGroup ?? {}).map(([name, v]) => ({
      key: 'byGroup' as const,
      name,
      value: v,
      title: `Group ${name}`,
    })),
    ...Object.entries(value.byAction ?? {}).map(([name, v]) => ({
      key: 'byAction' as const,
      name,
      value: v,
      title: `Action ${context.env.actions.find((a) => a.id === name)?.name ?? name}`,
    })),
  ];
  const put = (key: 'byGroup' | 'byAction', name: string, entry: T | undefined) => {
    const map = { ...(value[key] ?? {}) };
    if (entry === undefined) delete map[name];
    else map[name] = entry;
    onChange({ ...value, [key]: Object.keys(map).length ? map : undefined });
  };
  return (
    <div className="scoped-entries">
      {entries.map((e) => (
        <details key={`${e.key}:${e.name}`} className="scoped-entry" open>
          <summary>
            <span>{e.title}</span>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => put(e.key, e.name, undefined)}
              aria-label={`Remove ${e.title}`}
            >
              Remove
            </button>
          </summary>
          {render(e.value, (next) => put(e.key, e.name, next), e.key, e.name)}
        </details>
      ))}
      {choices.length > 0 && (
        <div className="add-row">
          <Select
            label={addLabel}
            value={choice}
            options={[{ value: '', label: `${addLabel}…` }, ...choices]}
            onChange={setChoice}
          />
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={!choice}
            onClick={() => {
              const [kind, ...rest] = choice.split(':');
              put(kind === 'group' ? 'byGroup' : 'byAction', rest.join(':'), makeNew());
              setChoice('');
            }}
          >
            Add
          </button>
        </div>
      )}
    </div>
  );
}
