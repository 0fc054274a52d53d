import { Query, Resolver } from '@nestjs/graphql';
import { Allowed, Permission } from '../auth/permissions';
import { connectionType, type Page, PageArg } from '../common/graphql/pagination';
import { AuditEntry } from './audit-entry.entity';
import type { AuditFilter } from './audit.repository';
import { AuditService } from './audit.service';
import {
  AuditChainAnchorInput,
  auditChainAnchorSchema,
  AuditChainVerification,
  AuditFacets,
  AuditFilterInput,
  auditFilterSchema,
} from './dto/audit.types';
import { EXPENSIVE_FIELD_COST } from '../common/graphql/query-limits';
import { CheckedArg, FilterArg } from '../common/graphql/checked-args';

const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  @Allowed(Permission.readAuditLog)
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first.' })
  auditLog(@FilterArg(auditFilterSchema, () => AuditFilterInput) filter: AuditFilter, @PageArg() page: Page) {
    return this.auditService.list(filter, page);
  }

  @Allowed(Permission.readAuditLog)
  @Query(() => AuditFacets, {
    description: 'The entity types, actions and actors that occur in the audit log, for its filters.',
  })
  auditFacets() {
    return this.auditService.facets();
  }

  @Allowed(Permission.readAuditLog)
  @Query(() => AuditChainVerification, {
    description:
      'Recomputes the hash chain and reports the first broken link; with an anchor (a head exported earlier), also whether that entry is still in the chain unchanged.',
    complexity: EXPENSIVE_FIELD_COST,
  })
  verifyAuditChain(
    @CheckedArg('anchor', auditChainAnchorSchema.nullish(), {
      type: () => AuditChainAnchorInput,
      nullable: true,
    })
    anchor?: AuditChainAnchorInput | null,
  ) {
    return this.auditService.verifyChain(anchor ?? undefined);
  }
}
