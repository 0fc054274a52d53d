import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Unique } from 'typeorm';
import { CreatedAtColumn, MomentColumn, UuidPrimaryColumn } from '../common/columns';
import { UserIdColumn } from '../users/user-id-column';

/** A key of one calling system (CRM, web shop, …). Only its SHA-256 is stored; the secret is shown once. */
@ObjectType('ApiKey')
@Check('api_keys_rate_limit_per_second_check', 'rate_limit_per_second IS NULL OR rate_limit_per_second > 0')
@Unique('api_keys_key_hash_key', ['keyHash'])
@Entity('api_keys')
export class ApiKey {
  @UuidPrimaryColumn()
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field({ description: 'The first characters of the key, to tell keys apart (the rest is never stored).' })
  @Column('text')
  prefix: string;

  @Column('text', { name: 'key_hash', select: false })
  keyHash: string;

  @Field(() => [ID], { nullable: true, description: 'The strategies this key may decide with; null: all.' })
  @Column('uuid', { name: 'strategy_ids', array: true, nullable: true })
  strategyIds: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests per second per API instance; null: the configured default.',
  })
  @Column('int', { name: 'rate_limit_per_second', nullable: true })
  rateLimitPerSecond: number | null;

  @UserIdColumn('created_by', 'api_keys_created_by_fkey', { nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @MomentColumn('revoked_at')
  revokedAt: Date | null;
}
