import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { z } from 'zod';
import { Roles } from '../auth/access.decorators';
import { ALL_ROLES } from '../auth/roles';
import { requestLoader } from '../common/graphql/request-loader';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';
import { Dataset } from '../datasets/dataset.entity';
import { fieldsRead } from '@arbiter/engine';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { Strategy } from '../strategies/strategy.entity';
import { datasetFieldWarnings } from './dataset-field-warnings';
import { Simulation } from './simulation.entity';
import { SIMULATION_LIST_LIMIT, SimulationsRepository } from './simulations.repository';

const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex content hash');

@Resolver(() => Simulation)
export class SimulationsResolver {
  constructor(
    private readonly simulationsRepository: SimulationsRepository,
    private readonly dataSource: DataSource,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Simulation], {
    description: `Simulations, newest first (at most ${SIMULATION_LIST_LIMIT}); every filter is optional and they combine (AND). strategyId matches through the simulated version.`,
  })
  simulations(
    @CheckedArg('contentHash', contentHashSchema.nullish(), { type: () => String, nullable: true })
    contentHash?: string | null,
    @UuidArg('strategyId', { nullable: true })
    strategyId?: string | null,
    @UuidArg('datasetId', { nullable: true })
    datasetId?: string | null,
  ) {
    return this.simulationsRepository.list({ contentHash, strategyId, datasetId });
  }

  @ResolveField(() => StrategyVersion, {
    nullable: true,
    description: 'The simulated version (null when it was deleted or never recorded).',
  })
  version(@Parent() simulation: Simulation, @Context() context: object) {
    return this.byId(context, StrategyVersion, simulation.versionId);
  }

  @ResolveField(() => StrategyVersion, {
    nullable: true,
    description: 'The version compared against, if any.',
  })
  baselineVersion(@Parent() simulation: Simulation, @Context() context: object) {
    return this.byId(context, StrategyVersion, simulation.baselineVersionId);
  }

  @ResolveField(() => Dataset, {
    nullable: true,
    description: 'The dataset simulated over (null once deleted).',
  })
  dataset(@Parent() simulation: Simulation, @Context() context: object) {
    return this.byId(context, Dataset, simulation.datasetId);
  }

  @ResolveField(() => Strategy, { nullable: true, description: 'The strategy of `version`.' })
  async strategy(@Parent() simulation: Simulation, @Context() context: object) {
    const version = await this.byId(context, StrategyVersion, simulation.versionId);
    return this.byId(context, Strategy, version?.strategyId ?? null);
  }

  @ResolveField(() => [String], {
    description:
      'Why the results may mean less than they seem: customer fields the strategy reads that the dataset lacks or holds only hashed (personal). Empty when there is nothing to say.',
  })
  async dataWarnings(@Parent() simulation: Simulation, @Context() context: object): Promise<string[]> {
    const [version, dataset] = await Promise.all([
      this.byId(context, StrategyVersion, simulation.versionId),
      this.byId(context, Dataset, simulation.datasetId),
    ]);
    return version && dataset
      ? datasetFieldWarnings(
          fieldsRead([version.document, version.environment?.models]).customer,
          dataset.report,
        )
      : [];
  }

  /** One query per entity type for the whole list, whatever its length. */
  private byId<T extends ObjectLiteral & { id: string }>(
    context: object,
    entity: EntityTarget<T>,
    id: string | null,
  ): Promise<T | null> {
    if (id === null) return Promise.resolve(null);
    const name = this.dataSource.getMetadata(entity).name;
    return requestLoader<T>(context, name, async (ids) => {
      const rows = await this.dataSource.manager.find(entity, {
        where: { id: In(ids) } as FindOptionsWhere<T>,
      });
      return new Map(rows.map((row) => [row.id, row]));
    }).load(id);
  }
}
