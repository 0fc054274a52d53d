import { FIELD_NAME } from './field-name';

/**
 * What a catalog action's fields may hold. The API validates every write against these rules and
 * the studio checks what a user types against them, each in its own words; the json-rules-engine
 * import makes its actions fit them.
 */

/** An action's own fields, beside its free attributes: no attribute may take one of these names. */
export const ACTION_CORE_FIELDS = [
  'id',
  'name',
  'group',
  'channel',
  'value',
  'cost',
  'validFrom',
  'validTo',
  'tags',
] as const;
export type ActionCoreField = (typeof ACTION_CORE_FIELDS)[number];

/** Whether an attribute name is taken by one of the action's own fields. */
export function isCoreField(name: string): name is ActionCoreField {
  return (ACTION_CORE_FIELDS as readonly string[]).includes(name);
}

/** An action id: letters, digits, "-" and "_" (strategies refer to actions by it). */
export const ACTION_ID = /^[A-Za-z0-9_-]+$/;
/** An attribute name is an identifier, like a field name: expressions read it as `action.<name>`. */
export const ATTRIBUTE_NAME = FIELD_NAME;
/** Characters no tag may hold: they separate tags in the studio and in CSV files. */
export const TAG_SEPARATORS = /[,;|]/;

export const ACTION_LIMITS = {
  /** Characters of an id. */
  id: 64,
  /** Characters of a name. */
  name: 200,
  /** Characters of a group, a channel or a tag. */
  label: 100,
  tags: 50,
  /** Largest magnitude of a value or a cost. */
  amount: 1e12,
  /** Characters of the attributes as JSON. */
  attributesJson: 20_000,
} as const;
