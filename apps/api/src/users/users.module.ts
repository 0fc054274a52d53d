import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditNames, uuidsAmong } from '../audit/audit-names';
import { AuditModule } from '../audit/audit.module';
import { PeopleResolver } from './people.resolver';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule],
  providers: [UsersRepository, UsersService, UsersResolver, PeopleResolver],
  exports: [UsersRepository, UsersService],
})
export class UsersModule implements OnModuleInit {
  constructor(
    private readonly auditNames: AuditNames,
    private readonly users: UsersRepository,
  ) {}

  /** Audit entries about this feature's entities read by name. */
  onModuleInit(): void {
    this.auditNames.register(
      'user',
      async (ids) => new Map((await this.users.people(uuidsAmong(ids))).map((p) => [p.id, p.displayName])),
    );
  }
}
