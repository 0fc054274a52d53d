import { Field, Float, ObjectType, Int } from '@nestjs/graphql';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { JSONScalar } from '../common/graphql/json.scalar';
import { CreatedAtColumn, UpdatedAtColumn, MomentColumn } from '../common/columns';

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

  @MomentColumn('valid_from')
  validFrom: Date | null;

  @MomentColumn('valid_to')
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

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
