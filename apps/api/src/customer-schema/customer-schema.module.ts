import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogChangesModule } from '../catalog-changes/catalog-changes.module';
import { CustomerSchemaRepository } from './customer-schema.repository';
import { CustomerSchemaResolver } from './customer-schema.resolver';
import { CustomerSchemaService } from './customer-schema.service';

@Module({
  imports: [CatalogChangesModule, AuditModule],
  providers: [CustomerSchemaRepository, CustomerSchemaService, CustomerSchemaResolver],
  exports: [CustomerSchemaService],
})
export class CustomerSchemaModule {}
