import { Body, Controller, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { AppError } from '../common/errors';
import { parseInput } from '../common/validation';
import type { RequestWithApiKey } from '../rest/api-key.guard';
import { API_PREFIX } from '../rest/openapi';
import { RestApi } from '../rest/rest-controller';
import { customerIdSchema, plainBatchItems, profileBatchSchema, profileUpdateSchema } from './profile-input';
import { ProfilesService } from './profiles.service';

/**
 * A profile belongs to no strategy, and every strategy reads it: like an outcome sent without a
 * decision, only a key that may use every strategy writes profiles.
 */
function requireUnscopedKey(req: RequestWithApiKey): void {
  if (req.apiKey?.strategyIds) {
    throw new AppError(
      'FORBIDDEN',
      'This API key is limited to some strategies; customer profiles are read by every strategy, so only a key without strategyIds may write them.',
      { rule: 'API_KEY_SCOPE' },
    );
  }
}

/** Profile upserts from the systems that hold customer data (CRM, billing, service desk…), with an API key. */
@RestApi()
@Controller(API_PREFIX.slice(1))
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Put('customers/:id')
  @HttpCode(200)
  async upsert(@Param('id') id: string, @Body() body: unknown, @Req() req: RequestWithApiKey) {
    requireUnscopedKey(req);
    const customerId = parseInput(customerIdSchema, id, 'id');
    const update = parseInput(profileUpdateSchema, body);
    return (await this.profiles.upsert([{ customerId, ...update }]))[0];
  }

  // `:batch` is literal text (Google-style custom method), not a route parameter.
  @Post('customers\\:batch')
  @HttpCode(200)
  async upsertBatch(@Body() body: unknown, @Req() req: RequestWithApiKey) {
    requireUnscopedKey(req);
    const items = plainBatchItems(body) ?? parseInput(profileBatchSchema, body).items;
    return { results: await this.profiles.upsert(items, (i) => `items[${i}].`) };
  }
}
