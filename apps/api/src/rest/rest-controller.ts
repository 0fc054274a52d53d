import { applyDecorators, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { ApiKeyGuard } from './api-key.guard';
import { RestExceptionFilter } from './rest-exception.filter';
import { RouteParamsCheckPipe } from './rest-input-check';

/** A REST controller of the decision API: API-key auth instead of the studio's JWT, REST error format. */
export const RestApi = () =>
  applyDecorators(
    Public(),
    UseGuards(ApiKeyGuard),
    UsePipes(RouteParamsCheckPipe),
    UseFilters(RestExceptionFilter),
  );
