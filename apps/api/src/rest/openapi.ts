import { z } from 'zod';
import { ERROR_CODES } from '../common/errors';
import { MAX_INPUT_DEPTH } from '../common/input-check';

export const API_PREFIX = '/api/v1';

/**
 * The OpenAPI 3.1 document of the REST API, and the building blocks its parts share. Each feature
 * contributes the paths of its routes and the zod schemas they validate with (an OpenApiContribution);
 * the composition root (openapi-contributions.ts) hands them to the docs module, so this feature
 * depends on none of them.
 */
export interface OpenApiContribution {
  /** Path items under their full path (API_PREFIX included). */
  paths: Record<string, unknown>;
  /** Schemas referenced as #/components/schemas/<id>. */
  schemas?: readonly (readonly [z.ZodType, string])[];
}

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
      message: z.string(),
      details: z.unknown().optional().describe('VALIDATION_FAILED: [{ field, message }], one per problem.'),
    }),
  })
  .meta({ id: 'Error' });

/** Every schema of the document, under its id; built from the zod schemas that validate the requests. */
function componentSchemas(named: readonly (readonly [z.ZodType, string])[]): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of [...named, [errorSchema, 'Error'] as const]) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _ignored, id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
export const json = (id: string) => ({ 'application/json': { schema: ref(id) } });
export const error = (description: string) => ({ description, content: json('Error') });
const INTERNAL_ERROR = error('Unexpected failure (INTERNAL); details only in the server log.');
/** The errors of every route authenticated with an API key. */
export const COMMON_ERRORS = {
  '401': error('No valid API key (UNAUTHENTICATED).'),
  '429': {
    ...error('Rate limit of the API key (RATE_LIMITED).'),
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  },
  '500': INTERNAL_ERROR,
  '503': {
    ...error(
      'The database is out of reach or the server is shutting down (UNAVAILABLE); nothing was changed, send the same request again after Retry-After.',
    ),
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  },
};
/** The errors of every route for signed-in users (a user access token, not an API key). */
export const USER_TOKEN_ERRORS = (role: string) => ({
  '401': error('No valid user access token (UNAUTHENTICATED).'),
  '403': error(`The user is not ${role} (FORBIDDEN).`),
  '500': INTERNAL_ERROR,
});
/** A file streamed as the raw request body (CSV or JSON lines). */
export const RAW_FILE_BODY = {
  required: true,
  content: {
    'text/csv': { schema: { type: 'string', format: 'binary' } },
    'application/x-ndjson': { schema: { type: 'string', format: 'binary' } },
    'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
  },
};
/** An answer documented in words: a JSON object whose shape is the GraphQL type's (not a zod schema). */
const objectResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
export const UUID_ID_PARAMETER = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};
const ID_NOT_A_UUID = error('The id is not a UUID (VALIDATION_FAILED).');

