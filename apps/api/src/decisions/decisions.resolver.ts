import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { Roles } from '../auth/access.decorators';
import { Role } from '../auth/roles';
import { JSONScalar } from '../common/graphql/json.scalar';
import { DECISION_FIELD_COST } from '../common/graphql/query-limits';
import { decisionRequestSchema } from './decision.schemas';
import { DecisionsService } from './decisions.service';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';

@ObjectType()
export class Decision {
  @Field() decisionId: string;
  @Field() customerId: string;
  @Field(() => JSONScalar, {
    description: 'The published version used: { id, name, version, versionId, contentHash }.',
  })
  strategy: unknown;
  @Field(() => JSONScalar, {
    description: 'Best first: [{ rank, actionId, name, group, channel, priority, propensity, value }].',
  })
  actions: unknown;
  @Field(() => [String], { nullable: true, description: 'With explain: what each node did, in words.' })
  explanation?: string[];
  @Field(() => JSONScalar, { nullable: true, description: 'With explain: the engine trace.' })
  trace?: unknown;
  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'With explain: where each customer field read came from: [{ field, from: request | profile, source?, updatedAt?, ageDays? }].',
  })
  customerSources?: unknown;
}

const inputSchema = decisionRequestSchema.pick({ customer: true, context: true, limit: true }).strict();
type DecideInput = z.infer<typeof inputSchema>;

@Resolver()
export class DecisionsResolver {
  constructor(private readonly decisions: DecisionsService) {}

  @Roles(Role.designer, Role.analyst, Role.reviewer, Role.publisher)
  @Query(() => Decision, {
    complexity: DECISION_FIELD_COST,
    description:
      'A real decision with the PUBLISHED version, like POST /api/v1/decisions: logged, and its actions count as shown in the customer history.',
  })
  decide(
    @UuidArg('strategyId')
    strategyId: string,
    @CheckedArg('input', inputSchema, {
      type: () => JSONScalar,
      description: '{ customer: { id, ... }, context?: { now?, channel?, ... }, limit? }',
    })
    input: DecideInput,
    @Args('explain', { type: () => Boolean, nullable: true }) explain?: boolean | null,
    @CheckedArg('limit', z.number().int().min(1).max(100).nullish(), { type: () => Int, nullable: true })
    limit?: number | null,
    @CheckedArg('explainActions', decisionRequestSchema.shape.explainActions.nullable(), {
      type: () => [String],
      nullable: true,
      description:
        'With explain: action ids whose whole story the explanation tells at every step, dropped or kept.',
    })
    explainActions?: string[] | null,
  ) {
    return this.decisions.decide(
      {
        strategy: strategyId,
        ...input,
        ...(limit && { limit }),
        explain: explain ?? false,
        ...(explainActions?.length && { explainActions }),
      },
      { apiKeyId: null, strategyIds: null, source: 'graphql' },
    );
  }
}
