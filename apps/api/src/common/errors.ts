import { IntrinsicException } from '@nestjs/common';

/**
 * The one list of error codes the API returns in `extensions.code` (GraphQL) — documented in
 * apps/api/README.md. Anything else that goes wrong is reported as INTERNAL with a generic message;
 * its details go to the log only.
 */
export const ERROR_CODES = {
  /** No valid access token (missing, expired, malformed) or wrong credentials. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Signed in, but none of the caller's roles allows this operation. */
  FORBIDDEN: 'FORBIDDEN',
  /** The referenced record does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** Input or content is invalid; `extensions.details` lists `{ field, message, nodeId?, code? }` per problem. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** Someone else changed the record first (stale `expectedRevision`) or a unique value is taken. */
  CONFLICT: 'CONFLICT',
  /** The operation is not allowed in the record's current state; `extensions.allowed` names what is. */
  INVALID_STATE: 'INVALID_STATE',
  /** The request itself is malformed: GraphQL syntax, unknown fields, too deep or too complex. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** Too many requests for this API key (REST); the response carries `Retry-After`. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The operation ran longer than the time limit (GraphQL, `GRAPHQL_OPERATION_TIMEOUT_MS`); ask for less in one request. */
  TIMEOUT: 'TIMEOUT',
  /**
   * A service the operation needs (database, job queue) is out of reach or the server is shutting
   * down; retry later. `extensions.retryAfterSeconds` says when (REST: 503 with `Retry-After`).
   */
  UNAVAILABLE: 'UNAVAILABLE',
  /** Unexpected server error; the message is generic and the details are only in the server log. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetail {
  /** Dotted path of the offending input field, e.g. `input.email` or `config.condition.all[0].path`. */
  field: string;
  message: string;
  /** The strategy node the problem belongs to, for strategy validation problems. */
  nodeId?: string;
  /** Machine-readable problem code (e.g. the engine's `unknown_field`). */
  code?: string;
}

/**
 * An error whose message and code are meant for the client. Services throw these; nothing else
 * reaches clients. As an IntrinsicException, Nest does not log it as a server error: it is an
 * answer, not a fault.
 */
export class AppError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (
  message = 'Sign in first: send a valid access token as "Authorization: Bearer <token>".',
) => new AppError('UNAUTHENTICATED', message);

export const forbidden = (required: readonly string[]) =>
  new AppError('FORBIDDEN', `This operation needs one of the roles: ${required.join(', ')}.`, {
    requiredRoles: [...required],
  });

export const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', `${what} "${id}" does not exist.`);

export const validationFailed = (details: ErrorDetail[], message?: string) =>
  new AppError(
    'VALIDATION_FAILED',
    message ??
      `The input is invalid: ${details
        .map((d) => `${d.field}: ${d.message}`)
        .slice(0, 3)
        .join('; ')}${details.length > 3 ? '; …' : ''}`,
    { details },
  );

export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, extensions);

export const invalidState = (message: string, allowed: readonly string[]) =>
  new AppError(
    'INVALID_STATE',
    `${message} ${allowed.length ? `Allowed now: ${allowed.join(', ')}.` : 'Nothing is allowed in this state.'}`,
    {
      allowed: [...allowed],
    },
  );

export const badRequest = (message: string) => new AppError('BAD_REQUEST', message);

/** A retryable failure: what is out of reach is named in the message. */
export const unavailable = (message: string, retryAfterSeconds = 2) =>
  new AppError('UNAVAILABLE', message, { retryAfterSeconds, retryable: true });
