import { Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission, PERMISSIONS, permissionsOf } from '../auth/permissions';
import { User } from '../users/user.entity';

@ObjectType({ description: 'A permission the user does not hold, with the sentence that says why.' })
export class DeniedPermission {
  @Field(() => Permission)
  permission: Permission;

  @Field()
  reason: string;
}

/** What a user may do, from the same declarations that guard the operations (auth/permissions.ts). */
@Resolver(() => User)
export class PermissionsResolver {
  @ResolveField(() => [Permission], {
    description: 'What this user may do; read with `me` to decide which buttons and screens to offer.',
  })
  permissions(@Parent() user: User): Permission[] {
    return permissionsOf(user.roles);
  }

  @ResolveField(() => [DeniedPermission], {
    description: 'Every permission this user does not hold, with the reason to show on its disabled button.',
  })
  deniedPermissions(@Parent() user: User): DeniedPermission[] {
    const held = new Set(permissionsOf(user.roles));
    return Object.values(Permission)
      .filter((p) => !held.has(p))
      .map((permission) => ({ permission, reason: PERMISSIONS[permission].reason }));
  }
}
