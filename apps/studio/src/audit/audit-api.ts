import { request } from '../api/client';
import { nextCursor } from '../api/connection';
import type { AuditFilterInput } from '../api/generated/graphql';
import { AuditFacetsQuery, AuditLogQuery, VerifyAuditChainQuery } from '../api/operations';
import type { AuditEntry, AuditFacets, ChainVerification } from './audit-model';

export interface AuditPage {
  entries: AuditEntry[];
  next?: string;
}

export interface AuditApi {
  page(filter: AuditFilterInput, after?: string): Promise<AuditPage>;
  verify(): Promise<ChainVerification>;
  facets(): Promise<AuditFacets>;
}

export const graphqlAuditApi: AuditApi = {
  page: async (filter, after) => {
    const data = await request(AuditLogQuery, { filter, after });
    return { entries: data.auditLog.edges.map((e) => e.node), next: nextCursor(data.auditLog) };
  },
  verify: async () => (await request(VerifyAuditChainQuery, {})).verifyAuditChain,
  facets: async () => (await request(AuditFacetsQuery, {})).auditFacets,
};
