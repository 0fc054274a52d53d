import { Field, ID, ObjectType } from '@nestjs/graphql';

/** What any signed-in user may see of another user: enough to show a name instead of an id. */
@ObjectType('Person')
export class Person {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}
