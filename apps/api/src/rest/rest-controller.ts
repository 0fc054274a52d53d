import { applyDecorators, UseFilters, UseGuards } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { ApiKeyGuard } from './api-key.guard';
import { RestExceptionFilter } from './rest-exception.filter';

/** A REST controller of the decision API: API-key auth instead of the studio's JWT, REST error format. */
export const RestApi = () => applyDecorators(Public(), UseGuards(ApiKeyGuard), UseFilters(RestExceptionFilter));
