import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditNames } from '../audit/audit-names';
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
export class CustomerSchemaModule implements OnModuleInit {
  constructor(
    private readonly auditNames: AuditNames,
    private readonly fields: CustomerSchemaRepository,
  ) {}

  /** Audit entries about this feature's entities read by name. */
  onModuleInit(): void {
    // `customer.age` → "field 'Age' (customer.age)"; a field without a label (or gone) by its key.
    this.auditNames.register('schemaField', async (keys) => {
      const labels = await this.fields.labels(keys);
      return new Map(
        keys.map((key) => [key, labels.has(key) ? `field '${labels.get(key)}' (${key})` : `field ${key}`]),
      );
    });
  }
}
