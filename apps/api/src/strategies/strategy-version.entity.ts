import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { Strategy } from './strategy.entity';
import { JSONScalar } from '../common/graphql/json.scalar';
import type { PinnedEnvironment } from './pinned-environment';
import { VersionStatus } from './version-status';
import { CreatedAtColumn, MomentColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../common/columns';
import { UserIdColumn } from '../users/user-id-column';

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
  @UuidPrimaryColumn()
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

  @UserIdColumn('created_by', 'strategy_versions_created_by_fkey', {
    description: 'The author: who created this version.',
  })
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

  @UserIdColumn('submitted_by', 'strategy_versions_submitted_by_fkey', { nullable: true })
  submittedBy: string | null;

  @MomentColumn('submitted_at')
  submittedAt: Date | null;

  @UserIdColumn('approved_by', 'strategy_versions_approved_by_fkey', { nullable: true })
  approvedBy: string | null;

  @MomentColumn('approved_at')
  approvedAt: Date | null;

  @UserIdColumn('published_by', 'strategy_versions_published_by_fkey', { nullable: true })
  publishedBy: string | null;

  @MomentColumn('published_at')
  publishedAt: Date | null;

  @MomentColumn('retired_at')
  retiredAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
