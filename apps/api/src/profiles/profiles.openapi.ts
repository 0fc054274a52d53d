import { z } from 'zod';
import {
  API_PREFIX,
  COMMON_ERRORS,
  error,
  json,
  RAW_FILE_BODY,
  USER_TOKEN_ERRORS,
  type OpenApiContribution,
} from '../rest/openapi';
import { MAX_PROFILE_BATCH, profileBatchSchema, profileUpdateSchema } from './profile-input';

/** The answer to one update (PUT /customers/{id}, each item of a batch). */
const upsertResultSchema = z.object({
  customerId: z.string(),
  applied: z.array(z.string()).describe('Fields written, in the order sent.'),
  ignored: z
    .array(
      z.object({
        field: z.string(),
        reason: z.string(),
        storedSource: z.string(),
        storedUpdatedAt: z.iso.datetime(),
      }),
    )
    .describe(
      "Fields older (by the source's time) than the stored value: left as they were (last writer wins).",
    ),
  dropped: z.array(z.string()).describe("Personal fields sent with 'drop': not stored."),
});

const erasureSchema = z.object({
  erasureId: z.uuid().describe('Names the erasure in the audit log (which never holds the customer id).'),
  profileFields: z.number().int(),
  interactionsPseudonymised: z.number().int(),
  decisionsPseudonymised: z.number().int(),
  deadLettersDeleted: z.number().int(),
  datasetRowsDeleted: z.number().int(),
  simulationExamplesPseudonymised: z.number().int(),
});

const exportSchema = z.object({
  customerId: z.string(),
  exportedAt: z.iso.datetime(),
  profile: z.array(
    z.object({
      field: z.string(),
      value: z.unknown(),
      hashed: z.boolean(),
      source: z.string(),
      updatedAt: z.iso.datetime(),
    }),
  ),
  interactions: z.array(z.unknown()),
  decisions: z.array(z.unknown()),
  datasetRows: z.array(z.unknown()),
});

const importResultSchema = z.object({
  source: z.string(),
  updatedAt: z.iso.datetime().describe('The source time every imported value carries.'),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  fieldsApplied: z.number().int(),
  fieldsIgnoredAsOlder: z.number().int(),
  rejected: z
    .array(
      z.object({
        line: z.number().int(),
        column: z.string().optional(),
        kind: z.string(),
        reason: z.string(),
      }),
    )
    .describe('The first 1,000 rejected rows, each with its first problem.'),
  report: z
    .record(z.string(), z.unknown())
    .describe("The file's data-quality report, as a dataset upload's."),
});

/** The schemas of the customer routes, under their ids in the OpenAPI document. */
const profileSchemas: [z.ZodType, string][] = [
  [profileUpdateSchema, 'ProfileUpdate'],
  [profileBatchSchema, 'ProfileBatch'],
  [upsertResultSchema, 'ProfileUpsertResult'],
  [z.object({ results: z.array(upsertResultSchema) }), 'ProfileBatchResult'],
  [erasureSchema, 'CustomerErasure'],
  [exportSchema, 'CustomerExport'],
  [importResultSchema, 'ProfileImportResult'],
  [
    z.object({
      importId: z.uuid(),
      source: z.string(),
      status: z.enum(['running', 'done', 'stopped']),
      rowsRead: z.number().int().describe('Rows of the file read so far.'),
      rowsImported: z.number().int().describe('Rows stored so far (chunk by chunk).'),
      rowsRejected: z.number().int(),
      startedAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
    }),
    'ProfileImportProgress',
  ],
];

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 200 } };

