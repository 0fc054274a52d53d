import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { DOCS_HTML, DOCS_SCRIPT, DOCS_STYLE } from './docs-page';

export const OPENAPI_DOCUMENT = Symbol('OPENAPI_DOCUMENT');

/** The OpenAPI document of the REST API: public, like any API description. */
@Public()
@Controller('api')
export class DocsController {
  constructor(@Inject(OPENAPI_DOCUMENT) private readonly document: Record<string, unknown>) {}

  @Get('docs')
  docs() {
    return this.document;
  }

  @Get('docs.html')
  @Header('content-type', 'text/html; charset=utf-8')
  html() {
    return DOCS_HTML;
  }

  @Get('docs.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  script() {
    return DOCS_SCRIPT;
  }

  @Get('docs.css')
  @Header('content-type', 'text/css; charset=utf-8')
  style() {
    return DOCS_STYLE;
  }
}
