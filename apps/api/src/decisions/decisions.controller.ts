import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { RequestWithApiKey } from '../rest/api-key.guard';
import { API_PREFIX } from '../rest/openapi';
import { RestApi } from '../rest/rest-controller';
import { decisionRoutes } from './decision-routes';
import { DecisionsService } from './decisions.service';

/**
 * The decision routes in Nest: most requests are answered ahead of Nest by the same functions
 * (decision-routes.ts); this controller answers the rest (a query string, another content type).
 */
@RestApi()
@Controller(API_PREFIX.slice(1))
export class DecisionsController {
  private readonly routes: ReturnType<typeof decisionRoutes>;

  constructor(decisions: DecisionsService) {
    this.routes = decisionRoutes(decisions);
  }

  @Post('decisions')
  @HttpCode(200)
  decide(@Body() body: unknown, @Req() req: RequestWithApiKey) {
    return this.routes.decide(body, req.apiKey!);
  }

  // `:batch` is literal text (Google-style custom method), not a route parameter.
  @Post('decisions\\:batch')
  @HttpCode(200)
  decideBatch(@Body() body: unknown, @Req() req: RequestWithApiKey) {
    return this.routes.decideBatch(body, req.apiKey!);
  }
}