/** The OpenAPI paths of the customer profile routes (upsert, batch, import, export, erasure). */
function customerPaths(prefix: string, commonErrors: Record<string, unknown>): Record<string, unknown> {
  const merged =
    "Decisions merge the stored profile with the request: the request wins, field by field (a null in the request keeps the stored value). Strategies read each field's age in days as `customer._age.<field>`.";
  return {
    [`${prefix}/customers/{id}`]: {
      put: {
        operationId: 'upsertCustomerProfile',
        summary: "Upsert some of a customer's profile fields from one declared source",
        description: `Partial: the fields not sent stay as they are. Checked whole before anything is written (declared fields and types as decisions check them, a declared source, a believable updatedAt). Last writer wins per field by the source's updatedAt: an older value is ignored and reported. Fields declared personal are stored as keyed pseudonyms unless \`personal\` says keep (or drop). Needs an API key for every strategy (a key limited by strategyIds is refused with 403). ${merged}`,
        parameters: [idParameter],
        requestBody: { required: true, content: json('ProfileUpdate') },
        responses: {
          '200': { description: 'What the update did.', content: json('ProfileUpsertResult') },
          '400': error(
            'Unknown field, wrong type, undeclared source, a time too far ahead (VALIDATION_FAILED, every problem in details); nothing stored.',
          ),
          '403': error('The API key is limited to some strategies (FORBIDDEN).'),
          ...commonErrors,
        },
      },
      delete: {
        operationId: 'eraseCustomer',
        summary: 'Erase a customer (right to be forgotten); idempotent',
        description:
          "For an admin's user access token (not an API key). In one transaction: profile fields and dataset rows deleted; interactions, logged decisions (without their inputs) and examples in simulation comparisons kept as aggregate evidence under the pseudonym `erased:<erasureId>`; dead letters deleted. The audit entry names the erasure, never the customer. Also GraphQL `eraseCustomer`.",
        security: [{ bearer: [] }],
        parameters: [idParameter],
        responses: {
          '200': {
            description: 'What was erased (all zero when there was nothing left).',
            content: json('CustomerErasure'),
          },
          '400': error('Invalid customer id (VALIDATION_FAILED).'),
          ...USER_TOKEN_ERRORS('an admin'),
        },
      },
    },
    [`${prefix}/customers:batch`]: {
      post: {
        operationId: 'upsertCustomerProfiles',
        summary: `Upsert the profiles of up to ${MAX_PROFILE_BATCH} customers in one call`,
        description: `All or nothing: a problem in any item refuses the call, naming items[i] and the field. Within a call, too, the newer source time wins. ${merged}`,
        requestBody: { required: true, content: json('ProfileBatch') },
        responses: {
          '200': { description: 'One result per item, in order.', content: json('ProfileBatchResult') },
          '400': error(
            `More than ${MAX_PROFILE_BATCH} items, or any item's problem (fields named items[i].fields.x); nothing stored.`,
          ),
          '403': error('The API key is limited to some strategies (FORBIDDEN).'),
          ...commonErrors,
        },
      },
    },
    [`${prefix}/customers:import`]: {
      post: {
        operationId: 'importCustomerProfiles',
        summary:
          'Import a dataset file (CSV or JSON lines, streamed as the raw body) as profiles from one source',
        description:
          'For signed-in analysts and admins (user access token). The file is read, typed and mapped as `POST /api/v1/datasets` does it (the same X-Dataset-Mapping: customerId is required and stays in clear; fields, fieldNames and personal as for a dataset; no logged action or outcome), and each row is upserted by customer id with the checks of PUT /customers/{id}. Refused before anything is written: an undeclared source, a bad mapping, a column that would become an undeclared field. A row that fails the checks is rejected and listed; the others are COPYed into a staging table and merged chunk by chunk (10,000 rows per transaction), so an import that stops midway keeps the chunks written (importing the same file again is harmless). Recorded in the audit log (profiles.import) without customer ids.',
        security: [{ bearer: [] }],
        parameters: [
          {
            name: 'source',
            in: 'query',
            required: true,
            description: 'A declared profile source.',
            schema: { type: 'string' },
          },
          {
            name: 'updatedAt',
            in: 'query',
            required: false,
            description:
              "The source's time of the extract (default: now): every value carries it, and last writer wins by it.",
            schema: { type: 'string', format: 'date-time' },
          },
          {
            name: 'format',
            in: 'query',
            required: false,
            description: 'Detected from the content when left out.',
            schema: { type: 'string', enum: ['csv', 'jsonl'] },
          },
          {
            name: 'importId',
            in: 'query',
            required: false,
            description:
              'A UUID the caller chooses to name the import: GET /customers:import/{importId} then says how far it is (409 CONFLICT when already used).',
            schema: { type: 'string', format: 'uuid' },
          },
          {
            name: 'X-Dataset-Mapping',
            in: 'header',
            required: true,
            description:
              'JSON: customerId (required), fields, fieldNames (column → customer field), personal (column → hash, drop or keep).',
            schema: { type: 'string' },
          },
        ],
        requestBody: RAW_FILE_BODY,
        responses: {
          '200': {
            description: 'Imported: counts, rejected rows and the data-quality report.',
            content: json('ProfileImportResult'),
          },
          '400': error(
            'Invalid source, updatedAt, format or mapping, or an undeclared field (VALIDATION_FAILED, named in details), or a file that cannot be a dataset (BAD_REQUEST); nothing imported.',
          ),
          ...USER_TOKEN_ERRORS('an analyst or an admin'),
        },
      },
    },
    [`${prefix}/customers:import/{importId}`]: {
      get: {
        operationId: 'profileImportProgress',
        summary: 'How far an import named by its importId is',
        description:
          'For signed-in analysts and admins (user access token). Updated after each chunk of rows is stored; `done` or `stopped` at the end.',
        security: [{ bearer: [] }],
        parameters: [
          { name: 'importId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        responses: {
          '200': {
            description: 'Rows read, stored and rejected so far.',
            content: json('ProfileImportProgress'),
          },
          '400': error('importId is not a UUID (VALIDATION_FAILED).'),
          '404': error('No import of that id has started (NOT_FOUND).'),
          ...USER_TOKEN_ERRORS('an analyst or an admin'),
        },
      },
    },
    [`${prefix}/customers/{id}/export`]: {
      get: {
        operationId: 'exportCustomer',
        summary: 'Everything stored about a customer, as JSON (an access request)',
        description:
          "For an admin's user access token (not an API key): profile (personal values as stored: in clear or as pseudonyms), interactions, logged decisions and dataset rows.",
        security: [{ bearer: [] }],
        parameters: [idParameter],
        responses: {
          '200': { description: "The customer's data.", content: json('CustomerExport') },
          '400': error('Invalid customer id (VALIDATION_FAILED).'),
          ...USER_TOKEN_ERRORS('an admin'),
        },
      },
    },
  };
}

/** The customer routes in the OpenAPI document. */
export const profilesOpenApi: OpenApiContribution = {
  paths: customerPaths(API_PREFIX, COMMON_ERRORS),
  schemas: profileSchemas,
};
