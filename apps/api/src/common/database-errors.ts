import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { unavailable } from './errors';

/** True when PostgreSQL refused a write because a unique constraint or index (optionally this one) is violated. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/** PostgreSQL's SQLSTATE of a failed query, or the Node error code of a failed connection. */
export function errorCode(error: unknown): string | undefined {
  const driverError = error instanceof QueryFailedError ? error.driverError : error;
  const code = (driverError as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not open|Cannot use a pool after calling end|server closed the connection/i;

/**
 * True when the database could not be reached or dropped the connection (as opposed to refusing
 * the query): the operation may succeed on retry, so clients get a retryable answer.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  if (code && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  return CONNECTION_MESSAGES.test(message);
}

const logger = new Logger('Database');

/** A lost database connection as the retryable error clients get (REST 503 + Retry-After, GraphQL UNAVAILABLE); anything else unchanged. */
export function asRetryable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  logger.warn(`Database out of reach: ${error instanceof Error ? error.message : String(error)}`);
  return unavailable(
    'The database is out of reach at the moment; send the request again in a few seconds.',
    2,
  );
}
