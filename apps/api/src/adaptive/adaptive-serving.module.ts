import { Global, Module } from '@nestjs/common';
import { ModelsRepository } from '../models/models.repository';
import { LearnedModelSpecs } from '../strategies/lifecycle-ports';
import { AdaptiveDefinitions } from './adaptive-definitions';
import { AdaptiveEvents } from './adaptive-events';
import { AdaptiveServing } from './adaptive-serving';
import { AdaptiveRepository } from './adaptive.repository';

/**
 * What the decision API needs of adaptive models: their serving specs and the snapshot
 * announcements. Global because it provides strategies' LearnedModelSpecs port (the test panel
 * scores with the serving parameters) and strategies cannot import adaptive models.
 */
@Global()
@Module({
  providers: [
    ModelsRepository,
    AdaptiveRepository,
    AdaptiveDefinitions,
    AdaptiveEvents,
    AdaptiveServing,
    { provide: LearnedModelSpecs, useExisting: AdaptiveServing },
  ],
  exports: [
    ModelsRepository,
    AdaptiveRepository,
    AdaptiveDefinitions,
    AdaptiveEvents,
    AdaptiveServing,
    LearnedModelSpecs,
  ],
})
export class AdaptiveServingModule {}
