import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { session } from '../auth/session';
import { request } from './client';

/** The signed-in user's access token as a REST `Authorization` header; none when signed out. */
export function bearerHeader(): Record<string, string> {
  const token = session.get()?.accessToken;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * The header after a GraphQL call, which first refreshes an expired access token (a REST call
 * cannot); `document` is any cheap query of the caller's.
 */
export async function freshBearerHeader<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Record<string, string>> {
  await request(document, variables);
  return bearerHeader();
}
