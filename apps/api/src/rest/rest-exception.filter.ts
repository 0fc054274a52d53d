import {
  Catch,
  HttpException,
  Logger,
  NotFoundException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { asRetryable } from '../common/database-errors';
import { AppError, type ErrorCode } from '../common/errors';
import { API_PREFIX } from './openapi';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  TIMEOUT: 503,
  INTERNAL: 500,
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_REQUEST',
  429: 'RATE_LIMITED',
};

export interface RestErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** REST routes only (GraphQL keeps its own format): `{ error: { code, message, details } }`, no stack traces. */
@Catch()
export class RestExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('RestApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    this.send(host.switchToHttp().getResponse<Response>(), exception);
  }

  send(res: Response, thrown: unknown): void {
    const { status, body, retryAfter } = this.answer(thrown);
    if (retryAfter) res.setHeader('Retry-After', retryAfter);
    res.status(status).json(body);
  }

  /** The status, body and Retry-After (429, 503) of an error, for responses written without Express. */
  answer(thrown: unknown): { status: number; body: RestErrorBody; retryAfter?: string } {
    const exception = asRetryable(thrown);
    const { status, body } = this.toBody(exception);
    if (
      (body.error.code === 'RATE_LIMITED' || body.error.code === 'UNAVAILABLE') &&
      exception instanceof AppError
    )
      return { status, body, retryAfter: String(exception.extensions['retryAfterSeconds'] ?? 1) };
    return { status, body };
  }

  private toBody(exception: unknown): { status: number; body: RestErrorBody } {
    if (exception instanceof AppError) {
      const { details, ...rest } = exception.extensions;
      const extra = details ?? (Object.keys(rest).length ? rest : undefined);
      return {
        status: STATUS[exception.code],
        body: {
          error: {
            code: exception.code,
            message: exception.message,
            ...(extra !== undefined && { details: extra }),
          },
        },
      };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      return {
        status,
        body: { error: { code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST', message: exception.message } },
      };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      status: 500,
      body: {
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong on our side; the details are in the server log.',
        },
      },
    };
  }
}

/** What Express's body parser throws: http-errors with a `type` (https://github.com/expressjs/body-parser#errors). */
interface BodyParserError {
  status: number;
  type?: string;
  expose?: boolean;
  message: string;
  limit?: number;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as BodyParserError).status === 'number' &&
  typeof (error as BodyParserError).type === 'string';

/** A request body's size in words: 2097152 → "2 MB". */
function bytesInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function bodyErrorMessage(error: BodyParserError): string {
  if (error.type === 'entity.parse.failed') return `The request body is not valid JSON: ${error.message}.`;
  if (error.type === 'entity.too.large')
    return `The request body is larger than ${error.limit ? bytesInWords(error.limit) : 'the limit'}; send less data in one request (e.g. a smaller batch).`;
  return error.expose === false ? 'The request body could not be read.' : error.message;
}

/**
 * Express error middleware for the body parser, which fails before any route (and so before any
 * exception filter): REST paths answer in the REST format, /graphql in GraphQL's
 * (`{ errors: [{ message, extensions: { code } }] }`, as its other errors).
 */
export function bodyErrors(format: 'rest' | 'graphql', filter = new RestExceptionFilter()) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (!isBodyParserError(error) || error.status >= 500) return next(error);
    const message = bodyErrorMessage(error);
    if (format === 'rest') filter.send(res, new HttpException(message, error.status));
    else res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
}

/**
 * An exception Nest raises before any route's filter runs: answered in the REST format under the
 * REST prefix, like every other REST error. Other paths keep Nest's answer, and GraphQL formats its
 * own errors.
 */
export abstract class RestPrefixFilter<E extends HttpException> implements ExceptionFilter {
  private readonly rest = new RestExceptionFilter();

  /** The REST error this exception is on a REST path; undefined keeps Nest's answer. */
  protected abstract restError(exception: E, req: Request): AppError | undefined;

  catch(exception: E, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const isRest = req.path === API_PREFIX || req.path.startsWith(`${API_PREFIX}/`);
    const error = isRest ? this.restError(exception, req) : undefined;
    if (error) this.rest.send(res, error);
    else res.status(exception.getStatus()).json(exception.getResponse());
    return undefined;
  }
}

/** A path under the REST prefix that no route serves (Nest's own 404 comes before any route's filter). */
@Catch(NotFoundException)
export class RestNotFoundFilter extends RestPrefixFilter<NotFoundException> {
  protected restError(_exception: NotFoundException, req: Request): AppError {
    return new AppError(
      'NOT_FOUND',
      `There is no ${req.method} ${req.path}; the REST API's routes are listed at /api/docs.`,
    );
  }
}
