import { registerEnumType } from '@nestjs/graphql';

/** The roles of docs/governance.md; a user may hold several. No role implies another. */
export enum Role {
  designer = 'designer',
  analyst = 'analyst',
  reviewer = 'reviewer',
  publisher = 'publisher',
  admin = 'admin',
}
export const ALL_ROLES: readonly Role[] = Object.values(Role);

registerEnumType(Role, {
  name: 'Role',
  description:
    'designer: strategies, drafts, actions, schema. analyst: simulations. reviewer: approve/reject. publisher: publish/rollback. admin: users and roles.',
});
