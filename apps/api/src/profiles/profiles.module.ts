import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AuditModule } from '../audit/audit.module';
import { CustomerSchemaModule } from '../customer-schema/customer-schema.module';
import { DatasetsModule } from '../datasets/datasets.module';
import { DecisionLogModule } from '../decision-log/decision-log.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { RestModule } from '../rest/rest.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { CustomerErasureService } from './customer-erasure.service';
import { CustomerExportService } from './customer-export.service';
import { CustomerPrivacyController } from './customer-privacy.controller';
import { ProfileCache } from './profile-cache';
import { ProfileEvents } from './profile-events';
import { ProfileImportController } from './profile-import.controller';
import { ProfileImportService } from './profile-import.service';
import { ProfilesController } from './profiles.controller';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesResolver } from './profiles.resolver';
import { ProfilesService } from './profiles.service';

/** Customer profiles from many sources: upserts (REST), the cache decisions read, erasure and export. */
@Module({
  imports: [
    ActionsModule,
    AuditModule,
    CustomerSchemaModule,
    DatasetsModule,
    DecisionLogModule,
    InteractionsModule,
    RestModule,
    SimulationsModule,
  ],
  controllers: [ProfilesController, CustomerPrivacyController, ProfileImportController],
  providers: [
    ProfilesRepository,
    ProfileEvents,
    ProfileCache,
    ProfilesService,
    ProfileImportService,
    CustomerErasureService,
    CustomerExportService,
    ProfilesResolver,
  ],
  exports: [ProfilesService],
})
export class ProfilesModule {}
