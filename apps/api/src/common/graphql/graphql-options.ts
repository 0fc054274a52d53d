import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '../../config/app-config';
import { formatGraphQLError } from './format-error';
import { complexityLimitPlugin, depthLimitRule } from './query-limits';

export const GRAPHQL_PATH = '/graphql';

/** Code-first schema, generated in memory (the committed schema.graphql is checked against it by a test). */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    playground: false,
    introspection: config.graphql.sandbox,
    // The cast bridges @apollo/server's ESM and CJS type declarations, which TypeScript sees as different types.
    plugins: [
      config.graphql.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
      complexityLimitPlugin(config.graphql.maxComplexity),
    ] as unknown as ApolloDriverConfig['plugins'],
    validationRules: [depthLimitRule(config.graphql.maxDepth)],
    formatError: formatGraphQLError,
    includeStacktraceInErrorResponses: false,
    context: graphqlContext,
    // Subscriptions (simulation progress) over graphql-ws on the same path; the access token goes in
    // connectionParams.authorization ("Bearer …") and is checked by the same guard as HTTP requests.
    subscriptions: { 'graphql-ws': { path: GRAPHQL_PATH } },
  };
}

/** HTTP: the request. graphql-ws: a request-like object carrying connectionParams.authorization as its header. */
export function graphqlContext(ctx: { req?: unknown; connectionParams?: Record<string, unknown>; extra?: unknown }): { req: unknown } {
  if (ctx.req) return { req: ctx.req };
  const params = ctx.connectionParams ?? {};
  const authorization = params['authorization'] ?? params['Authorization'];
  return { req: { headers: typeof authorization === 'string' ? { authorization } : {} } };
}
