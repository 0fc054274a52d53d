import { BadRequestException, Catch } from '@nestjs/common';
import { AppError } from '../common/errors';
import { RestPrefixFilter } from './rest-exception.filter';

/**
 * Express refuses a path parameter that is not valid percent-encoded UTF-8 (`%`, `%ED%A0%80`)
 * while matching routes, so before any route's filter: REST paths answer it in the REST format
 * like their other errors. Elsewhere the answer stays Nest's.
 */
@Catch(BadRequestException)
export class RestPathDecodeFilter extends RestPrefixFilter<BadRequestException> {
  protected restError(exception: BadRequestException): AppError | undefined {
    if (!(exception.cause instanceof URIError)) return undefined;
    return new AppError(
      'BAD_REQUEST',
      'The path is not valid percent-encoded UTF-8 (e.g. a lone "%" or an encoded half of a surrogate pair); encode it with encodeURIComponent.',
    );
  }
}
