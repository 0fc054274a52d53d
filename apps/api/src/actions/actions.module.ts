import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ActionsRepository } from './actions.repository';
import { ActionsResolver } from './actions.resolver';
import { ActionsService } from './actions.service';

@Module({
  imports: [AuditModule],
  providers: [ActionsRepository, ActionsService, ActionsResolver],
  exports: [ActionsService],
})
export class ActionsModule {}
