import { z } from 'zod';
import { ACTION_CORE_FIELDS, isCoreField } from './action-fields';

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date (use ISO 8601, e.g. 2026-01-31)');

/** An action from the catalog: an offer, a call, a message, a service step. */
export const actionDefinitionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  group: z.string().optional(),
  channel: z.string().optional(),
  value: z.number().finite().optional(),
  cost: z.number().finite().optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  tags: z.array(z.string()).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type ActionDefinition = z.infer<typeof actionDefinitionSchema>;

/** What conditions see as the `action` fact: the definition with its attributes spread in. */
export type ActionFact = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly name: string;
  readonly group?: string;
  readonly channel?: string;
  readonly value?: number;
  readonly cost?: number;
  readonly tags?: readonly string[];
};

/** Position of an action in the compiled catalog; a symbol, so conditions and paths never see it. */
export const CATALOG_INDEX = Symbol('catalogIndex');

/** The catalog position of an action fact made by toActionFact (-1 for foreign objects). */
export function catalogIndex(action: ActionFact): number {
  return (action as { [CATALOG_INDEX]?: number })[CATALOG_INDEX] ?? -1;
}

export function toActionFact(action: ActionDefinition, index = -1): ActionFact {
  const { attributes, ...core } = action;
  const fact: Record<string | symbol, unknown> = { [CATALOG_INDEX]: index };
  // Attributes never shadow the core properties.
  for (const [key, value] of Object.entries(attributes ?? {})) if (!isCoreField(key)) fact[key] = value;
  for (const [key, value] of Object.entries(core)) if (value !== undefined) fact[key] = value;
  return Object.freeze(fact) as ActionFact;
}

/** Names an `action.*` condition or expression may read, given a catalog. */
export function actionFieldNames(actions: readonly ActionDefinition[]): Set<string> {
  const names = new Set<string>(ACTION_CORE_FIELDS);
  for (const action of actions) for (const key of Object.keys(action.attributes ?? {})) names.add(key);
  return names;
}
