import { request } from '../api/client';
import { graphql } from '../api/generated';
import type { DatasetQuery, DatasetStatus, DatasetSummaryFieldsFragment } from '../api/generated/graphql';
import { freshBearerHeader } from '../api/rest-auth';
import { graphqlCatalogApi } from '../catalog/catalog-api';
import {
  mappingHeader,
  type CatalogChoice,
  type Inspection,
  type SchemaField,
  type UploadMapping,
} from './mapping-model';
import { postRaw, type RawRequest, type SendProgress } from './upload';

/** A dataset as the list shows it (DatasetSummaryFields below). */
export type DatasetSummary = DatasetSummaryFieldsFragment;

export const DATASET_STATUS_WORDS: Record<DatasetStatus, string> = {
  UPLOADING: 'Uploading',
  READY: 'Ready',
  FAILED: 'Failed',
};

/** One dataset with its mapping, personal columns and import report (JSON as stored). */
export type DatasetDetail = DatasetQuery['dataset'];

export interface UploadRequest {
  /** The new dataset's id, chosen here (`X-Dataset-Id`) to follow the import with `get` before the answer. */
  id: string;
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
  /** The catalog's actions (id and name), for a file where every row was offered the same one. */
  catalog(): Promise<CatalogChoice[]>;
  /** Detected format and suggested types from the file's first bytes. */
  inspect(head: Blob): Promise<Inspection>;
  /** Resolves with the imported dataset (READY) once the server has read the whole file. */
  upload(req: UploadRequest): Promise<{ id: string }>;
}

/** The API inspects the first 64 KiB (apps/api DatasetsController). */
export const INSPECT_BYTES = 64 * 1024;

export const DatasetSummaryFields = graphql(`
  fragment DatasetSummaryFields on Dataset {
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
`);

/** A dataset as the training and simulation forms offer it (spread into their queries; codegen adds it there). */
graphql(`
  fragment DatasetChoiceFields on Dataset {
    id
    name
    status
    rowCount
  }
`);

const DatasetsQuery = graphql(`
  query Datasets {
    datasets {
      ...DatasetSummaryFields
    }
  }
`);

const DatasetQuery = graphql(`
  query Dataset($id: ID!) {
    dataset(id: $id) {
      ...DatasetSummaryFields
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

/** POSTs a raw body to the REST API as the signed-in user and resolves with the JSON answer. */
async function postToApi<T>(req: RawRequest): Promise<T> {
  const auth = await freshBearerHeader(DatasetsQuery, {});
  return postRaw<T>({ ...req, headers: { ...req.headers, ...auth } });
}

const CONTENT_TYPES = { csv: 'text/csv', jsonl: 'application/x-ndjson' } as const;

export const graphqlDatasetsApi: DatasetsApi = {
  list: async () => (await request(DatasetsQuery, {})).datasets,
  get: async (id) => (await request(DatasetQuery, { id })).dataset,
  remove: async (id) => {
    await request(DeleteDatasetMutation, { id }, 'mutation');
  },
  customerSchema: async () => (await request(CustomerSchemaQuery, {})).dataSchema.customer,
  catalog: async () =>
    (await graphqlCatalogApi.all())
      .map((a) => ({ id: a.id, name: a.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  inspect: (head) =>
    postToApi<Inspection>({
      url: '/api/v1/datasets/inspect',
      body: head,
      headers: { 'Content-Type': 'application/octet-stream' },
    }),
  upload: ({ id, file, name, format, mapping, onProgress, signal }) =>
    postToApi<{ id: string }>({
      url: `/api/v1/datasets?${new URLSearchParams({ name, format })}`,
      body: file,
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'X-Dataset-Id': id,
        'X-Dataset-Mapping': mappingHeader(mapping),
      },
      onProgress,
      signal,
    }),
};
