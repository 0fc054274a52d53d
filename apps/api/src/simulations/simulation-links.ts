import { Injectable } from '@nestjs/common';
import { requestLoader } from '../common/graphql/request-loader';
import type { Dataset } from '../datasets/dataset.entity';
import { DatasetsService } from '../datasets/datasets.service';
import { StrategiesService } from '../strategies/strategies.service';
import type { StrategyVersion } from '../strategies/strategy-version.entity';
import type { Strategy } from '../strategies/strategy.entity';
import { VersionsService } from '../strategies/versions.service';

/**
 * The rows a simulation links to by id, read through their features' services and batched per
 * request: one query per kind for a whole list of simulations, whatever its length.
 */
@Injectable()
export class SimulationLinks {
  constructor(
    private readonly versions: VersionsService,
    private readonly strategies: StrategiesService,
    private readonly datasets: DatasetsService,
  ) {}

  version(context: object, id: string | null): Promise<StrategyVersion | null> {
    return load(context, 'StrategyVersion', id, (ids) => this.versions.byIds(ids));
  }

  strategy(context: object, id: string | null): Promise<Strategy | null> {
    return load(context, 'Strategy', id, (ids) => this.strategies.byIds(ids));
  }

  dataset(context: object, id: string | null): Promise<Dataset | null> {
    return load(context, 'Dataset', id, (ids) => this.datasets.byIds(ids));
  }
}

function load<T>(
  context: object,
  name: string,
  id: string | null,
  byIds: (ids: string[]) => Promise<Map<string, T>>,
): Promise<T | null> {
  return id === null ? Promise.resolve(null) : requestLoader(context, name, byIds).load(id);
}
