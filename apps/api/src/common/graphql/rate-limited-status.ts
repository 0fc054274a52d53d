import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A GraphQL answer that is nothing but RATE_LIMITED errors goes out as HTTP 429 with Retry-After,
 * like the REST API's, so proxies and HTTP clients can back off without reading the body. The body
 * keeps the GraphQL format (`extensions.code`, `extensions.retryAfterSeconds`).
 */
export function rateLimitedStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          const limited = errors?.filter((e) => e.extensions?.['code'] === 'RATE_LIMITED') ?? [];
          if (!limited.length || (data && Object.values(data).some((v) => v !== null))) return;
          const seconds = Math.max(
            1,
            ...limited.map((e) => Number(e.extensions?.['retryAfterSeconds']) || 1),
          );
          response.http.status = 429;
          response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
