import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { Roles } from '../auth/access.decorators';
import { ALL_ROLES } from '../auth/roles';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';
import { Dataset } from '../datasets/dataset.entity';
import { fieldsRead } from '@arbiter/engine';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { Strategy } from '../strategies/strategy.entity';
import { VersionsService } from '../strategies/versions.service';
import { datasetFieldWarnings } from './dataset-field-warnings';
import { SimulationLinks } from './simulation-links';
import { Simulation } from './simulation.entity';
import { SIMULATION_LIST_LIMIT, SimulationsRepository } from './simulations.repository';

const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex content hash');

@Resolver(() => Simulation)
export class SimulationsResolver {
  constructor(
    private readonly simulationsRepository: SimulationsRepository,
    private readonly links: SimulationLinks,
    private readonly versions: VersionsService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Simulation], {
    description: `Simulations, newest first (at most ${SIMULATION_LIST_LIMIT}); every filter is optional and they combine (AND). strategyId matches through the simulated version.`,
  })
  async simulations(
    @CheckedArg('contentHash', contentHashSchema.nullish(), { type: () => String, nullable: true })
    contentHash?: string | null,
    @UuidArg('strategyId', { nullable: true })
    strategyId?: string | null,
    @UuidArg('datasetId', { nullable: true })
    datasetId?: string | null,
  ) {
    // A strategy matches through the simulated version: the strategies feature knows its versions.
    const versions = strategyId
      ? ((await this.versions.byStrategies([strategyId], { withContent: false })).get(strategyId) ?? [])
      : null;
    return this.simulationsRepository.list({
      contentHash,
      versionIds: versions?.map((v) => v.id),
      datasetId,
    });
  }

  @ResolveField(() => StrategyVersion, {
    nullable: true,
    description: 'The simulated version (null when it was deleted or never recorded).',
  })
  version(@Parent() simulation: Simulation, @Context() context: object) {
    return this.links.version(context, simulation.versionId);
  }

  @ResolveField(() => StrategyVersion, {
    nullable: true,
    description: 'The version compared against, if any.',
  })
  baselineVersion(@Parent() simulation: Simulation, @Context() context: object) {
    return this.links.version(context, simulation.baselineVersionId);
  }

  @ResolveField(() => Dataset, {
    nullable: true,
    description: 'The dataset simulated over (null once deleted).',
  })
  dataset(@Parent() simulation: Simulation, @Context() context: object) {
    return this.links.dataset(context, simulation.datasetId);
  }

  @ResolveField(() => Strategy, { nullable: true, description: 'The strategy of `version`.' })
  async strategy(@Parent() simulation: Simulation, @Context() context: object) {
    const version = await this.links.version(context, simulation.versionId);
    return this.links.strategy(context, version?.strategyId ?? null);
  }

  @ResolveField(() => [String], {
    description:
      'Why the results may mean less than they seem: customer fields the strategy reads that the dataset lacks or holds only hashed (personal). Empty when there is nothing to say.',
  })
  async dataWarnings(@Parent() simulation: Simulation, @Context() context: object): Promise<string[]> {
    const [version, dataset] = await Promise.all([
      this.links.version(context, simulation.versionId),
      this.links.dataset(context, simulation.datasetId),
    ]);
    return version && dataset
      ? datasetFieldWarnings(
          fieldsRead([version.document, version.environment?.models]).customer,
          dataset.report,
        )
      : [];
  }
}
