import { BadRequestException, Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from '../common/errors';
import { API_PREFIX } from './openapi';
import { RestExceptionFilter } from './rest-exception.filter';

/**
 * Express refuses a path parameter that is not valid percent-encoded UTF-8 (`%`, `%ED%A0%80`)
 * while matching routes, so before any route's filter: REST paths answer it in the REST format
 * like their other errors. Elsewhere the answer stays Nest's.
 */
@Catch(BadRequestException)
export class RestPathDecodeFilter implements ExceptionFilter {
  private readonly rest = new RestExceptionFilter();

  catch(exception: BadRequestException, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (
      exception.cause instanceof URIError &&
      (req.path === API_PREFIX || req.path.startsWith(`${API_PREFIX}/`))
    )
      this.rest.send(
        res,
        new AppError(
          'BAD_REQUEST',
          'The path is not valid percent-encoded UTF-8 (e.g. a lone "%" or an encoded half of a surrogate pair); encode it with encodeURIComponent.',
        ),
      );
    else res.status(exception.getStatus()).json(exception.getResponse());
    return undefined;
  }
}
