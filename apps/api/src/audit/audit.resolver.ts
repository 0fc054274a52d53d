import { Query, Resolver } from '@nestjs/graphql';
import { Allowed, Permission } from '../auth/permissions';
import { connectionType, DEFAULT_PAGE_SIZE, type Page, PageArg } from '../common/graphql/pagination';
import { AuditEntry } from './audit-entry.entity';
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
import { CheckedArg } from '../common/graphql/checked-args';

const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  @Allowed(Permission.readAuditLog)
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first.' })
  auditLog(
    @CheckedArg('filter', auditFilterSchema.optional(), { type: () => AuditFilterInput, nullable: true })
    filter?: AuditFilterInput,
    @PageArg()
    page?: Page,
  ) {
    return this.auditService.list(filter ?? {}, page ?? { first: DEFAULT_PAGE_SIZE });
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
