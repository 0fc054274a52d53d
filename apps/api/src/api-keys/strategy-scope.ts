import type { EntityManager } from 'typeorm';

/**
 * Which strategies exist, for a key limited to some of them. Provided by the strategies feature
 * (StrategyScopeModule, global): API keys sit below strategies, since the REST guard of every
 * feature's routes checks them.
 */
export abstract class StrategyScope {
  /** The ids among `ids` that name no strategy. */
  abstract missing(ids: readonly string[], em: EntityManager): Promise<string[]>;
}
