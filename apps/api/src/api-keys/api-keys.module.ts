import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditNames, uuidsAmong } from '../audit/audit-names';
import { AuditModule } from '../audit/audit.module';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysResolver } from './api-keys.resolver';
import { ApiKeysService } from './api-keys.service';

/** API keys of calling systems. Needs the StrategyScope port (provided by the strategies feature, global). */
@Module({
  imports: [AuditModule],
  providers: [ApiKeysRepository, ApiKeysService, ApiKeysResolver],
  exports: [ApiKeysService],
})
export class ApiKeysModule implements OnModuleInit {
  constructor(
    private readonly auditNames: AuditNames,
    private readonly keys: ApiKeysRepository,
  ) {}

  /** Audit entries about this feature's entities read by name. */
  onModuleInit(): void {
    this.auditNames.register('apiKey', async (ids) => {
      const names = await this.keys.names(uuidsAmong(ids));
      return new Map([...names].map(([id, name]) => [id, `API key '${name}'`]));
    });
  }
}
