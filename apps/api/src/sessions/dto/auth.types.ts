import { Field, Int, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { User } from '../../users/user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>".' })
  accessToken: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @Field({ description: 'Exchange for a new token pair with refreshToken; each can be used once.' })
  refreshToken: string;

  @Field(() => User)
  user: User;
}

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'must not be empty').max(320),
  password: z.string().min(1, 'must not be empty').max(200),
});

export const refreshTokenSchema = z
  .string()
  .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,}$/, 'is not a refresh token issued by this API');
