import { Module, type DynamicModule } from '@nestjs/common';
import { DocsController, OPENAPI_DOCUMENT } from './docs.controller';
import { openApiDocument, type OpenApiContribution } from './openapi';

/** GET /api/docs (and its page): the OpenAPI document assembled from what each feature contributes. */
@Module({})
export class DocsModule {
  static register(contributions: readonly OpenApiContribution[]): DynamicModule {
    return {
      module: DocsModule,
      controllers: [DocsController],
      providers: [{ provide: OPENAPI_DOCUMENT, useFactory: () => openApiDocument(contributions) }],
    };
  }
}
