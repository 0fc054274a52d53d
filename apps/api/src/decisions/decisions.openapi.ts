import { API_PREFIX, COMMON_ERRORS, error, json, type OpenApiContribution } from '../rest/openapi';
import {
  batchRequestSchema,
  batchResponseSchema,
  decidedActionSchema,
  decisionRequestSchema,
  decisionResponseSchema,
  MAX_BATCH,
  strategyUsedSchema,
} from './decision.schemas';

/** POST /decisions and POST /decisions:batch in the OpenAPI document. */
export const decisionsOpenApi: OpenApiContribution = {
  schemas: [
    [decisionRequestSchema, 'DecisionRequest'],
    [batchRequestSchema, 'BatchDecisionRequest'],
    [decisionResponseSchema, 'DecisionResponse'],
    [batchResponseSchema, 'BatchDecisionResponse'],
    [decidedActionSchema, 'DecidedAction'],
    [strategyUsedSchema, 'StrategyUsed'],
  ],
  paths: {
    [`${API_PREFIX}/decisions`]: {
      post: {
        operationId: 'decide',
        summary: 'Ranked actions for one customer',
        requestBody: { required: true, content: json('DecisionRequest') },
        responses: {
          '200': { description: 'The decision.', content: json('DecisionResponse') },
          '400': error(
            'Invalid request or customer payload (VALIDATION_FAILED, every field problem in details).',
          ),
          '403': error('The API key is not scoped to this strategy (FORBIDDEN).'),
          '404': error('Unknown strategy, or no PUBLISHED version (NOT_FOUND).'),
          ...COMMON_ERRORS,
        },
      },
    },
    [`${API_PREFIX}/decisions:batch`]: {
      post: {
        operationId: 'decideBatch',
        summary: `Decisions for up to ${MAX_BATCH} customers in one call`,
        requestBody: { required: true, content: json('BatchDecisionRequest') },
        responses: {
          '200': {
            description: 'One decision per request, in order.',
            content: json('BatchDecisionResponse'),
          },
          '400': error(
            `Invalid request, more than ${MAX_BATCH} requests, or invalid customer payloads (fields named requests[i].customer.x).`,
          ),
          '403': error('The API key is not scoped to this strategy.'),
          '404': error('Unknown strategy, or no PUBLISHED version.'),
          ...COMMON_ERRORS,
        },
      },
    },
  },
};
