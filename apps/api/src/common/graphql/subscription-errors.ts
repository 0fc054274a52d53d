import type { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * graphql-ws sends results and errors without Apollo's formatError: these hooks give subscriptions
 * the same errors as HTTP (`extensions.code`, a generic message for anything unexpected, details
 * only in the log).
 */
export function subscriptionErrorFormat(formatError: FormatError) {
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((e) => formatError(e.toJSON(), e));
  return {
    onNext: (
      _ctx: unknown,
      _id: string,
      _payload: unknown,
      _args: unknown,
      result: ExecutionResult,
    ): FormattedExecutionResult | void =>
      result.errors?.length ? { ...result, errors: format(result.errors) } : undefined,
    onError: (
      _ctx: unknown,
      _id: string,
      _payload: unknown,
      errors: readonly GraphQLError[],
    ): GraphQLFormattedError[] => format(errors),
  };
}
