import { createHash } from 'node:crypto';
import {
  actionsSelected,
  canonicalJson,
  fieldsRead,
  validateStrategy,
  withoutLayout,
  type ActionDefinition,
  type DataSchema,
  type FieldDefinition,
  type ModelSpec,
  type StrategyDocument,
  type StrategyEnvironment,
} from '@arbiter/engine';
import { recordHash } from '../audit/record-hash';

/**
 * What a version reads outside its document, copied into the version: the catalog entries its
 * actions steps select and the declared fields it reads. A version in review, approved or
 * published decides with its own copy, so a later catalog or schema edit cannot change it; a draft's
 * copy follows the live catalog and schema.
 */
/** A document that reads an action's properties: a condition on `fact: "action"` or an `action.x` reference. */
const READS_ACTION = /"fact":"action"|\baction\.[A-Za-z_]/;

export interface PinnedEnvironment {
  actions: ActionDefinition[];
  /** Per scope: the declared fields the version reads; a scope with no declared field at all is absent (not checked). */
  schema: DataSchema;
  /** The registry model versions its score steps reference, by registry key; absent when it references none. */
  models?: Record<string, PinnedModel>;
}

/** A registry model version as a strategy version keeps it: the engine spec and what a reviewer reads of it. */
export interface PinnedModel {
  modelId: string;
  name: string;
  version: number;
  contentHash: string;
  auc: number | null;
  spec: ModelSpec;
}

/** The live environment as pinning sees it: the engine's, with the registry models the document references. */
export interface LiveEnvironment extends StrategyEnvironment {
  registry?: Record<string, PinnedModel>;
}

export function pinEnvironment(document: unknown, live: LiveEnvironment): PinnedEnvironment {
  // A registry model's inputs are read as surely as the document's own references.
  const reads = fieldsRead([document, ...Object.values(live.registry ?? {}).map((m) => m.spec)]);
  const schema: DataSchema = {};
  for (const scope of ['customer', 'context'] as const) {
    const declared = live.schema?.[scope];
    if (declared?.length)
      schema[scope] = declared.filter((f: FieldDefinition) => reads[scope].includes(f.name));
  }
  const pinned: PinnedEnvironment = { actions: actionsSelected(document, live.actions ?? []), schema };
  if (live.registry && Object.keys(live.registry).length) pinned.models = { ...live.registry };
  // The copy must judge the document as the live catalog does: only what a document says about
  // `action` properties (an attribute only unselected actions carry) can differ; then the whole
  // catalog is kept. Checked only for such documents: validation is the costly part of pinning.
  if (READS_ACTION.test(JSON.stringify(document) ?? '')) {
    const problems = (env: StrategyEnvironment) =>
      validateStrategy(document, env).problems.filter((p) => p.severity === 'error').length;
    if (problems(environmentOf(pinned)) !== problems({ ...live, schema }))
      pinned.actions = [...(live.actions ?? [])];
  }
  return pinned;
}

/**
 * The schema decision requests are checked against: the live declarations (the contract with
 * calling systems), with the version's own copy of each field it reads.
 */
export function requestSchema(live: DataSchema | undefined, pinned: DataSchema): DataSchema {
  const merged: DataSchema = {};
  for (const scope of ['customer', 'context'] as const) {
    const own = pinned[scope] ?? [];
    const fields = [...(live?.[scope] ?? []).filter((f) => !own.some((o) => o.name === f.name)), ...own];
    if (live?.[scope] || pinned[scope]) merged[scope] = fields;
  }
  return merged;
}

/** The engine environment of a pinned copy. */
export function environmentOf(pinned: PinnedEnvironment): LiveEnvironment {
  return {
    actions: pinned.actions,
    schema: pinned.schema,
    ...(pinned.models && withRegistry(pinned.models)),
  };
}

/** An environment's registry models, as the engine reads them (specs by key) and as pinning copies them. */
export function withRegistry(
  registry: Record<string, PinnedModel>,
): Pick<LiveEnvironment, 'models' | 'registry'> {
  return { registry, models: Object.fromEntries(Object.entries(registry).map(([key, m]) => [key, m.spec])) };
}

/**
 * The content hash of a version: the document without layout and its pinned environment, so a
 * simulation, an approval and the published version all refer to exactly one behaviour.
 */
