import { Injectable } from '@nestjs/common';
import { requestLoader } from '../common/graphql/request-loader';

/** The name of another entity, for namers that compose ("comment on 'Retention' version 3"). */
export type NameOf = (entityType: string, id: string) => Promise<string | null>;

/** Names entities of one type: the ids asked (of one request) → their names; unknown ids left out. */
export type EntityNamer = (ids: string[], nameOf: NameOf) => Promise<Map<string, string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids that can be keys of a uuid column (an audit entry's id may be anything a writer chose). */
export const uuidsAmong = (ids: readonly string[]): string[] => ids.filter((id) => UUID.test(id));

/**
 * What audit entries are about, by name. Each feature registers the namer of the entity types it
 * owns (reading its own tables), so the audit log names strategies, actions or users without
 * reaching into their tables.
 */
@Injectable()
export class AuditNames {
  private readonly namers = new Map<string, EntityNamer>();

  register(entityType: string, namer: EntityNamer): void {
    this.namers.set(entityType, namer);
  }

  /** The entity's name; one call of its namer per entity type for all entries of a request. */
  nameOf(context: object, entityType: string, id: string): Promise<string | null> {
    const namer = this.namers.get(entityType);
    if (!namer) return Promise.resolve(null);
    const nameOf: NameOf = (type, other) => this.nameOf(context, type, other);
    return requestLoader<string>(context, `AuditName:${entityType}`, (ids) => namer(ids, nameOf)).load(id);
  }
}
