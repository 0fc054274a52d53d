import type { EditorEnvironment } from './editor-context';

const list = (names: string[], max = 3) =>
  names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

function diff<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
  same: (a: T, b: T) => boolean,
) {
  const old = new Map(before.map((t) => [key(t), t]));
  const now = new Map(after.map((t) => [key(t), t]));
  return {
    added: after.filter((t) => !old.has(key(t))),
    removed: before.filter((t) => !now.has(key(t))),
    changed: after.filter((t) => old.has(key(t)) && !same(old.get(key(t))!, t)),
  };
}

const fields = (env: EditorEnvironment) => [
  ...(env.schema.customer ?? []).map((f) => ({ ...f, name: `customer.${f.name}` })),
  ...(env.schema.context ?? []).map((f) => ({ ...f, name: `context.${f.name}` })),
];
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const CHANGES = ['added', 'removed', 'changed'] as const;

/**
 * What changed in the catalog, the customer schema or the registry models since the editor loaded
 * them, in one sentence ("2 actions added (Gold card, Travel insurance); field customer.tenure
 * added"), or undefined when nothing did. The editor reloads them when the page gets the focus
 * back, so a change made in another tab or by someone else shows without a reload.
 */
export function environmentChanges(before: EditorEnvironment, after: EditorEnvironment): string | undefined {
  const parts: string[] = [];
  const actions = diff(before.actions, after.actions, (a) => a.id, sameJson);
  const say = (what: string, items: string[], verb: string) => {
    if (items.length === 0) return;
    parts.push(
      items.length === 1
        ? `${what} ${items[0]} ${verb}`
        : `${items.length} ${what}s ${verb} (${list(items)})`,
    );
  };
  for (const verb of CHANGES)
    say(
      'action',
      actions[verb].map((a) => a.name),
      verb,
    );
  const schema = diff(fields(before), fields(after), (f) => f.name, sameJson);
  for (const verb of CHANGES)
    say(
      'field',
      schema[verb].map((f) => f.name),
      verb,
    );
  const models = diff(
    Object.keys(before.models ?? {}),
    Object.keys(after.models ?? {}),
    (k) => k,
    () => true,
  );
  say('model version', models.added, 'added');
  return parts.length ? `${parts.join('; ')}.` : undefined;
}
