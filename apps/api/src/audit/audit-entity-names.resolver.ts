import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEntry } from './audit-entry.entity';
import { AuditNames } from './audit-names';

/**
 * What an audit entry is about, by name: entries keep the id (`entityId`, for reference and
 * filtering), and people read the strategy, version, action, dataset or user it names. Resolved when
 * read, so entries written before names were shown read the same way.
 */
@Resolver(() => AuditEntry)
export class AuditEntityNamesResolver {
  constructor(private readonly names: AuditNames) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The entity by name: "\'Retention\' version 3", "action \'Gold card\'", "dataset \'Customers 2025\'", …; null when it no longer exists or has no name.',
  })
  entityName(@Parent() entry: AuditEntry, @Context() context: object): Promise<string | null> {
    return entry.entityId
      ? this.names.nameOf(context, entry.entityType, entry.entityId)
      : Promise.resolve(null);
  }
}
