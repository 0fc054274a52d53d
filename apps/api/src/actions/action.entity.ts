import { Field, Float, ObjectType, Int } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { JSONScalar } from '../common/graphql/json.scalar';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';

const numeric = {
  from: (v: string | number | null) => (v === null ? null : Number(v)),
  to: (v: number | null | undefined) => v,
};

/** An entry of the action catalog: an offer, a call, a message, a service step. Strategies refer to it by id. */
@ObjectType('Action')
@Check('actions_validity', 'valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to')
@Entity('actions')
export class Action {
  @Field({ description: 'Stable id that strategies refer to (letters, digits, "-" and "_").' })
  @PrimaryColumn('text')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'group', nullable: true })
  group: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  channel: string | null;

  @Field(() => Float, { nullable: true })
  @Column('double precision', { nullable: true, transformer: numeric })
  value: number | null;

  @Field(() => Float, { nullable: true })
  @Column('double precision', { nullable: true, transformer: numeric })
  cost: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'valid_from', nullable: true })
  validFrom: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'valid_to', nullable: true })
  validTo: Date | null;

  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  tags: string[];

  @Field(() => JSONScalar, { description: 'Free attributes that conditions may read as action.<name>.' })
  @Column('jsonb', { default: () => "'{}'" })
  attributes: Record<string, unknown>;

  @Field(() => Int, {
    description: 'Increases with every change; pass it as expectedRevision when updating.',
  })
  @Column('int', { default: 1 })
  revision: number;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
