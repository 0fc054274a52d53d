import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JSONScalar } from '../common/graphql/json.scalar';

export enum SimulationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SimulationStatus, { name: 'SimulationStatus' });

/**
 * A simulation of one content hash over a dataset. Only the table and a read query live here for
 * now; the simulations feature runs and fills them. Approval reads it as evidence.
 */
@ObjectType('Simulation')
@Entity('simulations')
export class Simulation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'dataset_id', nullable: true })
  datasetId: string | null;

  @Field(() => SimulationStatus)
  @Column('text')
  status: SimulationStatus;

  @Field(() => JSONScalar, { nullable: true })
  @Column('jsonb', { nullable: true })
  results: unknown;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
