import { API_PREFIX, COMMON_ERRORS, error, json, type OpenApiContribution } from '../rest/openapi';
import { interactionSchema, interactionsResultSchema, outcomeResultSchema, outcomeSchema } from './outcomes';

/** POST /outcomes and GET /customers/{id}/interactions in the OpenAPI document. */
export const interactionsOpenApi: OpenApiContribution = {
  schemas: [
    [outcomeSchema, 'OutcomeRequest'],
    [outcomeResultSchema, 'OutcomeResult'],
    [interactionSchema, 'Interaction'],
    [interactionsResultSchema, 'CustomerInteractions'],
  ],
  paths: {
    [`${API_PREFIX}/outcomes`]: {
      post: {
        operationId: 'recordOutcome',
        summary: 'What the customer did with an action',
        description:
          "An outcome of a decision (`decisionId` + `actionId`) or, with a key for all strategies, of an action shown to a customer (`customerId` + `actionId`). Contact policies of every strategy read the outcomes of a customer. A key limited to some strategies (`strategyIds`) may only report outcomes of its strategies' decisions: `decisionId` is required (403 without it), and a decision of another strategy is unknown to it (400).",
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'Or `idempotencyKey` in the body: a repeated key answers the first result and stores nothing. Keys are per API key: another API key using the same value neither sees nor blocks this outcome.',
            schema: { type: 'string', maxLength: 200 },
          },
        ],
        requestBody: { required: true, content: json('OutcomeRequest') },
        responses: {
          '200': {
            description: 'Already recorded under this idempotency key: the first result.',
            content: json('OutcomeResult'),
          },
          '201': { description: 'Recorded.', content: json('OutcomeResult') },
          '400': error(
            'Invalid outcome, unknown decisionId (or a decision of a strategy the key may not use), or an action the decision did not return.',
          ),
          '403': error(
            'The API key is limited to some strategies and the outcome has no decisionId (FORBIDDEN).',
          ),
          ...COMMON_ERRORS,
        },
      },
    },
    [`${API_PREFIX}/customers/{id}/interactions`]: {
      get: {
        operationId: 'customerInteractions',
        summary: 'The interaction history contact policies read (90 days, newest first, at most 500)',
        description:
          "With a key for all strategies: every interaction of the customer, as contact policies read it. With a key limited to some strategies (`strategyIds`): only the actions those strategies' decisions showed and the outcomes reported for their decisions; nothing shown by other strategies and no outcome reported without a decision.",
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The history.', content: json('CustomerInteractions') },
          '400': error(
            'Invalid customer id (VALIDATION_FAILED), or a path that is not valid percent-encoded UTF-8 (BAD_REQUEST).',
          ),
          ...COMMON_ERRORS,
        },
      },
    },
  },
};
