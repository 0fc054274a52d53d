import { Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import type { AssertMatches, InputMatchesSchema } from '../common/graphql/input-schema';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';
import { nonEmptyText } from '../common/validation';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'Which calling system uses it, e.g. "web shop".' })
  name: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Strategies the key may decide with; empty or null: all.',
  })
  strategyIds?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests per second per API instance; null: API_KEY_RATE_LIMIT.',
  })
  rateLimitPerSecond?: number | null;
}

const createApiKeySchema = z.object({
  name: nonEmptyText(100),
  strategyIds: z.array(z.uuid('must be a strategy id (UUID)')).max(1000).nullish(),
  rateLimitPerSecond: z.number().int().min(1, 'must be at least 1').max(1_000_000).nullish(),
});

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({ description: 'The key itself. Shown only now: only its SHA-256 is stored.' })
  secret: string;
}

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly service: ApiKeysService) {}

  @Allowed(Permission.manageKeys)
  @Query(() => [ApiKey], {
    description: 'Every API key (without secrets), revoked ones included. Admin only.',
  })
  apiKeys() {
    return this.service.list();
  }

  @Allowed(Permission.manageKeys)
  @Mutation(() => CreatedApiKey, {
    description: 'A key for a calling system of the decision API; the secret is in the answer only.',
  })
  createApiKey(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', createApiKeySchema) input: CreateApiKeyInput,
  ) {
    return this.service.create(actor, input);
  }

  @Allowed(Permission.manageKeys)
  @Mutation(() => ApiKey, { description: 'The key stops working (within 5 seconds on every API instance).' })
  revokeApiKey(@CurrentActor() actor: Actor, @UuidArg('id') id: string) {
    return this.service.revoke(actor, id);
  }
}

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _CreateApiKeyInputMatchesSchema = AssertMatches<
  InputMatchesSchema<CreateApiKeyInput, typeof createApiKeySchema>
>;
