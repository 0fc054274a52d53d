import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { ActionsService } from '../actions/actions.service';
import { CustomerSchemaService } from '../customer-schema/customer-schema.service';
import { CustomerDecisionsRepository } from '../decision-log/customer-decisions.repository';
import { CustomerErasureService } from './customer-erasure.service';
import { CustomerErasureResult, CustomerProfile, ProfileQuality, ProfileSource } from './dto/profile.types';
import { SOURCE_NAME } from './profile-input';
import { ProfilesService } from './profiles.service';
import { explainLoggedDecision } from './recent-decision-words';
import { CheckedArg } from '../common/graphql/checked-args';
import { nonEmptyText } from '../common/validation';

const RECENT_DECISIONS = 20;
const customerIdArg = nonEmptyText(200);

@Resolver()
export class ProfilesResolver {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly erasure: CustomerErasureService,
    private readonly decisions: CustomerDecisionsRepository,
    private readonly actions: ActionsService,
    private readonly customerSchema: CustomerSchemaService,
  ) {}

  @Allowed(Permission.readCustomerProfiles)
  @Query(() => CustomerProfile, {
    description:
      "One customer's profile (fields with source and age; personal values for admins only) and recent decisions with their explanations.",
  })
  async customerProfile(
    @CurrentActor() actor: Actor,
    @CheckedArg('customerId', customerIdArg) customerId: string,
  ) {
    const [profile, recent, actions, schema] = await Promise.all([
      this.profiles.view(actor, customerId),
      this.decisions.recent(customerId, RECENT_DECISIONS),
      this.actions.definitions(),
      this.customerSchema.dataSchema(),
    ]);
    const names = {
      actions: new Map(actions.map((a) => [a.id, a.name])),
      personal: new Set((schema.customer ?? []).filter((f) => f.personal).map((f) => f.name)),
      mayReadPersonal: actor.roles.includes(Role.admin),
    };
    // The inputs stay on the server: the explanation shows them, masked as the profile is.
    const recentDecisions = recent.map(({ inputs: _inputs, arms: _arms, ...d }) => ({
      ...d,
      explanation: explainLoggedDecision({ ...d, inputs: _inputs, arms: _arms }, names),
    }));
    return { ...profile, recentDecisions };
  }

  @Allowed(Permission.readCustomerProfiles)
  @Query(() => [ProfileSource], { description: 'The declared profile sources.' })
  profileSources() {
    return this.profiles.sources();
  }

  @Allowed(Permission.readCustomerProfiles)
  @Query(() => ProfileQuality, {
    description: 'Per source and field: completeness and age of the stored profiles.',
  })
  profileQuality() {
    return this.profiles.quality();
  }

  @Roles(Role.admin)
  @Mutation(() => ProfileSource, {
    description: 'Declares (or redescribes) a source that may send profile values.',
  })
  declareProfileSource(
    @CurrentActor() actor: Actor,
    @CheckedArg(
      'name',
      z
        .string()
        .regex(SOURCE_NAME, 'use lower-case letters, digits, _ and -, starting with a letter (at most 64)'),
    )
    name: string,
    @CheckedArg('description', z.string().trim().max(500, 'must be at most 500 characters').nullish(), {
      type: () => String,
      nullable: true,
    })
    description?: string | null,
  ) {
    return this.profiles.declareSource(actor, name, description ?? null);
  }

  @Roles(Role.admin)
  @Mutation(() => CustomerErasureResult, {
    description:
      "Erases a customer: profile and dataset rows deleted; interactions and decisions pseudonymised, decisions' inputs removed. Idempotent.",
  })
  eraseCustomer(@CurrentActor() actor: Actor, @CheckedArg('customerId', customerIdArg) customerId: string) {
    return this.erasure.erase(actor, customerId);
  }
}
