import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';
import { UserIdColumn } from '../users/user-id-column';

/** The thresholds of the fairness check: one row, set by an admin. */
@ObjectType('FairnessSettings', {
  description: 'The thresholds of the fairness check (the four-fifths rule), set by an admin.',
})
@Check('fairness_settings_id_check', 'id = 1')
@Check('fairness_settings_ratio_floor_check', 'ratio_floor > 0 AND ratio_floor <= 1')
@Check('fairness_settings_min_group_size_check', 'min_group_size >= 1')
@Entity('fairness_settings')
export class FairnessSettings {
  @PrimaryColumn('smallint', { default: 1 })
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

  @UserIdColumn('updated_by', 'fairness_settings_updated_by_fkey', {
    nullable: true,
    description: 'Who set them last (null: the defaults).',
  })
  updatedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
