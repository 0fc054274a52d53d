import { Field, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import { Role } from '../../auth/roles';
import type { AssertMatches, InputMatchesSchema } from '../../common/graphql/input-schema';
import { nonEmptyText } from '../../common/validation';

@InputType()
export class CreateUserInput {
  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field({ description: 'At least 12 characters.' })
  password: string;

  @Field(() => [Role])
  roles: Role[];
}

export const emailSchema = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email('must be an email address, e.g. ana@example.com'));
export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters');
export const rolesSchema = z
  .array(z.enum(Role))
  .max(5)
  .refine((roles) => new Set(roles).size === roles.length, 'lists a role twice');

export const createUserSchema = z.object({
  email: emailSchema,
  displayName: nonEmptyText(200),
  password: passwordSchema,
  roles: rolesSchema,
});
export type CreateUser = z.infer<typeof createUserSchema>;

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _CreateUserInputMatchesSchema = AssertMatches<
  InputMatchesSchema<CreateUserInput, typeof createUserSchema>
>;
