import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApiKeyGuard } from './api-key.guard';

/** REST plumbing: API-key guard (+ rate limit), error format (RestExceptionFilter) (the OpenAPI document: DocsModule). */
@Module({
  imports: [ApiKeysModule],
  providers: [ApiKeyGuard],
  exports: [ApiKeyGuard, ApiKeysModule],
})
export class RestModule {}
