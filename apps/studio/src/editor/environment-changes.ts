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
  say(
    'action',
    actions.added.map((a) => a.name),
    'added',
  );
  say(
    'action',
    actions.removed.map((a) => a.name),
    'removed',
  );
  say(
    'action',
    actions.changed.map((a) => a.name),
    'changed',
  );
  const schema = diff(fields(before), fields(after), (f) => f.name, sameJson);
  say(
    'field',
    schema.added.map((f) => f.name),
    'added',
  );
  say(
    'field',
    schema.removed.map((f) => f.name),
    'removed',
  );
  say(
    'field',
    schema.changed.map((f) => f.name),
    'changed',
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
