import { Controller, Delete, Get, Param, UseFilters, UsePipes } from '@nestjs/common';
import { CurrentActor, Roles } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { parseInput } from '../common/validation';
import { API_PREFIX } from '../rest/openapi';
import { RestExceptionFilter } from '../rest/rest-exception.filter';
import { RouteParamsCheckPipe } from '../rest/rest-input-check';
import { CustomerErasureService } from './customer-erasure.service';
import { CustomerExportService } from './customer-export.service';
import { customerIdSchema } from './profile-input';

/**
 * Data-subject requests over REST, for an admin's access token (not an API key: calling systems
 * neither read everything about a customer nor erase one): export and erasure.
 */
@Controller(API_PREFIX.slice(1))
@UsePipes(RouteParamsCheckPipe)
@UseFilters(RestExceptionFilter)
export class CustomerPrivacyController {
  constructor(
    private readonly erasure: CustomerErasureService,
    private readonly exports: CustomerExportService,
  ) {}

  @Roles(Role.admin)
  @Get('customers/:id/export')
  export(@Param('id') id: string) {
    return this.exports.export(parseInput(customerIdSchema, id, 'id'));
  }

  @Roles(Role.admin)
  @Delete('customers/:id')
  erase(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.erasure.erase(actor, parseInput(customerIdSchema, id, 'id'));
  }
}
