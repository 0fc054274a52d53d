import { Module } from '@nestjs/common';
import { ModelsRepository } from '../models/models.repository';
import { AdaptiveDefinitions } from './adaptive-definitions';
import { AdaptiveEvents } from './adaptive-events';
import { AdaptiveServing } from './adaptive-serving';
import { AdaptiveRepository } from './adaptive.repository';

/** What the decision API needs of adaptive models: their serving specs and the snapshot announcements. */
@Module({
  providers: [ModelsRepository, AdaptiveRepository, AdaptiveDefinitions, AdaptiveEvents, AdaptiveServing],
  exports: [ModelsRepository, AdaptiveRepository, AdaptiveDefinitions, AdaptiveEvents, AdaptiveServing],
})
export class AdaptiveServingModule {}
