import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { asRetryable } from '../database-errors';
import { AppError, type ErrorCode } from '../errors';

const logger = new Logger('GraphQL');

/** Apollo's own codes for problems with the request itself, mapped onto our list. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'BAD_REQUEST',
  GRAPHQL_VALIDATION_FAILED: 'BAD_REQUEST',
  BAD_REQUEST: 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
};

/** AppErrors thrown by a plugin before execution (the input checks) arrive wrapped, without a path. */
const unwrapPluginError = (error: unknown) =>
  error instanceof GraphQLError && error.originalError instanceof AppError ? error.originalError : error;

/**
 * The only way errors leave the GraphQL endpoint: our AppErrors keep their code, message and
 * extensions; request problems become BAD_REQUEST (bad variable values VALIDATION_FAILED);
 * everything else becomes INTERNAL with a generic message, and its details go to the log.
 * Stack traces never leave the server.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = asRetryable(unwrapPluginError(unwrapResolverError(error)));
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return {
      ...base,
      message: original.message,
      extensions: { ...original.extensions, code: original.code },
    };
  }
  const apolloCode =
    typeof formatted.extensions?.['code'] === 'string' ? formatted.extensions['code'] : undefined;
  if (apolloCode === 'BAD_USER_INPUT' || /^Variable "\$\w+"/.test(formatted.message)) {
    // A variable whose value does not fit its GraphQL type, e.g. a string where an Int belongs.
    // `Variable "$i" got invalid value … at "i.validTo"; …`: the path inside the variable when given.
    const field =
      /at "([^"]+)"/.exec(formatted.message)?.[1] ?? /\$(\w+)/.exec(formatted.message)?.[1] ?? 'variables';
    return {
      ...base,
      extensions: { code: 'VALIDATION_FAILED', details: [{ field, message: formatted.message }] },
    };
  }
  if (apolloCode && APOLLO_CODES[apolloCode])
    return { ...base, extensions: { code: APOLLO_CODES[apolloCode] } };
  // Errors of the request itself (not thrown while resolving a field) carry no path: parse and validation problems.
  if (original instanceof GraphQLError && !formatted.path && !original.originalError)
    return { ...base, extensions: { code: 'BAD_REQUEST' } };
  // Name, message and stack only: database errors also carry the query parameters, which may hold personal data.
  const err =
    original instanceof Error
      ? { type: original.name, message: original.message, stack: original.stack }
      : { message: String(original) };
  logger.error({ err, path: formatted.path }, `Unexpected error: ${err.message}`);
  return {
    message: 'Internal server error. The details are in the server log.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL' },
  };
}

/** graphql-js's suggestions end a message: ` Did you mean "x"?`, ` Did you mean the enum value "y"?`. */
const SUGGESTION = / ?Did you mean .*\?$/s;

/**
 * For production: the same formatting without "Did you mean …?" suggestions, which would tell a
 * stranger field, argument and enum names (Apollo's hideSchemaDetailsFromClientErrors covers the
 * query's own validation, not variable values).
 */
export function withoutSuggestions(format: typeof formatGraphQLError): typeof formatGraphQLError {
  return (formatted, error) => {
    const result = format(formatted, error);
    const details = result.extensions?.['details'];
    return {
      ...result,
      message: result.message.replace(SUGGESTION, ''),
      ...(Array.isArray(details) && {
        extensions: {
          ...result.extensions,
          details: details.map((d: { message?: unknown }) =>
            typeof d.message === 'string' ? { ...d, message: d.message.replace(SUGGESTION, '') } : d,
          ),
        },
      }),
    };
  };
}
