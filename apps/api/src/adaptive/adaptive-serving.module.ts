import { Global, Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
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
  imports: [ModelsModule],
  providers: [
    AdaptiveRepository,
    AdaptiveDefinitions,
    AdaptiveEvents,
    AdaptiveServing,
    { provide: LearnedModelSpecs, useExisting: AdaptiveServing },
  ],
  exports: [AdaptiveRepository, AdaptiveDefinitions, AdaptiveEvents, AdaptiveServing, LearnedModelSpecs],
})
export class AdaptiveServingModule {}