export function versionHash(document: unknown, pinned: PinnedEnvironment): string {
  try {
    // node:crypto, not the engine's portable SHA-256: the server hashes large documents often.
    return createHash('sha256')
      .update(canonicalJson({ document: withoutLayout(document as StrategyDocument), environment: pinned }))
      .digest('hex');
  } catch {
    // A document the engine cannot read yet (a draft in progress).
    return recordHash({ document, environment: pinned });
  }
}

/** What changed between two versions' copies, in words: `action 'Gold card': value 120 → 150`. Empty when either has no copy. */
export function diffEnvironments(
  before: PinnedEnvironment | null,
  after: PinnedEnvironment | null,
): string[] {
  if (!before || !after) return [];
  const lines: string[] = [];
  const actionsBefore = new Map(before.actions.map((a) => [a.id, a]));
  const actionsAfter = new Map(after.actions.map((a) => [a.id, a]));
  for (const id of new Set([...actionsBefore.keys(), ...actionsAfter.keys()])) {
    const line = describeActionChange(id, actionsBefore.get(id) ?? null, actionsAfter.get(id) ?? null);
    if (line) lines.push(line);
  }
  lines.push(...describeModelChanges(before.models ?? {}, after.models ?? {}));
  for (const scope of ['customer', 'context'] as const) {
    const fieldsBefore = new Map((before.schema[scope] ?? []).map((f) => [f.name, f]));
    const fieldsAfter = new Map((after.schema[scope] ?? []).map((f) => [f.name, f]));
    for (const name of new Set([...fieldsBefore.keys(), ...fieldsAfter.keys()])) {
      const line = describeFieldChange(
        scope,
        name,
        fieldsBefore.get(name) ?? null,
        fieldsAfter.get(name) ?? null,
      );
      if (line) lines.push(line);
    }
  }
  return lines;
}

/** One catalog entry's change in words, or '' when nothing changed. */
export function describeActionChange(
  id: string,
  before: ActionDefinition | null,
  after: ActionDefinition | null,
): string {
  if (!before && !after) return '';
  if (!before) return `action '${after!.name}' (${id}) added`;
  if (!after) return `action '${before.name}' (${id}) removed`;
  const changes = changedProperties(flatten(before), flatten(after));
  return changes.length ? `action '${after.name}': ${changes.join(', ')}` : '';
}

/** Registry model changes in words, per model: `model 'Coupon acceptance': version 3 → 4, AUC 0.790 → 0.810`. */
export function describeModelChanges(
  before: Record<string, PinnedModel>,
  after: Record<string, PinnedModel>,
): string[] {
  const byModel = (models: Record<string, PinnedModel>) =>
    new Map(Object.values(models).map((m) => [m.modelId, m]));
  const [was, now] = [byModel(before), byModel(after)];
  const figure = (m: PinnedModel) => (m.auc === null ? 'none' : m.auc.toFixed(3));
  const auc = (m: PinnedModel) => `AUC ${figure(m)}`;
  const lines: string[] = [];
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const [b, a] = [was.get(id), now.get(id)];
    if (!b) lines.push(`model '${a!.name}' version ${a!.version} added (${auc(a!)})`);
    else if (!a) lines.push(`model '${b.name}' version ${b.version} removed`);
    else if (b.contentHash !== a.contentHash)
      lines.push(`model '${a.name}': version ${b.version} → ${a.version}, AUC ${figure(b)} → ${figure(a)}`);
  }
  return lines;
}

/** One declared field's change in words, or '' when nothing changed. */
export function describeFieldChange(
  scope: 'customer' | 'context',
  name: string,
  before: FieldDefinition | null,
  after: FieldDefinition | null,
): string {
  if (!before && !after) return '';
  if (!before) return `${scope} field '${name}' added (${after!.type})`;
  if (!after) return `${scope} field '${name}' removed`;
  const changes = changedProperties({ ...before }, { ...after });
  return changes.length ? `${scope} field '${name}': ${changes.join(', ')}` : '';
}

function flatten(action: ActionDefinition): Record<string, unknown> {
  const { attributes, ...core } = action;
  return {
    ...core,
    ...Object.fromEntries(Object.entries(attributes ?? {}).map(([k, v]) => [`attribute ${k}`, v])),
  };
}

function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => canonicalJson(before[key] ?? null) !== canonicalJson(after[key] ?? null))
    .map((key) => `${key} ${shown(before[key])} → ${shown(after[key])}`);
}

const shown = (value: unknown): string =>
  value === undefined
    ? '(not set)'
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
