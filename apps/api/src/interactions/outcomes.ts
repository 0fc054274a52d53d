import { z } from 'zod';
import { nonEmptyText } from '../common/validation';

export const OUTCOME_VALUES = ['accepted', 'declined', 'ignored', 'clicked', 'converted'] as const;

const idText = nonEmptyText(200);

/** POST /api/v1/outcomes and the recordOutcome mutation: one schema validates both and documents the REST one. */
export const outcomeSchema = z
  .object({
    decisionId: z.uuid('must be a decisionId (UUID) from a decision response').optional(),
    customerId: idText.optional(),
    actionId: idText.optional(),
    outcome: z.enum(OUTCOME_VALUES, { message: `must be one of ${OUTCOME_VALUES.join(', ')}` }),
    channel: z.string().trim().min(1).max(100).optional(),
    at: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T10:00:00Z' })
      .optional(),
    idempotencyKey: z.string().trim().min(1).max(200, 'must be at most 200 characters').optional(),
    override: z
      .object({
        actionId: idText.describe('The action the staff member chose instead of the recommended one.'),
        reason: z
          .string()
          .trim()
          .min(1, 'say why the recommendation was overridden')
          .max(1000, 'must be at most 1000 characters'),
      })
      .strict()
      .optional()
      .describe(
        'Staff overrode the recommendation: the outcome is of the recommended action, which was not taken (see the README: how overrides feed learning).',
      ),
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      if (!v.actionId && !v.decisionId)
        ctx.addIssue({
          code: 'custom',
          path: ['actionId'],
          message: 'is required (with decisionId or customerId)',
        });
      if (v.override && v.actionId && v.override.actionId === v.actionId)
        ctx.addIssue({
          code: 'custom',
          path: ['override', 'actionId'],
          message: 'is the recommended action itself; an override names the action chosen instead',
        });
      if (!v.decisionId && !v.customerId)
        ctx.addIssue({
          code: 'custom',
          path: ['customerId'],
          message: 'is required when there is no decisionId',
        });
      if (typeof v.at === 'string' && Date.parse(v.at) > Date.now() + 5 * 60_000)
        ctx.addIssue({ code: 'custom', path: ['at'], message: 'must not be in the future' });
    },
    // Also when another field is wrong: every problem of the request in one answer.
    { when: ({ value }) => typeof value === 'object' && value !== null && !Array.isArray(value) },
  )
  .meta({
    id: 'OutcomeRequest',
    description:
      'An outcome of a decision (decisionId + actionId) or of an action shown to a customer (customerId + actionId).',
  });
export type OutcomeRequest = z.infer<typeof outcomeSchema>;

export const outcomeResultSchema = z
  .object({
    id: z.string().describe('The interaction id.'),
    customerId: z.string(),
    actionId: z.string(),
    outcome: z.enum(OUTCOME_VALUES),
    channel: z.string().nullable(),
    at: z.string(),
    decisionId: z.string().nullable(),
    idempotencyKey: z.string().nullable(),
    override: z
      .object({ actionId: z.string(), reason: z.string() })
      .nullable()
      .describe('The staff override, when the outcome reported one.'),
    replayed: z
      .boolean()
      .describe('true when this idempotency key was seen before: the first result, nothing new stored.'),
  })
  .meta({ id: 'OutcomeResult' });
export type OutcomeResult = z.infer<typeof outcomeResultSchema>;

export const interactionSchema = z
  .object({
    actionId: z.string(),
    outcome: z.enum(['shown', ...OUTCOME_VALUES]),
    at: z.string(),
    channel: z.string().optional(),
  })
  .meta({ id: 'Interaction' });
export const interactionsResultSchema = z
  .object({ customerId: z.string(), windowDays: z.number().int(), interactions: z.array(interactionSchema) })
  .meta({ id: 'CustomerInteractions', description: 'Newest first: the last 90 days, at most 500.' });
