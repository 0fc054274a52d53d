import { Controller, Get, Logger, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentActor } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { parseInput } from '../common/validation';
import { RestExceptionFilter } from '../rest/rest-exception.filter';
import { CustomerExportService } from './customer-export.service';

const idSchema = z.uuid('must be an id (UUID)');

/** Resolves when the response can take more (or is gone): the database is read no faster than the client downloads. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * `GET /api/v1/simulations/{id}/recommendations.csv`: a completed simulation's recommendations per
 * customer, streamed (see CustomerExportService). Studio users' access token, analyst or reviewer.
 * Refusals come before the first byte, in the REST error format; a failure once lines were sent
 * aborts the response, so a client never mistakes a cut-off file for a whole one.
 */
@Controller('api/v1/simulations')
@UseFilters(RestExceptionFilter)
export class CustomerExportController {
  private readonly logger = new Logger('CustomerExport');

  constructor(private readonly exports: CustomerExportService) {}

  @Allowed(Permission.exportSimulationCustomers)
  @Get(':id/recommendations.csv')
  async recommendations(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const prepared = await this.exports.prepare(actor, parseInput(idSchema, id, 'id'));
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${prepared.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    const gone = () => res.destroyed;
    try {
      for await (const text of this.exports.lines(prepared, gone)) {
        if (gone()) return;
        if (!res.write(text)) await drained(res);
      }
      res.end();
    } catch (error) {
      this.logger.error(
        `Export of simulation ${id} stopped: ${error instanceof Error ? error.message : String(error)}`,
      );
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
