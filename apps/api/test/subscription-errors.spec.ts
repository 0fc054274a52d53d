import { createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { Role, useTestApp, useUser } from './support/test-app';

/**
 * Subscriptions (graphql-ws) answer errors like HTTP does: `extensions.code` from the documented
 * list and no raw messages of unexpected errors (graphql-ws does not run Apollo's formatError by
 * itself; found by the bad-input fuzz suite, test/api/fuzz).
 */
const t = useTestApp();
const analyst = useUser(t, [Role.analyst]);
let url: string;

beforeAll(async () => {
  const server = await t.app.listen(0, '127.0.0.1');
  url = `ws://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
});

/** The first answer to one subscription, with this access token (or none). */
async function firstAnswer(
  token: string | undefined,
  variables: Record<string, unknown>,
): Promise<FormattedExecutionResult> {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    ...(token && { connectionParams: { authorization: `Bearer ${token}` } }),
  });
  try {
    return await new Promise<FormattedExecutionResult>((resolve, reject) => {
      // Errors before the subscription starts come as an `error` message: an array of GraphQL errors.
      const error = (e: unknown) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e));
      client.subscribe(
        { query: 'subscription($id: ID!) { simulationProgress(id: $id) { status } }', variables },
        { next: resolve, error, complete: () => reject(new Error('completed without an answer')) },
      );
    });
  } finally {
    await client.dispose();
  }
}

const codes = (res: FormattedExecutionResult) => res.errors?.map((e) => e.extensions?.['code']);

test('without a valid token: UNAUTHENTICATED', async () => {
  expect(codes(await firstAnswer(undefined, { id: '00000000-0000-4000-8000-000000000001' }))).toEqual([
    'UNAUTHENTICATED',
  ]);
  expect(codes(await firstAnswer('not-a-token', { id: '00000000-0000-4000-8000-000000000001' }))).toEqual([
    'UNAUTHENTICATED',
  ]);
});

test('an id that is not one: VALIDATION_FAILED naming the field; an unknown one: NOT_FOUND', async () => {
  const invalid = await firstAnswer(analyst.token, { id: 'a\u0000b' });
  expect(codes(invalid)).toEqual(['VALIDATION_FAILED']);
  expect(invalid.errors?.[0]?.extensions?.['details']).toEqual([expect.objectContaining({ field: 'id' })]);
  expect(codes(await firstAnswer(analyst.token, { id: '00000000-0000-4000-8000-000000000001' }))).toEqual([
    'NOT_FOUND',
  ]);
});

test('a variable that does not fit its type: the standard input error with a code', async () => {
  const res = await firstAnswer(analyst.token, { id: { not: 'an id' } });
  expect(['BAD_USER_INPUT', 'VALIDATION_FAILED']).toContain(codes(res)?.[0]);
});
