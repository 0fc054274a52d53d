import { Args, Query, Resolver } from '@nestjs/graphql';

import { Allowed, Permission } from '../auth/permissions';
import { connectionType, DEFAULT_PAGE_SIZE, type Page, PageArg } from '../common/graphql/pagination';
import { ZodPipe } from '../common/validation';
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

const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  @Allowed(Permission.readAuditLog)
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first.' })
  auditLog(
    @Args(
      'filter',
      { type: () => AuditFilterInput, nullable: true },
      new ZodPipe(auditFilterSchema.optional(), 'filter'),
    )
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
    @Args(
      'anchor',
      { type: () => AuditChainAnchorInput, nullable: true },
      new ZodPipe(auditChainAnchorSchema.nullish(), 'anchor'),
    )
    anchor?: AuditChainAnchorInput | null,
  ) {
    return this.auditService.verifyChain(anchor ?? undefined);
  }
}
