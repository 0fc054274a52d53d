import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogChangesModule } from '../catalog-changes/catalog-changes.module';
import { ActionsRepository } from './actions.repository';
import { ActionsResolver } from './actions.resolver';
import { ActionsService } from './actions.service';

@Module({
  imports: [CatalogChangesModule, AuditModule],
  providers: [ActionsRepository, ActionsService, ActionsResolver],
  exports: [ActionsService],
})
export class ActionsModule {}
