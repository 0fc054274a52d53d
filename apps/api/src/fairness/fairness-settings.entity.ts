import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';

/** The thresholds of the fairness check: one row, set by an admin. */
@ObjectType('FairnessSettings', {
  description: 'The thresholds of the fairness check (the four-fifths rule), set by an admin.',
})
@Entity('fairness_settings')
export class FairnessSettings {
  @PrimaryColumn('smallint')
  id: number;

  @Field(() => Float, {
    description:
      "The lowest acceptable ratio of a protected group's rate of getting an action first to the best-served group's (0.8: the four-fifths rule).",
  })
  @Column('double precision', { name: 'ratio_floor' })
  ratioFloor: number;

  @Field(() => Int, {
    description: 'Groups with fewer customers in the simulated data are shown but not judged.',
  })
  @Column('int', { name: 'min_group_size' })
  minGroupSize: number;

  @Field(() => ID, { nullable: true, description: 'Who set them last (null: the defaults).' })
  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
