import { Module } from '@nestjs/common';
import { AuditEntityNamesResolver } from './audit-entity-names.resolver';
import { AuditHeadExporter } from './audit-head.exporter';
import { AuditNames } from './audit-names';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Module({
  providers: [
    AuditRepository,
    AuditService,
    AuditResolver,
    AuditHeadExporter,
    AuditNames,
    AuditEntityNamesResolver,
  ],
  exports: [AuditService, AuditNames],
})
export class AuditModule {}
