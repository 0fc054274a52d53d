import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { parseInput } from '../common/validation';
import type { RequestWithApiKey } from '../rest/api-key.guard';
import { API_PREFIX } from '../rest/openapi';
import { RestApi } from '../rest/rest-controller';
import { batchRequestSchema, decisionRequestSchema } from './decision.schemas';
import { DecisionsService, type Caller } from './decisions.service';

const callerOf = (req: RequestWithApiKey): Caller => ({
  apiKeyId: req.apiKey!.id,
  strategyIds: req.apiKey!.strategyIds,
  source: 'rest',
});

@RestApi()
@Controller(API_PREFIX.slice(1))
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post('decisions')
  @HttpCode(200)
  decide(@Body() body: unknown, @Req() req: RequestWithApiKey) {
    return this.decisions.decide(parseInput(decisionRequestSchema, body), callerOf(req));
  }

  // `:batch` is literal text (Google-style custom method), not a route parameter.
  @Post('decisions\\:batch')
  @HttpCode(200)
  decideBatch(@Body() body: unknown, @Req() req: RequestWithApiKey) {
    return this.decisions.decideBatch(parseInput(batchRequestSchema, body), callerOf(req));
  }
}
