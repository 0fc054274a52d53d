import { Controller, Get, HttpCode, Param, Post, Query, Req, UseFilters } from '@nestjs/common';
import { z } from 'zod';
import type { Request } from 'express';
import { CurrentActor, Roles } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { AppError } from '../common/errors';
import { parseInput } from '../common/validation';
import { DatasetsService } from '../datasets/datasets.service';
import { API_PREFIX } from '../rest/openapi';
import { RestExceptionFilter } from '../rest/rest-exception.filter';
import { profileImportParamsSchema } from './profile-input';
import { ProfileImportService } from './profile-import.service';

/**
 * `POST /api/v1/customers:import?source=…`: a dataset file (the raw body, streamed, as
 * `POST /api/v1/datasets` takes it, with the same `X-Dataset-Mapping`) upserted as profiles. For
 * signed-in analysts and admins (user access token), as dataset uploads are.
 */
@Controller(API_PREFIX.slice(1))
@UseFilters(RestExceptionFilter)
export class ProfileImportController {
  constructor(
    private readonly imports: ProfileImportService,
    private readonly datasets: DatasetsService,
  ) {}

  @Roles(Role.analyst, Role.admin)
  @Get('customers\\:import/:importId')
  progress(@Param('importId') importId: string) {
    return this.imports.progress(
      parseInput(z.object({ importId: z.uuid({ message: 'must be a UUID' }) }), { importId }).importId,
    );
  }

  // `:import` is literal text (Google-style custom method), not a route parameter.
  @Roles(Role.analyst, Role.admin)
  @Post('customers\\:import')
  @HttpCode(200)
  async import(@Req() req: Request, @CurrentActor() actor: Actor, @Query() query: Record<string, unknown>) {
    try {
      // The JSON body parser would have read (and limited) a body sent as application/json.
      if (req.readableEnded)
        throw new AppError(
          'BAD_REQUEST',
          'Send the file as the raw body with Content-Type text/csv, application/x-ndjson or application/octet-stream (not application/json).',
        );
      const params = parseInput(profileImportParamsSchema, query);
      const header = req.headers['x-dataset-mapping'];
      const mapping = this.datasets.parseMapping(Array.isArray(header) ? header[0] : header);
      const length = Number(req.headers['content-length']);
      return await this.imports.import(actor, req, {
        ...params,
        mapping,
        ...(Number.isFinite(length) && length > 0 && { totalBytes: length }),
      });
    } catch (error) {
      req.resume(); // a refused import drains the rest of the body unread
      throw error;
    }
  }
}
