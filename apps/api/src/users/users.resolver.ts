import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { Role } from '../auth/roles';
import { notFound } from '../common/errors';
import { connectionType, type Page, PageArg } from '../common/graphql/pagination';
import { CreateUserInput, createUserSchema, rolesSchema, type CreateUser } from './dto/user.inputs';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';

const UserConnection = connectionType(User, 'User');

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Allowed(Permission.manageUsers)
  @Query(() => UserConnection, { description: 'All users, by email. Admin only.' })
  users(@PageArg() page: Page) {
    return this.usersService.list(page);
  }

  @Allowed(Permission.manageUsers)
  @Query(() => User)
  async user(@UuidArg('id') id: string) {
    return (await this.usersService.get(id)) ?? Promise.reject(notFound('User', id));
  }

  @Allowed(Permission.manageUsers)
  @Mutation(() => User)
  createUser(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', createUserSchema, { type: () => CreateUserInput }) input: CreateUser,
  ) {
    return this.usersService.create(actor, input);
  }

  @Allowed(Permission.manageUsers)
  @Mutation(() => User, {
    description: 'Replaces the roles of a user. The last active admin keeps the admin role.',
  })
  setUserRoles(
    @CurrentActor() actor: Actor,
    @UuidArg('userId') userId: string,
    @CheckedArg('roles', rolesSchema, { type: () => [Role] }) roles: Role[],
  ) {
    return this.usersService.setRoles(actor, userId, roles);
  }

  @Allowed(Permission.manageUsers)
  @Mutation(() => User, {
    description: 'Deactivated users cannot sign in; their tokens stop working at once.',
  })
  setUserActive(
    @CurrentActor() actor: Actor,
    @UuidArg('userId') userId: string,
    @CheckedArg('active', z.boolean()) active: boolean,
  ) {
    return this.usersService.setActive(actor, userId, active);
  }
}
