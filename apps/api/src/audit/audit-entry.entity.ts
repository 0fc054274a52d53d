import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { AuditHashAlgorithm } from './record-hash';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';

const bigint = { from: (v: string | number) => Number(v), to: (v: number) => v };

/**
 * One append-only, hash-chained audit log entry. Database triggers reject UPDATE, DELETE and TRUNCATE,
 * and an INSERT that does not continue the chain.
 */
@ObjectType('AuditEntry')
@Check('audit_log_seq_check', 'seq > 0')
@Check('audit_log_hash_alg_check', "hash_alg IN ('sha256', 'hmac-sha256')")
@Unique('audit_log_hash_key', ['hash'])
@Index('audit_log_entity', ['entityType', 'entityId', 'seq'])
@Index('audit_log_actor', ['actorId', 'seq'])
@Index('audit_log_action', ['action', 'seq'])
@Entity('audit_log')
export class AuditEntry {
  @Field(() => ID, { description: 'Position in the chain: 1, 2, 3, … without gaps.' })
  @PrimaryColumn('bigint', { transformer: bigint })
  seq: number;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'actor_email', nullable: true })
  actorEmail: string | null;

  @Field({ description: 'What happened, e.g. version.approve, action.update, user.roles.' })
  @Column('text')
  action: string;

  @Field({ description: 'user, action, schemaField, strategy, version, comment.' })
  @Column('text', { name: 'entity_type' })
  entityType: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'entity_id', nullable: true })
  entityId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Hash of the record (for versions: the content hash) before the change.',
  })
  @Column('text', { name: 'before_hash', nullable: true })
  beforeHash: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Hash of the record (for versions: the content hash) after the change.',
  })
  @Column('text', { name: 'after_hash', nullable: true })
  afterHash: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field()
  @Column('text', { name: 'prev_hash' })
  prevHash: string;

  @Field({
    description: 'HMAC-SHA-256 of the entry with the audit key (entries from before the key: plain SHA-256).',
  })
  @Column('text')
  hash: string;

  @Column('text', { name: 'hash_alg' })
  hashAlgorithm: AuditHashAlgorithm;
}
