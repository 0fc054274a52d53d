import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, type ErrorCode } from '../common/errors';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const CODE_BY_STATUS: Record<number, ErrorCode> = { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'BAD_REQUEST', 429: 'RATE_LIMITED' };

export interface RestErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** REST routes only (GraphQL keeps its own format): `{ error: { code, message, details } }`, no stack traces. */
@Catch()
export class RestExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('RestApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    if (body.error.code === 'RATE_LIMITED' && exception instanceof AppError) res.setHeader('Retry-After', String(exception.extensions['retryAfterSeconds'] ?? 1));
    res.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: RestErrorBody } {
    if (exception instanceof AppError) {
      const { details, ...rest } = exception.extensions;
      const extra = details ?? (Object.keys(rest).length ? rest : undefined);
      return { status: STATUS[exception.code], body: { error: { code: exception.code, message: exception.message, ...(extra !== undefined && { details: extra }) } } };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      return { status, body: { error: { code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST', message: exception.message } } };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; the details are in the server log.' } } };
  }
}
