import { ApiError, request } from '../api/client';
import { graphql } from '../api/generated';
import type { DatasetStatus } from '../api/generated/graphql';
import { session } from '../auth/session';
import { mappingHeader, type Inspection, type SchemaField, type UploadMapping } from './mapping-model';
import { postRaw, restError, type SendProgress } from './upload';

export interface DatasetSummary {
  id: string;
  name: string;
  format: string;
  status: DatasetStatus;
  rowsRead: number;
  rowCount: number;
  bytesRead: number;
  totalBytes: number | null;
  createdAt: string;
  createdBy: string | null;
  error: string | null;
}

export interface DatasetDetail extends DatasetSummary {
  mapping: unknown;
  personalColumns: unknown;
  report: unknown;
}

export interface UploadRequest {
  file: Blob;
  name: string;
  format: 'csv' | 'jsonl';
  mapping: UploadMapping;
  onProgress(progress: SendProgress): void;
  signal: AbortSignal;
}

export interface DatasetsApi {
  list(): Promise<DatasetSummary[]>;
  get(id: string): Promise<DatasetDetail>;
  remove(id: string): Promise<void>;
  customerSchema(): Promise<SchemaField[]>;
  /** Detected format and suggested types from the file's first bytes. */
  inspect(head: Blob): Promise<Inspection>;
  /** Resolves with the imported dataset (READY) once the server has read the whole file. */
  upload(req: UploadRequest): Promise<{ id: string }>;
}

/** The API inspects the first 64 KiB (apps/api DatasetsController). */
export const INSPECT_BYTES = 64 * 1024;

const DatasetsQuery = graphql(`
  query Datasets {
    datasets {
      id
      name
      format
      status
      rowsRead
      rowCount
      bytesRead
      totalBytes
      createdAt
      createdBy
      error
    }
  }
`);

const DatasetQuery = graphql(`
  query Dataset($id: ID!) {
    dataset(id: $id) {
      id
      name
      format
      status
      rowsRead
      rowCount
      bytesRead
      totalBytes
      createdAt
      createdBy
      error
      mapping
      personalColumns
      report
    }
  }
`);

const DeleteDatasetMutation = graphql(`
  mutation DeleteDataset($id: ID!) {
    deleteDataset(id: $id) {
      id
    }
  }
`);

const CustomerSchemaQuery = graphql(`
  query DatasetCustomerSchema {
    dataSchema {
      customer {
        name
        type
        label
        personal
      }
    }
  }
`);

function authHeaders(): Record<string, string> {
  const token = session.get()?.accessToken;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

const CONTENT_TYPES = { csv: 'text/csv', jsonl: 'application/x-ndjson' } as const;

export const graphqlDatasetsApi: DatasetsApi = {
  list: async () => (await request(DatasetsQuery, {})).datasets,
  get: async (id) => (await request(DatasetQuery, { id })).dataset,
  remove: async (id) => {
    await request(DeleteDatasetMutation, { id }, 'mutation');
  },
  customerSchema: async () =>
    (await request(CustomerSchemaQuery, {})).dataSchema.customer.map((f) => ({
      name: f.name,
      type: f.type,
      label: f.label,
      personal: f.personal,
    })),
  inspect: async (head) => {
    // A GraphQL call first refreshes an expired access token, which this REST call cannot.
    await request(DatasetsQuery, {});
    let res: Response;
    try {
      res = await fetch('/api/v1/datasets/inspect', {
        method: 'POST',
        headers: { ...authHeaders(), 'Content-Type': 'application/octet-stream' },
        body: head,
      });
    } catch {
      throw new ApiError('The server cannot be reached. Check your connection and try again.', 'NETWORK');
    }
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw restError(res.status, body);
    return body as Inspection;
  },
  upload: async ({ file, name, format, mapping, onProgress, signal }) => {
    await request(DatasetsQuery, {});
    const query = new URLSearchParams({ name, format });
    return postRaw<{ id: string }>({
      url: `/api/v1/datasets?${query}`,
      body: file,
      headers: {
        ...authHeaders(),
        'Content-Type': CONTENT_TYPES[format],
        'X-Dataset-Mapping': mappingHeader(mapping),
      },
      onProgress,
      signal,
    });
  },
};
