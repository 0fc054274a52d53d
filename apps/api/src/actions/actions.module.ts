import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditNames } from '../audit/audit-names';
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
export class ActionsModule implements OnModuleInit {
  constructor(
    private readonly auditNames: AuditNames,
    private readonly actions: ActionsRepository,
  ) {}

  /** Audit entries about this feature's entities read by name. */
  onModuleInit(): void {
    this.auditNames.register(
      'action',
      async (ids) => new Map((await this.actions.findByIds(ids)).map((a) => [a.id, `action '${a.name}'`])),
    );
  }
}
