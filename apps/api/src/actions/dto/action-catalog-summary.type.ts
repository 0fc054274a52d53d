import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';

@ObjectType('ActionCatalogSummary', {
  description:
    'The catalog at a glance, for a screen that pages through it: sizes, filter choices, and when it last changed.',
})
export class ActionCatalogSummary {
  @Field(() => Int, { description: 'Actions in the whole catalog.' })
  total: number;

  @Field(() => Int, { description: 'Actions that match the filter (the total without one).' })
  matching: number;

  @Field(() => [String], { description: 'Every group in use, sorted.' })
  groups: string[];

  @Field(() => [String], { description: 'Every channel in use, sorted.' })
  channels: string[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'The last time an action was created or changed (null for an empty catalog); with `total` it tells a client whether its copy is current.',
  })
  changedAt: Date | null;
}
