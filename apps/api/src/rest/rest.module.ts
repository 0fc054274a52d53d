import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApiKeyGuard } from './api-key.guard';
import { DocsController } from './docs.controller';

/** REST plumbing: API-key guard (+ rate limit), error format (RestExceptionFilter), the OpenAPI document. */
@Module({
  imports: [ApiKeysModule],
  controllers: [DocsController],
  providers: [ApiKeyGuard],
  exports: [ApiKeyGuard, ApiKeysModule],
})
export class RestModule {}
