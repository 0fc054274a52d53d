import { useMemo, useState, type ReactNode } from 'react';
import type { ActionDefinition } from '@arbiter/engine';
import { Button, Select } from '../../shared/ui';
import type { EditorContextValue } from '../editor-context';

/** Settings that can be given per group of actions and per single action (rules, models, levers). */
export interface Scoped<T> {
  byGroup?: Record<string, T>;
  byAction?: Record<string, T>;
}

export type ScopeKey = keyof Scoped<unknown>;

function scopeChoices(actions: readonly ActionDefinition[], taken: Scoped<unknown>) {
  const groups = [...new Set(actions.flatMap((a) => (a.group ? [a.group] : [])))].sort();
  return [
    ...groups.filter((g) => !taken.byGroup?.[g]).map((g) => ({ value: `group:${g}`, label: `Group: ${g}` })),
    ...actions
      .filter((a) => !taken.byAction?.[a.id])
      .map((a) => ({ value: `action:${a.id}`, label: `Action: ${a.name}` })),
  ];
}

/** The entries of a scoped setting, groups first: `name` is the group or the action id, `title` says which. */
export function scopedEntries<T>(value: Scoped<T>, actions: readonly ActionDefinition[]) {
  return [
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
      title: actions.find((a) => a.id === name)?.name ?? name,
    })),
  ];
}

/** The scoped setting with the entry of `name` set, or removed when `entry` is undefined. */
export function putScoped<T, S extends Scoped<T>>(
  value: S,
  key: ScopeKey,
  name: string,
  entry: T | undefined,
): S {
  const map = { ...(value[key] ?? {}) };
  if (entry === undefined) delete map[name];
  else map[name] = entry;
  return { ...value, [key]: Object.keys(map).length ? map : undefined };
}

/** A choice of the groups and actions without an entry yet, and a button to add one. */
export function AddScopedEntry({
  label,
  actions,
  taken,
  onAdd,
}: {
  label: string;
  actions: readonly ActionDefinition[];
  taken: Scoped<unknown>;
  onAdd(key: ScopeKey, name: string): void;
}) {
  // Over the whole catalog (thousands of actions): not again at every key typed elsewhere.
  const { byGroup, byAction } = taken;
  const choices = useMemo(() => scopeChoices(actions, { byGroup, byAction }), [actions, byGroup, byAction]);
  const [choice, setChoice] = useState('');
  if (choices.length === 0) return null;
  return (
    <div className="add-row">
      <Select
        label={label}
        value={choice}
        options={[{ value: '', label: `${label}…` }, ...choices]}
        onChange={setChoice}
      />
      <Button
        className="btn-small"
        disabled={!choice}
        onClick={() => {
          const [kind, ...rest] = choice.split(':');
          onAdd(kind === 'group' ? 'byGroup' : 'byAction', rest.join(':'));
          setChoice('');
        }}
      >
        Add
      </Button>
    </div>
  );
}

/**
 * Adds, lists and removes the per-group and per-action entries of a step's settings (`config.byGroup`,
 * `config.byAction`); `render` draws one entry's editor, `field` being where its problems are reported.
 */
export function ScopedEntries<T, C extends Scoped<T>>({
  config,
  onChange,
  context,
  makeNew,
  render,
  addLabel,
}: {
  /** The step's settings: `Scoped<T>` spelled out for `T` to be inferred from them. */
  config: C & Scoped<T>;
  onChange(next: C): void;
  context: EditorContextValue;
  /** A new entry; its type comes from `config`. */
  makeNew(): NoInfer<T>;
  render(
    entry: T,
    update: (next: T, coalesceKey?: string) => void,
    at: { name: string; field: string },
  ): ReactNode;
  addLabel: string;
}) {
  const { actions } = context.env;
  const put = (key: ScopeKey, name: string, entry: T | undefined) =>
    onChange(putScoped(config, key, name, entry));
  return (
    <div className="scoped-entries">
      {scopedEntries(config, actions).map((e) => {
        const title = e.key === 'byAction' ? `Action ${e.title}` : e.title;
        return (
          <details key={`${e.key}:${e.name}`} className="scoped-entry" open>
            <summary>
              <span>{title}</span>
              <Button
                variant="ghost"
                className="btn-small"
                onClick={() => put(e.key, e.name, undefined)}
                aria-label={`Remove ${title}`}
              >
                Remove
              </Button>
            </summary>
            {render(e.value, (next) => put(e.key, e.name, next), {
              name: e.name,
              field: `config.${e.key}.${e.name}`,
            })}
          </details>
        );
      })}
      <AddScopedEntry
        label={addLabel}
        actions={actions}
        taken={config}
        onAdd={(key, name) => put(key, name, makeNew())}
      />
    </div>
  );
}
