import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AdaptiveServingModule } from '../adaptive/adaptive-serving.module';
import { AuditModule } from '../audit/audit.module';
import { CatalogChangesModule } from '../catalog-changes/catalog-changes.module';
import { CustomerSchemaModule } from '../customer-schema/customer-schema.module';
import { PublishedStrategyEventsModule } from '../decisions/published-strategy-events.module';
import { ModelsModule } from '../models/models.module';
import { FairnessModule } from '../fairness/fairness.module';
import { ReviewCommentsRepository } from '../reviews/review-comments.repository';
import { SimulationsModule } from '../simulations/simulations.module';
import { CatalogImpactService } from './catalog-impact.service';
import { LifecycleService } from './lifecycle.service';
import { ReviewQueueResolver } from './review-queue.resolver';
import { ReviewQueueService } from './review-queue.service';
import { RulesImportResolver } from './rules-import.resolver';
import { RulesImportService } from './rules-import.service';
import { StrategiesRepository } from './strategies.repository';
import { StrategiesResolver } from './strategies.resolver';
import { StrategiesService } from './strategies.service';
import { StrategyEnvironmentService } from './strategy-environment.service';
import { SaveDraftPayloadResolver, VersionsResolver } from './versions.resolver';
import { VersionsRepository } from './versions.repository';
import { VersionsService } from './versions.service';

/** Strategies, their versions and the lifecycle. Rejection and approval comments are written through the reviews' repository. */
@Module({
  imports: [
    AdaptiveServingModule,
    CatalogChangesModule,
    AuditModule,
    ActionsModule,
    CustomerSchemaModule,
    SimulationsModule,
    PublishedStrategyEventsModule,
    FairnessModule,
    ModelsModule,
  ],
  providers: [
    StrategiesRepository,
    VersionsRepository,
    ReviewCommentsRepository,
    StrategyEnvironmentService,
    CatalogImpactService,
    StrategiesService,
    VersionsService,
    LifecycleService,
    StrategiesResolver,
    VersionsResolver,
    SaveDraftPayloadResolver,
    ReviewQueueService,
    ReviewQueueResolver,
    RulesImportService,
    RulesImportResolver,
  ],
  exports: [StrategiesService, VersionsService, StrategyEnvironmentService],
})
export class StrategiesModule {}
