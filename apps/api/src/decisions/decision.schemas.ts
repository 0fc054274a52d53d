import { z } from 'zod';
import { nonEmptyText } from '../common/validation';

export const MAX_BATCH = 1000;

const customerSchema = z
  .object({
    id: z.union([z.string().trim().min(1, 'must not be empty').max(200), z.number().finite()], {
      message: 'is required: the customer id (string or number)',
    }),
  })
  .catchall(z.unknown())
  .describe('The customer: `id` plus the fields of the declared customer schema.');
const contextSchema = z
  .record(z.string(), z.unknown())
  .describe('The moment and place: `now` (ISO 8601), `channel`, and the declared context fields.');
const limitSchema = z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100');

export const decisionRequestSchema = z
  .object({
    strategy: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200)
      .describe('The strategy id (UUID) or its name; its PUBLISHED version decides.'),
    customer: customerSchema,
    context: contextSchema.optional(),
    limit: limitSchema.optional().describe('At most this many actions (after the strategy’s own limits).'),
    explain: z
      .boolean()
      .optional()
      .describe('true: add `explanation` (the engine trace in words) and `trace`.'),
    explainActions: z
      .array(nonEmptyText(64))
      .max(20, 'at most 20 actions')
      .optional()
      .describe(
        'With explain: action ids whose whole story the explanation tells at every step, dropped or kept ("why not this action?"). A step with more than 100 candidates otherwise lists only its first 20 drops and counts the rest by reason.',
      ),
  })
  .strict()
  .meta({ id: 'DecisionRequest' });
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

export const batchRequestSchema = z
  .object({
    strategy: decisionRequestSchema.shape.strategy,
    requests: z
      .array(
        z
          .object({
            customer: customerSchema,
            context: contextSchema.optional(),
            limit: limitSchema.optional(),
          })
          .strict(),
      )
      .min(1, 'must hold at least one request')
      .max(MAX_BATCH, `must hold at most ${MAX_BATCH} requests per call`),
  })
  .strict()
  .meta({ id: 'BatchDecisionRequest' });
export type BatchDecisionRequest = z.infer<typeof batchRequestSchema>;

export const decidedActionSchema = z
  .object({
    rank: z.number().int(),
    actionId: z.string(),
    name: z.string(),
    group: z.string().optional(),
    channel: z.string().optional(),
    priority: z.number().optional(),
    propensity: z.number().optional(),
    value: z.number().optional(),
  })
  .meta({ id: 'DecidedAction' });

export const strategyUsedSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    versionId: z.string(),
    contentHash: z.string(),
  })
  .meta({ id: 'StrategyUsed', description: 'The published version that decided.' });

export const decisionResponseSchema = z
  .object({
    decisionId: z.string().describe('Send it back with outcomes.'),
    customerId: z.string(),
    strategy: strategyUsedSchema,
    actions: z.array(decidedActionSchema).describe('Best first.'),
    explanation: z
      .array(z.string())
      .optional()
      .describe(
        "With explain: what each node did, in words: only the strategy's own actions, and for each dropped action every rule it fails.",
      ),
    trace: z.unknown().optional().describe('With explain: the engine trace.'),
    customerSources: z
      .array(
        z.object({
          field: z.string(),
          from: z.enum(['request', 'profile']),
          source: z.string().optional(),
          updatedAt: z.string().optional(),
          ageDays: z.number().optional(),
        }),
      )
      .optional()
      .describe(
        'With explain: where each customer field the strategy reads came from: the request, or a stored profile source with its time and age in days.',
      ),
  })
  .meta({ id: 'DecisionResponse' });
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;

export const batchResponseSchema = z
  .object({
    strategy: strategyUsedSchema,
    results: z
      .array(
        z.object({ decisionId: z.string(), customerId: z.string(), actions: z.array(decidedActionSchema) }),
      )
      .describe('In request order.'),
  })
  .meta({ id: 'BatchDecisionResponse' });
