import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { Dataset } from '../datasets/dataset.entity';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { JSONScalar } from '../common/graphql/json.scalar';
import { CreatedAtColumn, MomentColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../common/columns';
import { UserIdColumn } from '../users/user-id-column';

export enum SimulationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SimulationStatus, { name: 'SimulationStatus' });

/**
 * A simulation of one content hash over a dataset: a parent job and one chunk job per range of
 * dataset rows (see SimulationsService). Approval reads COMPLETED ones as evidence.
 */
@ObjectType('Simulation')
@Check('simulations_status_check', "status IN ('QUEUED','RUNNING','COMPLETED','FAILED','CANCELLED')")
@Index('simulations_content_hash', ['contentHash', 'status'])
@Index('simulations_reuse', ['contentHash', 'datasetId', 'status'])
@Index('simulations_created_at', ['createdAt'])
@Entity('simulations')
export class Simulation {
  @UuidPrimaryColumn()
  id: string;

  @Field()
  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Field(() => ID, { nullable: true })
  @ForeignKey(() => Dataset, { name: 'simulations_dataset_fk', onDelete: 'SET NULL' })
  @Column('uuid', { name: 'dataset_id', nullable: true })
  datasetId: string | null;

  @Field(() => SimulationStatus)
  @Column('text')
  status: SimulationStatus;

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'The summary (per action, per node funnel, per segment, off-policy estimates) once COMPLETED.',
  })
  @Column('jsonb', { nullable: true })
  results: unknown;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Differences from the baseline version on the same rows, when a baseline was given.',
  })
  @Column('jsonb', { nullable: true })
  comparison: unknown;

  @Field(() => ID, { nullable: true })
  @ForeignKey(() => StrategyVersion, { name: 'simulations_version_id_fkey' })
  @Column('uuid', { name: 'version_id', nullable: true })
  versionId: string | null;

  @Field(() => ID, { nullable: true })
  @ForeignKey(() => StrategyVersion, { name: 'simulations_baseline_version_id_fkey' })
  @Column('uuid', { name: 'baseline_version_id', nullable: true })
  baselineVersionId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'baseline_content_hash', nullable: true })
  baselineContentHash: string | null;

  @Column('jsonb', { default: {} })
  options: Record<string, unknown>;

  @MomentColumn('decision_time', 'The `context.now` of every decision: fixed, so a run is reproducible.')
  decisionTime: Date | null;

  @Field(() => Int)
  @Column('int', { name: 'rows_total', default: 0 })
  rowsTotal: number;

  @Column('int', { name: 'chunk_size', default: 10000 })
  chunkSize: number;

  @Field(() => Int)
  @Column('int', { name: 'chunk_count', default: 0 })
  chunkCount: number;

  @MomentColumn('started_at')
  startedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it failed (FAILED only).' })
  @Column('text', { nullable: true })
  error: string | null;

  @UserIdColumn('created_by', 'simulations_created_by_fkey', { nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @MomentColumn('completed_at')
  completedAt: Date | null;
}
