import { Args, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { Roles } from '../auth/access.decorators';
import { ALL_ROLES } from '../auth/roles';
import { ZodPipe } from '../common/validation';
import { Simulation } from './simulation.entity';
import { SimulationsRepository } from './simulations.repository';

@Resolver(() => Simulation)
export class SimulationsResolver {
  constructor(private readonly simulationsRepository: SimulationsRepository) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Simulation], { description: 'Simulations of one content hash, newest first (at most 100).' })
  simulations(@Args('contentHash', new ZodPipe(z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex content hash'), 'contentHash')) contentHash: string) {
    return this.simulationsRepository.byContentHash(contentHash);
  }
}
