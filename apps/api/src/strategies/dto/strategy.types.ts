import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { JSONScalar } from '../../common/graphql/json.scalar';
import { StrategyVersion } from '../strategy-version.entity';
import type { AssertMatches, InputMatchesSchema } from '../../common/graphql/input-schema';
import { nonEmptyText } from '../../common/validation';

const MAX_DOCUMENT_CHARS = 1_000_000;

export const documentSchema = z
  .record(
    z.string(),
    z.json(),
    'must be a strategy document (a JSON object with schemaVersion, nodes and edges)',
  )
  .refine(
    (d) => JSON.stringify(d).length <= MAX_DOCUMENT_CHARS,
    `must be at most ${MAX_DOCUMENT_CHARS} characters as JSON`,
  );

const idSchema = z.uuid('must be an id (UUID)');
export const revisionSchema = z.number().int().min(1, 'must be at least 1');
const commentSchema = nonEmptyText(5000);

@InputType()
export class CreateStrategyInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The first draft; a minimal "all actions → output" strategy if left out.',
  })
  document?: Record<string, unknown> | null;
}

export const createStrategySchema = z.object({
  name: nonEmptyText(200),
  description: z.string().trim().max(5000, 'must be at most 5000 characters').nullish(),
  document: documentSchema.nullish(),
});
export type CreateStrategy = z.infer<typeof createStrategySchema>;

@InputType()
export class SaveDraftInput {
  @Field(() => ID)
  versionId: string;

  @Field(() => Int, {
    description:
      'The revision this edit is based on; if someone saved since ⇒ CONFLICT and nothing is overwritten.',
  })
  expectedRevision: number;

  @Field(() => JSONScalar)
  document: Record<string, unknown>;
}

export const saveDraftSchema = z.object({
  versionId: idSchema,
  expectedRevision: revisionSchema,
  document: documentSchema,
});
export type SaveDraft = z.infer<typeof saveDraftSchema>;

@ObjectType({ description: 'A problem the engine found in a strategy document.' })
export class StrategyProblem {
  @Field({ description: "The engine's problem code, e.g. unknown_field, missing_edge." })
  code: string;

  @Field({ description: 'error (blocks submit) or warning.' })
  severity: string;

  @Field()
  message: string;

  @Field(() => String, { nullable: true })
  nodeId?: string;

  @Field(() => String, { nullable: true })
  edgeId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Path of the setting inside the node, e.g. config.condition.all[0].path.',
  })
  field?: string;
}

@ObjectType({
  description:
    'The saved draft. When the engine finds errors the draft is saved all the same, and `problems` resolves to a VALIDATION_FAILED error listing them (extensions.details).',
})
export class SaveDraftPayload {
  @Field(() => StrategyVersion)
  version: StrategyVersion;

  @Field({ description: 'True when the engine found no errors (warnings allowed).' })
  valid: boolean;

  /** Resolved by a field resolver: warnings, or VALIDATION_FAILED when there are errors. */
  allProblems: StrategyProblem[];
}

@ObjectType()
export class VersionValidation {
  @Field()
  valid: boolean;

  @Field(() => [StrategyProblem])
  problems: StrategyProblem[];
}

export const decisionInputSchema = z.object({
  customer: z.record(z.string(), z.json(), 'must be an object of customer fields'),
  context: z.record(z.string(), z.json(), 'must be an object of context fields').optional(),
  history: z
    .array(
      z.object({
        actionId: z.string().min(1),
        outcome: z.enum(['shown', 'accepted', 'declined', 'ignored', 'clicked', 'converted']),
        at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time'),
        channel: z.string().optional(),
        group: z.string().optional(),
      }),
    )
    .max(10_000)
    .optional(),
});

@InputType()
export class TestDecisionInput {
  @Field(() => ID)
  versionId: string;

  @Field(() => JSONScalar, {
    description:
      '{ customer: {...}, context?: { now?, channel?, ... }, history?: [{ actionId, outcome, at }] }',
  })
  input: Record<string, unknown>;

  @Field(() => Int, { nullable: true, description: 'Keep at most this many recommendations.' })
  limit?: number | null;
}

export const testDecisionSchema = z.object({
  versionId: idSchema,
  input: decisionInputSchema,
  limit: z.number().int().min(1).max(1000).nullish(),
});
export type TestDecision = z.infer<typeof testDecisionSchema>;

@ObjectType()
export class TestDecisionResult {
  @Field()
  contentHash: string;

  @Field(() => JSONScalar, {
    description:
      'Ranked recommendations: [{ rank, actionId, name, group, channel, propensity, value, priority, fields }].',
  })
  recommendations: unknown;

  @Field(() => JSONScalar, {
    description: 'Per node: candidates in/out, why each dropped candidate was dropped, arbitration terms.',
  })
  trace: unknown;
}

export const rejectSchema = commentSchema;
export const rollbackReasonSchema = commentSchema;
export const approveCommentSchema = commentSchema.nullish();

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _CreateStrategyInputMatchesSchema = AssertMatches<
  InputMatchesSchema<CreateStrategyInput, typeof createStrategySchema>
>;
export type _SaveDraftInputMatchesSchema = AssertMatches<
  InputMatchesSchema<SaveDraftInput, typeof saveDraftSchema>
>;
export type _TestDecisionInputMatchesSchema = AssertMatches<
  InputMatchesSchema<TestDecisionInput, typeof testDecisionSchema>
>;
