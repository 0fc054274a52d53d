import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES } from '../auth/roles';
import { EXPENSIVE_FIELD_COST } from '../common/graphql/query-limits';
import { ZodPipe } from '../common/validation';
import { idSchema } from '../strategies/dto/strategy.types';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import {
  ExperimentResults,
  positiveOutcomesSchema,
  stepIdSchema,
  versionNumberSchema,
} from './dto/experiment.types';
import { ExperimentsService } from './experiments.service';

const POSITIVE_OUTCOMES = {
  type: () => [String],
  nullable: true,
  description: 'The outcomes that count as positive; by default accepted, clicked and converted.',
} as const;

@Resolver()
export class ExperimentsResolver {
  constructor(private readonly experiments: ExperimentsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => ExperimentResults, {
    description:
      'Outcome rates per arm of every percentage split of a version (the published one if no version is given), with an always-valid sequential test.',
    complexity: EXPENSIVE_FIELD_COST,
  })
  experimentResults(
    @Args('strategyId', { type: () => ID }, new ZodPipe(idSchema, 'strategyId')) strategyId: string,
    @Args(
      'version',
      { type: () => Int, nullable: true },
      new ZodPipe(versionNumberSchema.nullish(), 'version'),
    )
    version?: number | null,
    @Args('positiveOutcomes', POSITIVE_OUTCOMES, new ZodPipe(positiveOutcomesSchema, 'positiveOutcomes'))
    positiveOutcomes?: string[] | null,
  ) {
    return this.experiments.results(strategyId, version, positiveOutcomes);
  }

  @Allowed(Permission.editDrafts)
  @Mutation(() => StrategyVersion, {
    description:
      'A new DRAFT in which the split step is replaced by the arm the always-valid test found best (INVALID_STATE before it has a verdict); it goes through review like any draft.',
  })
  promoteExperimentArm(
    @CurrentActor() actor: Actor,
    @Args('strategyId', { type: () => ID }, new ZodPipe(idSchema, 'strategyId')) strategyId: string,
    @Args('version', { type: () => Int }, new ZodPipe(versionNumberSchema, 'version')) version: number,
    @Args('splitStepId', new ZodPipe(stepIdSchema, 'splitStepId')) splitStepId: string,
    @Args('arm', new ZodPipe(stepIdSchema, 'arm')) arm: string,
    @Args('positiveOutcomes', POSITIVE_OUTCOMES, new ZodPipe(positiveOutcomesSchema, 'positiveOutcomes'))
    positiveOutcomes?: string[] | null,
  ) {
    return this.experiments.promote(actor, strategyId, version, splitStepId, arm, positiveOutcomes);
  }
}
