import { ID, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { Roles } from '../auth/access.decorators';
import { ALL_ROLES } from '../auth/roles';
import { Person } from './person.type';
import { UsersRepository } from './users.repository';
import { CheckedArg } from '../common/graphql/checked-args';

export const MAX_PEOPLE = 500;

@Resolver(() => Person)
export class PeopleResolver {
  constructor(private readonly users: UsersRepository) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Person], {
    description: `Display names of users by id, for authors, reviewers and audit actors (deactivated users included; unknown ids are left out). At most ${MAX_PEOPLE} ids.`,
  })
  people(
    @CheckedArg(
      'ids',
      z.array(z.uuid('must be an id (UUID)')).max(MAX_PEOPLE, `at most ${MAX_PEOPLE} ids at once`),
      { type: () => [ID] },
    )
    ids: string[],
  ): Promise<Person[]> {
    return this.users.people(ids);
  }
}
