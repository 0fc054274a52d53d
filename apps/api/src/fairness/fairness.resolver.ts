import { Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { requestLoader } from '../common/graphql/request-loader';
import { Simulation } from '../simulations/simulation.entity';
import {
  FairnessCheckType,
  FairnessSettingsInput,
  fairnessSettingsSchema,
  type FairnessSettingsValues,
} from './dto/fairness.types';
import type { CheckedSimulation } from './fairness-check';
import { FairnessSettings } from './fairness-settings.entity';
import { FairnessService } from './fairness.service';
import { CheckedArg } from '../common/graphql/checked-args';

@Resolver(() => FairnessSettings)
export class FairnessResolver {
  constructor(private readonly fairness: FairnessService) {}

  @Allowed(Permission.setFairnessThresholds)
  @Query(() => FairnessSettings, { description: 'The thresholds of the fairness check.' })
  fairnessSettings() {
    return this.fairness.settings();
  }

  @Allowed(Permission.setFairnessThresholds)
  @Mutation(() => FairnessSettings, {
    description:
      'Sets the thresholds of the fairness check; audited. Every check is judged with them from now on, earlier simulations included.',
  })
  setFairnessSettings(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', fairnessSettingsSchema, { type: () => FairnessSettingsInput })
    input: FairnessSettingsValues,
  ) {
    return this.fairness.setSettings(actor, input);
  }
}

@Resolver(() => Simulation)
export class SimulationFairnessResolver {
  constructor(private readonly fairness: FairnessService) {}

  @ResolveField(() => FairnessCheckType, {
    description:
      'The fairness check of this simulation with the current thresholds: per protected customer field, how often each group gets each action first, and the ratio of the lowest to the highest rate (the four-fifths rule).',
  })
  async fairnessCheck(@Parent() simulation: Simulation, @Context() context: object) {
    // The thresholds are read once per request, however many simulations are listed.
    const settings = await requestLoader(
      context,
      'FairnessSettings',
      async () => new Map([['current', await this.fairness.settings()]]),
    ).load('current');
    return this.fairness.check(simulation as unknown as CheckedSimulation, settings ?? undefined);
  }
}
