import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditNames, uuidsAmong } from '../audit/audit-names';
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
import { StrategyReadsModule } from './strategy-reads.module';
import { StrategiesResolver } from './strategies.resolver';
import { StrategiesService } from './strategies.service';
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
    StrategyReadsModule,
  ],
  providers: [
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
  exports: [StrategiesService, VersionsService, StrategyReadsModule],
})
export class StrategiesModule implements OnModuleInit {
  constructor(
    private readonly auditNames: AuditNames,
    private readonly strategies: StrategiesRepository,
    private readonly versions: VersionsRepository,
  ) {}

  /** Audit entries about this feature's entities read by name. */
  onModuleInit(): void {
    this.auditNames.register('strategy', async (ids) => {
      const names = await this.strategies.names(uuidsAmong(ids));
      return new Map([...names].map(([id, name]) => [id, `'${name}'`]));
    });
    // "'Retention' version 3"
    this.auditNames.register('version', async (ids, nameOf) => {
      const named = await Promise.all(
        (await this.versions.numbers(uuidsAmong(ids))).map(
          async (v) =>
            [
              v.id,
              `${(await nameOf('strategy', v.strategyId)) ?? "'a deleted strategy'"} version ${v.number}`,
            ] as const,
        ),
      );
      return new Map(named);
    });
  }
}
