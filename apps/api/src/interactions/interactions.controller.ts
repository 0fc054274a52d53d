import { Body, Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { parseInput, nonEmptyText } from '../common/validation';
import type { RequestWithApiKey } from '../rest/api-key.guard';
import { API_PREFIX } from '../rest/openapi';
import { RestApi } from '../rest/rest-controller';
import { InteractionsService } from './interactions.service';
import { outcomeSchema } from './outcomes';

const customerIdSchema = nonEmptyText(200);

@RestApi()
@Controller(API_PREFIX.slice(1))
export class InteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  /** 201 when stored, 200 with the first result when the idempotency key was seen before. */
  @Post('outcomes')
  async outcome(
    @Body() body: unknown,
    @Headers('idempotency-key') header: string | undefined,
    @Req() req: RequestWithApiKey,
    @Res({ passthrough: true }) res: Response,
  ) {
    const withKey =
      header && body && typeof body === 'object' && !('idempotencyKey' in body)
        ? { ...body, idempotencyKey: header }
        : body;
    const input = parseInput(outcomeSchema, withKey);
    const result = await this.interactions.record(input, req.apiKey!.id, req.apiKey!.strategyIds);
    res.status(result.replayed ? 200 : 201);
    return result;
  }

  @Get('customers/:id/interactions')
  history(@Param('id') id: string, @Req() req: RequestWithApiKey) {
    return this.interactions.interactions(parseInput(customerIdSchema, id, 'id'), req.apiKey!.strategyIds);
  }
}
