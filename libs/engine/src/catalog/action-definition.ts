import type { ActionDefinition } from './action';

/** A catalog action as the API stores it and the studio loads it: null (or absent) is "not set". */
export interface StoredAction {
  id: string;
  name: string;
  group?: string | null;
  channel?: string | null;
  value?: number | null;
  cost?: number | null;
  /** A Date (the API's rows) or ISO 8601 text (GraphQL answers). */
  validFrom?: Date | string | null;
  validTo?: Date | string | null;
  tags: string[];
  /** An object of attributes; anything else counts as none. */
  attributes: unknown;
}

/** The catalog action as the engine sees it: fields not set and empty lists left out, dates as ISO text. */
export function toActionDefinition(a: StoredAction): ActionDefinition {
  const attributes = isRecord(a.attributes) ? a.attributes : {};
  return {
    id: a.id,
    name: a.name,
    ...(a.group != null && { group: a.group }),
    ...(a.channel != null && { channel: a.channel }),
    ...(a.value != null && { value: a.value }),
    ...(a.cost != null && { cost: a.cost }),
    ...(a.validFrom != null && { validFrom: isoText(a.validFrom) }),
    ...(a.validTo != null && { validTo: isoText(a.validTo) }),
    ...(a.tags.length > 0 && { tags: a.tags }),
    ...(Object.keys(attributes).length > 0 && { attributes }),
  };
}

const isoText = (date: Date | string) => (typeof date === 'string' ? date : date.toISOString());
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
