import { Module } from '@nestjs/common';
import { AuditHeadExporter } from './audit-head.exporter';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Module({
  providers: [AuditRepository, AuditService, AuditResolver, AuditHeadExporter],
  exports: [AuditService],
})
export class AuditModule {}
