import { request } from '../api/client';
import { graphql } from '../api/generated';
import type { ProfileSourcesQuery as ProfileSourcesData } from '../api/generated/graphql';
import { bearerHeader, freshBearerHeader } from '../api/rest-auth';
import { graphqlDatasetsApi } from '../datasets/datasets-api';
import type { Inspection, SchemaField } from '../datasets/mapping-model';
import { mappingHeader } from '../datasets/mapping-model';
import { postRaw, restError, type SendProgress } from '../datasets/upload';
import type { ProfileImportMapping } from './profile-import-model';

const ProfileSourcesQuery = graphql(`
  query ProfileSources {
    profileSources {
      name
      description
    }
  }
`);

export interface ProfileImportResult {
  source: string;
  updatedAt: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  fieldsApplied: number;
  fieldsIgnoredAsOlder: number;
  rejected: { line: number; column?: string; kind: string; reason: string }[];
}

/** How far the server is with an import (`GET /api/v1/customers:import/{importId}`). */
export interface ProfileImportProgress {
  status: 'running' | 'done' | 'stopped';
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
}

export interface ProfileImportRequest {
  /** Names the import, so that its progress can be asked for while it runs. */
  importId: string;
  file: Blob;
  format: 'csv' | 'jsonl';
  source: string;
  mapping: ProfileImportMapping;
  onProgress(progress: SendProgress): void;
  signal: AbortSignal;
}

export interface ProfileImportApi {
  sources(): Promise<ProfileSourcesData['profileSources']>;
  customerSchema(): Promise<SchemaField[]>;
  /** Detected format and columns from the file's first bytes (as the dataset upload inspects). */
  inspect(head: Blob): Promise<Inspection>;
  /** Resolves once the server has read the whole file. */
  importProfiles(req: ProfileImportRequest): Promise<ProfileImportResult>;
  /** The rows the server has stored so far; undefined before it has started. */
  progress(importId: string): Promise<ProfileImportProgress | undefined>;
}

const CONTENT_TYPES = { csv: 'text/csv', jsonl: 'application/x-ndjson' } as const;

export const graphqlProfileImportApi: ProfileImportApi = {
  sources: async () => (await request(ProfileSourcesQuery, {})).profileSources,
  customerSchema: graphqlDatasetsApi.customerSchema,
  inspect: graphqlDatasetsApi.inspect,
  importProfiles: async ({ importId, file, format, source, mapping, onProgress, signal }) => {
    const auth = await freshBearerHeader(ProfileSourcesQuery, {});
    return postRaw<ProfileImportResult>({
      url: `/api/v1/customers:import?${new URLSearchParams({ source, format, importId })}`,
      body: file,
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'X-Dataset-Mapping': mappingHeader(mapping),
        ...auth,
      },
      onProgress,
      signal,
    });
  },
  progress: async (importId) => {
    const res = await fetch(`/api/v1/customers:import/${encodeURIComponent(importId)}`, {
      headers: bearerHeader(),
    });
    if (res.status === 404) return undefined;
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw restError(res.status, body);
    return body as ProfileImportProgress;
  },
};
