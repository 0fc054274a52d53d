import { Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { Role } from '../auth/roles';
import { JSONScalar } from '../common/graphql/json.scalar';
import { InteractionsService } from './interactions.service';
import { OUTCOME_VALUES, outcomeSchema, type OutcomeRequest } from './outcomes';
import { CheckedArg } from '../common/graphql/checked-args';

@InputType()
export class RecordOutcomeInput {
  @Field(() => String, {
    nullable: true,
    description: 'The decision that showed the action; customer and action are checked against it.',
  })
  decisionId?: string;
  @Field(() => String, { nullable: true })
  customerId?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Required unless the decision returned exactly one action.',
  })
  actionId?: string;
  @Field({ description: OUTCOME_VALUES.join(' | ') })
  outcome: string;
  @Field(() => String, { nullable: true })
  channel?: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601; default now.' })
  at?: string;
  @Field(() => String, {
    nullable: true,
    description: 'A repeated key answers the first result without storing anything.',
  })
  idempotencyKey?: string;
}

@ObjectType()
export class OutcomeRecord {
  @Field() id: string;
  @Field() customerId: string;
  @Field() actionId: string;
  @Field() outcome: string;
  @Field(() => String, { nullable: true }) channel: string | null;
  @Field() at: string;
  @Field(() => String, { nullable: true }) decisionId: string | null;
  @Field(() => String, { nullable: true }) idempotencyKey: string | null;
  @Field({ description: 'true: this idempotency key was recorded before; nothing new was stored.' })
  replayed: boolean;
}

@ObjectType()
export class CustomerInteractions {
  @Field() customerId: string;
  @Field(() => Int) windowDays: number;
  @Field(() => JSONScalar, {
    description: 'Newest first: [{ actionId, outcome, at, channel? }], at most 500.',
  })
  interactions: unknown;
}

/** Null GraphQL arguments mean "not given". */
const withoutNulls = z.preprocess(
  (v) =>
    v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined))
      : v,
  outcomeSchema,
);

@Resolver()
export class InteractionsResolver {
  constructor(private readonly interactions: InteractionsService) {}

  @Roles(Role.designer)
  @Mutation(() => OutcomeRecord, {
    description:
      'Records an outcome like POST /api/v1/outcomes (for trying contact policies from the studio). Designer only.',
  })
  recordOutcome(@CheckedArg('input', withoutNulls) input: RecordOutcomeInput) {
    return this.interactions.record(input as unknown as OutcomeRequest, null);
  }

  @Allowed(Permission.readInteractions)
  @Query(() => CustomerInteractions, {
    description: 'The interaction history contact policies read: 90 days, newest first, at most 500.',
  })
  customerInteractions(
    @CheckedArg('customerId', z.string().trim().min(1, 'must not be empty').max(200))
    customerId: string,
  ) {
    return this.interactions.interactions(customerId);
  }
}
