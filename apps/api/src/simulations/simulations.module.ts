import { Module } from '@nestjs/common';
import { SimulationsRepository } from './simulations.repository';
import { SimulationNamesResolver } from './simulation-names.resolver';
import { SimulationsResolver } from './simulations.resolver';

/** For now: the table and a read query. The simulations feature adds datasets, jobs and results. */
@Module({
  providers: [SimulationsRepository, SimulationsResolver, SimulationNamesResolver],
  exports: [SimulationsRepository],
})
export class SimulationsModule {}
