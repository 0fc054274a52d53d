import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StrategyScope } from '../api-keys/strategy-scope';
import { StrategiesRepository } from './strategies.repository';

@Injectable()
export class KnownStrategies extends StrategyScope {
  constructor(private readonly strategies: StrategiesRepository) {
    super();
  }

  missing(ids: readonly string[], em: EntityManager): Promise<string[]> {
    return this.strategies.missingIds(ids, em);
  }
}

/** Provides API keys' StrategyScope port; global because API keys sit below strategies (the REST guard checks them). */
@Global()
@Module({
  providers: [StrategiesRepository, { provide: StrategyScope, useClass: KnownStrategies }],
  exports: [StrategyScope],
})
export class KnownStrategiesModule {}
