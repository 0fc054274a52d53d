import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Strategy } from './strategy.entity';
import { User } from '../users/user.entity';
import { JSONScalar } from '../common/graphql/json.scalar';
import type { PinnedEnvironment } from './pinned-environment';
import { VersionStatus } from './version-status';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';

/** One version of a strategy: one engine document, its content hash and where it is in the lifecycle. */
@ObjectType('StrategyVersion')
@Check(
  'strategy_versions_status_check',
  "status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETIRED')",
)
@Unique('strategy_versions_number_key', ['strategyId', 'number'])
@Index('strategy_versions_content_hash', ['contentHash'])
@Index('strategy_versions_one_published', ['strategyId'], { unique: true, where: "status = 'PUBLISHED'" })
@Entity('strategy_versions')
export class StrategyVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @ForeignKey(() => Strategy, { name: 'strategy_versions_strategy_id_fkey' })
  @Column('uuid', { name: 'strategy_id' })
  strategyId: string;

  @Field(() => Int, { description: '1, 2, 3, … within the strategy.' })
  @Column('int')
  number: number;

  @Field(() => VersionStatus)
  @Column('text')
  status: VersionStatus;

  @Field(() => JSONScalar, { description: 'The engine strategy document (schemaVersion, nodes, edges).' })
  @Column('jsonb')
  document: unknown;

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'The catalog entries and declared fields this version reads, copied into it: `{ actions, schema }`. Fixed from submission on, so later catalog or schema edits never change what was reviewed; a draft follows the live catalog. Null for versions made before copies existed (they read the live catalog).',
  })
  @Column('jsonb', { nullable: true })
  environment: PinnedEnvironment | null;

  @Field({
    description:
      'SHA-256 of the canonical document and its copied catalog entries and fields: what is simulated, approved and published.',
  })
  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Field(() => Int, {
    description: 'Increases with every save or state change; pass it as expectedRevision when saving.',
  })
  @Column('int', { default: 1 })
  revision: number;

  @Field(() => ID, { description: 'The author: who created this version.' })
  @ForeignKey(() => User, { name: 'strategy_versions_created_by_fkey' })
  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Field(() => [ID], {
    description:
      'Everyone who wrote or changed the content, for a clone also those of its source; none of them may approve it (four eyes).',
  })
  @Column('uuid', { array: true, default: () => "'{}'" })
  editors: string[];

  @Field(() => ID, { nullable: true, description: 'The version this one was cloned from.' })
  @ForeignKey(() => StrategyVersion, { name: 'strategy_versions_based_on_version_id_fkey' })
  @Column('uuid', { name: 'based_on_version_id', nullable: true })
  basedOnVersionId: string | null;

  @Field(() => ID, { nullable: true })
  @ForeignKey(() => User, { name: 'strategy_versions_submitted_by_fkey' })
  @Column('uuid', { name: 'submitted_by', nullable: true })
  submittedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @ForeignKey(() => User, { name: 'strategy_versions_approved_by_fkey' })
  @Column('uuid', { name: 'approved_by', nullable: true })
  approvedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @ForeignKey(() => User, { name: 'strategy_versions_published_by_fkey' })
  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt: Date | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
