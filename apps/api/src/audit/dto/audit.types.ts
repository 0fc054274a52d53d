import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { storableDate } from '../../common/storable-date';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type { AssertMatches, InputMatchesSchema } from '../../common/graphql/input-schema';

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. version.approve' })
  action?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'user, action, schemaField, strategy, version, comment',
  })
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Entries at or after this time.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Entries before this time.' })
  to?: Date | null;
}

export const auditFilterSchema = z
  .object({
    actorId: z.uuid('must be a user id (UUID)').nullish(),
    action: z.string().max(100).nullish(),
    entityType: z.string().max(100).nullish(),
    entityId: z.string().max(200).nullish(),
    from: storableDate().nullish(),
    to: storableDate().nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be before from', path: ['to'] });

@ObjectType({
  description:
    'What the audit log holds, for its filters: every entity type, action and actor that occurs in it.',
})
export class AuditFacets {
  @Field(() => [String])
  entityTypes: string[];

  @Field(() => [String])
  actions: string[];

  @Field(() => [ID], {
    description: 'Users who acted, by id (names through `people`); system entries have none.',
  })
  actorIds: string[];
}

@InputType({
  description:
    'An audit chain head exported earlier (log line or arbiter_audit_chain_head_info): seq and hash.',
})
export class AuditChainAnchorInput {
  @Field(() => Int)
  seq: number;

  @Field()
  hash: string;
}

export const auditChainAnchorSchema = z.object({
  seq: z.number().int().min(1, 'must be at least 1'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hash of 64 hex digits'),
});

@ObjectType()
export class AuditChainVerification {
  @Field({ description: 'True when every entry fits the chain.' })
  valid: boolean;

  @Field(() => Int)
  checkedEntries: number;

  @Field(() => Int, { nullable: true, description: 'Sequence number of the first entry that does not fit.' })
  firstBrokenSeq: number | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Hash of the last entry; keep it elsewhere to detect truncation.',
  })
  headHash: string | null;
}

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _AuditFilterInputMatchesSchema = AssertMatches<
  InputMatchesSchema<AuditFilterInput, typeof auditFilterSchema>
>;
