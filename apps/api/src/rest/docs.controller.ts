import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { DOCS_HTML, openApiDocument } from './openapi';

/** The OpenAPI document of the REST API: public, like any API description. */
@Public()
@Controller('api')
export class DocsController {
  private readonly document = openApiDocument();

  @Get('docs')
  docs() {
    return this.document;
  }

  @Get('docs.html')
  @Header('content-type', 'text/html; charset=utf-8')
  html() {
    return DOCS_HTML;
  }
}