/** The dataset and simulation-export routes (documented by hand: their schemas are not zod's). */
const datasetPaths = {
  [`${API_PREFIX}/datasets`]: {
    post: {
      operationId: 'uploadDataset',
      summary:
        'Import a dataset file (CSV or JSON lines) streamed as the raw body; answers when the import is done',
      description:
        'For the studio and scripts of signed-in analysts: authenticate with a user access token (`Authorization: Bearer <token>` from the GraphQL `login`), not an API key. Follow the progress meanwhile with the GraphQL query `dataset(id) { status rowsRead bytesRead totalBytes }`, using the id sent in `X-Dataset-Id`.',
      security: [{ bearer: [] }],
      parameters: [
        {
          name: 'name',
          in: 'query',
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        },
        {
          name: 'format',
          in: 'query',
          required: false,
          description: 'Detected from the content when left out.',
          schema: { type: 'string', enum: ['csv', 'jsonl'] },
        },
        {
          name: 'X-Dataset-Id',
          in: 'header',
          required: false,
          description:
            "The new dataset's id, chosen by the client (e.g. `crypto.randomUUID()`): the dataset is readable by this id (status UPLOADING, rising rowsRead) as soon as the import starts. Left out, the server chooses it. An id that already exists is refused (409) and nothing is imported.",
          schema: { type: 'string', format: 'uuid' },
        },
        {
          name: 'X-Dataset-Mapping',
          in: 'header',
          required: false,
          description:
            'JSON: customerId, fields, loggedAction, offeredAction (the one catalog action every row was offered, when no column holds the logged action), outcome, outcomeKind, loggingPropensity, segmentColumns, fieldNames (column → customer field), personal, useCustomerSchema.',
          schema: { type: 'string' },
        },
      ],
      requestBody: RAW_FILE_BODY,
      responses: {
        '201': objectResponse('Imported: the dataset (READY) with its data-quality report.'),
        '400': error(
          'Invalid name, format, X-Dataset-Mapping or X-Dataset-Id (VALIDATION_FAILED, the field or header named in details), or a file that cannot be a dataset (BAD_REQUEST, with datasetId and reason).',
        ),
        '409': error('A dataset with this X-Dataset-Id already exists (CONFLICT); nothing was imported.'),
        ...USER_TOKEN_ERRORS('an analyst'),
      },
    },
  },
  [`${API_PREFIX}/datasets/{id}`]: {
    delete: {
      operationId: 'deleteDataset',
      summary: 'Delete a dataset and its rows',
      description:
        'For signed-in analysts (user access token). The dataset and every row of it go in one transaction, recorded in the audit log (dataset.delete); simulations run on it keep their results. Refused while the dataset is uploading or a simulation is queued or running on it (cancel it first). Answers the deleted dataset.',
      security: [{ bearer: [] }],
      parameters: [UUID_ID_PARAMETER],
      responses: {
        '200': objectResponse('Deleted: the dataset as it was.'),
        '400': ID_NOT_A_UUID,
        '404': error('No dataset has this id (NOT_FOUND).'),
        '409': error('The dataset is uploading, or a simulation is queued or running on it (INVALID_STATE).'),
        ...USER_TOKEN_ERRORS('an analyst'),
      },
    },
  },
  [`${API_PREFIX}/datasets/inspect`]: {
    post: {
      operationId: 'inspectDataset',
      summary:
        'Detected format and suggested fields from the start of a file (the first 64 KiB of the raw body are read)',
      description:
        'For signed-in analysts (user access token). What an upload screen shows before the import: format, header, inferred column types, notes. Also the columns to map for `POST /api/v1/customers:import`.',
      security: [{ bearer: [] }],
      requestBody: {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      responses: {
        '200': objectResponse('{ format, header, columns, sampledRows, bytesRead, notes }.'),
        '400': error('The start of the file cannot be a dataset (BAD_REQUEST).'),
        ...USER_TOKEN_ERRORS('an analyst'),
      },
    },
  },
  [`${API_PREFIX}/simulations/{id}/recommendations.csv`]: {
    get: {
      operationId: 'simulationRecommendationsCsv',
      summary: "A completed simulation's recommendations per customer, as CSV streamed line by line",
      description:
        "For signed-in analysts and reviewers (user access token, not an API key). Columns: row (the dataset row, from 1), customer_id (empty when the dataset has no customer id column), rank, action_name, action_id, propensity, priority; one line per customer and recommended action, one line with the action columns empty for a customer without any. The rows are decided again exactly as the simulation decided them (same version, pinned catalog and schema, decision time). Text that a spreadsheet would run as a formula is written with a leading '. Each export is recorded in the audit log (simulation.export).",
      security: [{ bearer: [] }],
      parameters: [UUID_ID_PARAMETER],
      responses: {
        '200': {
          description: 'The CSV (attachment), sent as it is computed.',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        '400': ID_NOT_A_UUID,
        '404': error('No simulation of this id (NOT_FOUND).'),
        '409': error('The simulation is not COMPLETED, or its dataset was deleted (INVALID_STATE).'),
        ...USER_TOKEN_ERRORS('an analyst'),
        '403': error('The user is neither an analyst nor a reviewer (FORBIDDEN).'),
      },
    },
  },
};

/** The OpenAPI 3.1 document of the REST API, served at GET /api/docs. */
export function openApiDocument(contributions: readonly OpenApiContribution[]): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Arbiter decision API',
      version: '1.0.0',
      description:
        'Real-time next-best-action decisions with the PUBLISHED version of a strategy, outcomes and interaction history. Authenticate with an API key (`Authorization: Bearer <key>` or `X-API-Key`); admins create keys with the GraphQL mutation `createApiKey`. Errors: `{ error: { code, message, details } }`. Every request (body, query and path parameters) is refused with 400 VALIDATION_FAILED, naming the field, when a string or object key holds a NUL character or a lone UTF-16 surrogate (PostgreSQL stores neither), or when objects and lists nest more than ' +
        `${MAX_INPUT_DEPTH} levels deep.`,
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { apiKeyHeader: [] }],
    paths: Object.assign({}, datasetPaths, ...contributions.map((c) => c.paths)),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The API key as a bearer token.' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      schemas: componentSchemas(contributions.flatMap((c) => c.schemas ?? [])),
    },
  };
}
