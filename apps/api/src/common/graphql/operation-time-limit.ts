import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../errors';

/**
 * A time limit per GraphQL operation: once it has run `limitMs`, no further field starts; each is
 * answered TIMEOUT instead (a resolver already running finishes, its sub-fields do not). Together
 * with the cost limit this keeps one request from holding the process for long.
 */
export function operationTimeLimitPlugin(limitMs: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          const deadline = Date.now() + limitMs;
          return {
            willResolveField() {
              if (Date.now() > deadline)
                throw new AppError(
                  'TIMEOUT',
                  `The operation ran longer than its time limit of ${limitMs} ms and was stopped; ask for less in one request.`,
                  { limitMs },
                );
            },
          };
        },
      };
    },
  };
}
