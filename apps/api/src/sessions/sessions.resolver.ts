import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { CurrentActor, Public, SignedIn } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { SessionsService } from './sessions.service';
import { AuthPayload, loginSchema, refreshTokenSchema } from './dto/auth.types';
import { CheckedArg } from '../common/graphql/checked-args';

@Resolver()
export class SessionsResolver {
  constructor(
    private readonly auth: SessionsService,
    private readonly users: UsersRepository,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Sign in with email and password. Repeated failures lock the account or the client address out for a while: RATE_LIMITED with retryAfterSeconds (HTTP 429).',
  })
  login(
    @CheckedArg('email', loginSchema.shape.email) email: string,
    @CheckedArg('password', loginSchema.shape.password) password: string,
    @Context('req') req: { ip?: string; socket?: { remoteAddress?: string } },
  ) {
    return this.auth.login(email, password, req.ip ?? req.socket?.remoteAddress ?? '');
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'A new token pair for a refresh token; the old refresh token stops working.',
  })
  refreshToken(@CheckedArg('refreshToken', refreshTokenSchema) refreshToken: string) {
    return this.auth.refresh(refreshToken);
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Revokes a refresh token of the caller. Access tokens expire by themselves.',
  })
  logout(@CurrentActor() actor: Actor, @CheckedArg('refreshToken', refreshTokenSchema) refreshToken: string) {
    return this.auth.logout(actor, refreshToken);
  }

  @SignedIn()
  @Query(() => User, { description: 'The signed-in user and their roles.' })
  async me(@CurrentActor() actor: Actor) {
    return this.users.findById(actor.id);
  }
}
