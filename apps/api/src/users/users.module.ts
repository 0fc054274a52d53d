import { Module } from '@nestjs/common';
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
export class UsersModule {}
