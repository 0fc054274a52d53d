import { Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES } from '../auth/roles';
import { EXPENSIVE_FIELD_COST } from '../common/graphql/query-limits';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import {
  ExperimentResults,
  positiveOutcomesSchema,
  stepIdSchema,
  versionNumberSchema,
} from './dto/experiment.types';
import { ExperimentsService } from './experiments.service';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';

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
    @UuidArg('strategyId') strategyId: string,
    @CheckedArg('version', versionNumberSchema.nullish(), { type: () => Int, nullable: true })
    version?: number | null,
    @CheckedArg('positiveOutcomes', positiveOutcomesSchema, POSITIVE_OUTCOMES)
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
    @UuidArg('strategyId') strategyId: string,
    @CheckedArg('version', versionNumberSchema, { type: () => Int }) version: number,
    @CheckedArg('splitStepId', stepIdSchema) splitStepId: string,
    @CheckedArg('arm', stepIdSchema) arm: string,
    @CheckedArg('positiveOutcomes', positiveOutcomesSchema, POSITIVE_OUTCOMES)
    positiveOutcomes?: string[] | null,
  ) {
    return this.experiments.promote(actor, strategyId, version, splitStepId, arm, positiveOutcomes);
  }
}
