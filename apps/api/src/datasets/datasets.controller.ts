import type { IncomingMessage } from 'node:http';
import {
  Controller,
  Delete,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UsePipes,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CurrentActor } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { AppError } from '../common/errors';
import { RestExceptionFilter } from '../rest/rest-exception.filter';
import { RouteParamsCheckPipe } from '../rest/rest-input-check';
import { parseInput } from '../common/validation';
import { DATASET_ID_PATTERN, DatasetsService, uploadParamsSchema } from './datasets.service';

/** The optional client-chosen id of the new dataset (`X-Dataset-Id`), checked to be a UUID. */
function datasetId(req: Request): string | undefined {
  const header = req.headers['x-dataset-id'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (!DATASET_ID_PATTERN.test(value))
    throw new AppError(
      'VALIDATION_FAILED',
      'X-Dataset-Id must be a UUID such as 3f2b8c1e-9d4a-4b7e-8f21-5c6d7e8f9a0b (crypto.randomUUID()), or left out.',
      {
        details: [{ field: 'X-Dataset-Id', message: 'is not a UUID' }],
      },
    );
  return value.toLowerCase();
}

/** The first `limit` bytes of a request body, without reading the rest. */
async function* head(req: IncomingMessage, limit: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    const part = seen + chunk.length > limit ? chunk.subarray(0, limit - seen) : chunk;
    seen += part.length;
    yield part;
    if (seen >= limit) return;
  }
}

/**
 * Dataset upload over REST: the raw file is the request body (no multipart), read as a stream, so
 * a 1 GB file never sits in memory. `POST /api/v1/datasets/inspect` with the first 64 KiB gives the
 * detected format and suggested fields; `POST /api/v1/datasets?name=…` with the whole file and the
 * mapping in `X-Dataset-Mapping` (JSON) imports it and answers with the dataset and its report.
 * The answer comes only at the end of the import: a client that sends its own `X-Dataset-Id` can
 * follow the upload meanwhile with GraphQL `dataset(id)`. `DELETE /api/v1/datasets/:id` deletes one.
 */
@Controller('api/v1/datasets')
// The REST error format, with a lost database connection answered 503 like every other REST route.
@UseFilters(RestExceptionFilter)
export class DatasetsController {
  constructor(private readonly datasets: DatasetsService) {}

  @Allowed(Permission.uploadDataset)
  @Post('inspect')
  async inspect(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(res, HttpStatus.OK, async () => {
      const inspection = await this.datasets.inspect(head(req, 64 * 1024));
      req.resume(); // whatever the client sent beyond the sample is drained, not read
      return inspection;
    });
  }

  @Allowed(Permission.uploadDataset)
  @Post()
  async upload(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    await this.answer(res, HttpStatus.CREATED, async () => {
      // The JSON body parser would have read (and limited) a body sent as application/json.
      if (req.readableEnded)
        throw new AppError(
          'BAD_REQUEST',
          'Send the file as the raw body with Content-Type text/csv, application/x-ndjson or application/octet-stream (not application/json).',
        );
      const params = parseInput(uploadParamsSchema, {
        name: query['name'],
        format: query['format'] || undefined,
      });
      const header = req.headers['x-dataset-mapping'];
      const mapping = this.datasets.parseMapping(Array.isArray(header) ? header[0] : header);
      const id = datasetId(req);
      const length = Number(req.headers['content-length']);
      try {
        return await this.datasets.upload(actor, req, {
          ...params,
          mapping,
          ...(id && { id }),
          ...(Number.isFinite(length) && length > 0 && { totalBytes: length }),
        });
      } catch (error) {
        req.resume(); // a refused upload (e.g. an id already taken) drains the rest of the body unread
        throw error;
      }
    });
  }

  /** Deletes a dataset and its rows (audited); refused while it uploads or a simulation runs on it. */
  @Allowed(Permission.deleteDataset)
  @Delete(':id')
  @UsePipes(RouteParamsCheckPipe)
  remove(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.datasets.delete(actor, parseInput(z.uuid('must be an id (UUID)'), id, 'id'));
  }

  private async answer(res: Response, status: number, work: () => Promise<unknown>): Promise<void> {
    res.status(status).json(await work());
  }
}
