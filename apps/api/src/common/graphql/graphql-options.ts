import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '../../config/app-config';
import { DateTimeScalar } from './date-time.scalar';
import { formatGraphQLError, withoutSuggestions } from './format-error';
import { sandboxOffLandingPage } from './landing-page';
import { argumentCheckPlugin } from './argument-check';
import { operationTimeLimitPlugin } from './operation-time-limit';
import { complexityLimitPlugin, depthLimitRule, expensiveFieldRule } from './query-limits';
import { rateLimitedStatusPlugin } from './rate-limited-status';
import { subscriptionErrorFormat } from './subscription-errors';

export const GRAPHQL_PATH = '/graphql';

/** Code-first schema, generated in memory (the committed schema.graphql is checked against it by a test). */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const formatError =
    config.env === 'production' ? withoutSuggestions(formatGraphQLError) : formatGraphQLError;
  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    playground: false,
    introspection: config.graphql.sandbox,
    // The cast bridges @apollo/server's ESM and CJS type declarations, which TypeScript sees as different types.
    plugins: [
      config.graphql.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : sandboxOffLandingPage(),
      // Before the complexity plugin: its didResolveOperation runs at the same time, and the first error wins.
      argumentCheckPlugin(),
      complexityLimitPlugin(config.graphql.maxComplexity),
      operationTimeLimitPlugin(config.graphql.operationTimeoutMs),
      rateLimitedStatusPlugin(),
    ] as unknown as ApolloDriverConfig['plugins'],
    validationRules: [depthLimitRule(config.graphql.maxDepth), expensiveFieldRule],
    // "Did you mean …?" in errors would tell a stranger the schema's field and enum names.
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    // Nest's own plugin would set every answer that has a `data` key back to HTTP 200, also the 429 of rateLimitedStatusPlugin.
    preserveHttpStatusForExecutionErrors: false,
    formatError,
    includeStacktraceInErrorResponses: false,
    context: graphqlContext,
    // Subscriptions (simulation progress) over graphql-ws on the same path; the access token goes in
    // connectionParams.authorization ("Bearer …") and is checked by the same guard as HTTP requests.
    subscriptions: { 'graphql-ws': { path: GRAPHQL_PATH, ...subscriptionErrorFormat(formatError) } },
  };
}

/** HTTP: the request. graphql-ws: a request-like object carrying connectionParams.authorization as its header. */
export function graphqlContext(ctx: {
  req?: unknown;
  connectionParams?: Record<string, unknown>;
  extra?: unknown;
}): { req: unknown } {
  if (ctx.req) return { req: ctx.req };
  const params = ctx.connectionParams ?? {};
  const authorization = params['authorization'] ?? params['Authorization'];
  return { req: { headers: typeof authorization === 'string' ? { authorization } : {} } };
}
