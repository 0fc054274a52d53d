import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AuditModule } from '../audit/audit.module';
import { CatalogChangesModule } from '../catalog-changes/catalog-changes.module';
import { CustomerSchemaModule } from '../customer-schema/customer-schema.module';
import { ModelsModule } from '../models/models.module';
import { CatalogImpactService } from './catalog-impact.service';
import { KnownStrategiesModule } from './known-strategies.module';
import { LifecycleService } from './lifecycle.service';
import { PublishedStrategyEventsModule } from './published-strategy-events.module';
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

/**
 * Strategies, their versions and the lifecycle. The lifecycle's ports (lifecycle-ports.ts) come from
 * global modules of the features above: approval evidence (fairness), review notes (reviews) and
 * learned model specs (adaptive serving).
 */
@Module({
  imports: [
    KnownStrategiesModule,
    CatalogChangesModule,
    AuditModule,
    ActionsModule,
    CustomerSchemaModule,
    PublishedStrategyEventsModule,
    ModelsModule,
  ],
  providers: [
    StrategiesRepository,
    VersionsRepository,
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
