import {
  Client,
  fetchExchange,
  type AnyVariables,
  type CombinedError,
  type TypedDocumentNode,
} from '@urql/core';
import { session } from '../auth/session';
import { RefreshTokenMutation } from './operations';

/** An error from the API, with its documented code (UNAUTHENTICATED, FORBIDDEN, CONFLICT, ...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details?: unknown,
    /** Every extension of the error, e.g. `allowed` (INVALID_STATE) or `requiredRoles` (FORBIDDEN). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function apiError(error: CombinedError): ApiError {
  if (error.networkError)
    return new ApiError(
      'The server cannot be reached. Check your connection; your work is kept in this browser.',
      'NETWORK',
    );
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL';
  return new ApiError(
    first?.message ?? error.message,
    code,
    first?.extensions?.details,
    first?.extensions ?? {},
  );
}

let client: Client | undefined;

function createClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetchOptions: () => {
      const token = session.get()?.accessToken;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}

export function graphqlClient(): Client {
  client ??= createClient();
  return client;
}

/** Runs a query or mutation; refreshes an expired access token once; throws ApiError. */
export async function request<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  kind: 'query' | 'mutation' = 'query',
): Promise<Data> {
  const run = () =>
    kind === 'query'
      ? graphqlClient().query(document, variables).toPromise()
      : graphqlClient().mutation(document, variables).toPromise();
  let result = await run();
  if (result.error && apiError(result.error).code === 'UNAUTHENTICATED' && (await refreshSession()))
    result = await run();
  if (result.error) {
    const error = apiError(result.error);
    if (error.code === 'UNAUTHENTICATED') session.expire();
    throw error;
  }
  if (!result.data) throw new ApiError('The server sent no data.', 'INTERNAL');
  return result.data;
}

async function refreshSession(): Promise<boolean> {
  const current = session.get();
  if (!current?.refreshToken) return false;
  const result = await graphqlClient()
    .mutation(RefreshTokenMutation, { refreshToken: current.refreshToken })
    .toPromise();
  if (!result.data) return false;
  const { accessToken, refreshToken, user } = result.data.refreshToken;
  session.set({ accessToken, refreshToken, user });
  return true;
}
