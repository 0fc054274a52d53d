import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { HttpRequest } from './fuzz-api';
import type { FuzzCase } from './fuzz-case';
import type { FuzzWorld } from './fuzz-world';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** An HS256 token as the API signs them (or with another secret, header or claims). */
export function signJwt(
  payload: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);

/** Access tokens that must all be refused (401 / UNAUTHENTICATED), never INTERNAL nor accepted. */
function badTokens(w: FuzzWorld, secret: string, which: number): { note: string; token: string } {
  const sub = w.designerId;
  const list: [string, () => string][] = [
    ['garbage', () => 'not-a-token'],
    ['three dots', () => '...'],
    ['other secret', () => signJwt({ sub, iat: now(), exp: now() + 600 }, 'x'.repeat(64))],
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, iat: now(), exp: now() + 600 })}.`],
    ['expired', () => signJwt({ sub, iat: now() - 7200, exp: now() - 3600 }, secret)],
    ['sub not a uuid', () => signJwt({ sub: 'not-a-uuid', iat: now(), exp: now() + 600 }, secret)],
    ['sub a number', () => signJwt({ sub: 12345, iat: now(), exp: now() + 600 }, secret)],
    ['sub an object', () => signJwt({ sub: { id: sub }, iat: now(), exp: now() + 600 }, secret)],
    ['sub with NUL', () => signJwt({ sub: `${sub}\u0000`, iat: now(), exp: now() + 600 }, secret)],
    [
      'unknown user',
      () => signJwt({ sub: '00000000-0000-4000-8000-0000000000ff', iat: now(), exp: now() + 600 }, secret),
    ],
    ['no exp', () => signJwt({ sub, iat: now() }, secret)],
    ['iat in the future', () => signJwt({ sub, iat: now() + 86_400, exp: now() + 90_000 }, secret)],
    [
      'payload not JSON',
      () =>
        `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64('not json')}.${createHmac('sha256', secret)
          .update(`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64('not json')}`)
          .digest('base64url')}`,
    ],
    ['an API key', () => w.apiKey],
  ];
  const [note, make] = list[which % list.length]!;
  return { note, token: make() };
}

const gqlRequest = (query: string, variables: unknown, headers: Record<string, string>): HttpRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query, variables }),
});

const PROTECTED: { query: string; variables: (w: FuzzWorld) => unknown }[] = [
  { query: '{ me { id } }', variables: () => ({}) },
  { query: '{ actions { edges { node { id } } } }', variables: () => ({}) },
  {
    query: 'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
    variables: () => ({ i: { id: 'never-created', name: 'Never' } }),
  },
  { query: '{ verifyAuditChain { valid } }', variables: () => ({}) },
  {
    query: 'query($s: ID!) { decide(strategyId: $s, input: { customer: { id: "x" } }) { decisionId } }',
    variables: (w) => ({ s: w.publishedStrategyId }),
  },
];

/** Wrong or missing credentials, wrong roles, wrong keys, a key over its rate limit, unknown records. */
export function authCases(w: FuzzWorld, secret: string): fc.Arbitrary<FuzzCase> {
  const decisionBody = (strategy: string) => JSON.stringify({ strategy, customer: { id: 'auth-case' } });
  const restDecision = (headers: Record<string, string>, strategy = w.publishedStrategyId): HttpRequest => ({
    method: 'POST',
    path: '/api/v1/decisions',
    headers: { 'content-type': 'application/json', ...headers },
    body: decisionBody(strategy),
  });
  const upload = (headers: Record<string, string>): HttpRequest => ({
    method: 'POST',
    path: '/api/v1/datasets?name=auth-case',
    headers: { 'content-type': 'text/csv', ...headers },
    body: 'id\n1\n',
  });

  const unauthenticatedRest = (target: string, note: string, request: HttpRequest): FuzzCase => ({
    target,
    kind: 'wrong-auth',
    note,
    request,
    expect: { status: [401], codes: ['UNAUTHENTICATED'] },
  });
  const unauthenticatedGql = (note: string, request: HttpRequest): FuzzCase => ({
    target: String(request.body).includes('decide(') ? 'graphql decide (protected)' : 'graphql (protected)',
    kind: 'wrong-auth',
    note,
    request,
    expect: { status: [200, 401], codes: ['UNAUTHENTICATED'] },
  });

  return fc.oneof(
    // REST: no key, a wrong key, a revoked key, a user's access token instead of a key.
    fc
      .record({
        which: fc.nat(),
        header: fc.constantFrom('authorization', 'x-api-key'),
        path: fc.constantFrom('/api/v1/decisions', '/api/v1/outcomes', '/api/v1/decisions:batch'),
      })
      .map(({ which, header, path }) => {
        const keys: [string, string | undefined][] = [
          ['no key', undefined],
          ['unknown key', 'arb_0000000000000000000000000000000000000000'],
          ['revoked key', w.revokedKey],
          ['a user access token', w.designerToken],
          ['empty bearer', ''],
          ['latin-1 key', 'arb_\u00e9\u00e8\u00ff'],
          ['very long key', `arb_${'k'.repeat(8_000)}`],
        ];
        const [note, key] = keys[which % keys.length]!;
        const value =
          key === undefined ? {} : { [header]: header === 'authorization' ? `Bearer ${key}` : key };
        return unauthenticatedRest(`POST ${path}`, `${note} (${header})`, { ...restDecision(value), path });
      }),
    fc.constant<FuzzCase>({
      target: 'POST /api/v1/decisions',
      kind: 'wrong-auth',
      note: 'a key scoped to another strategy',
      request: restDecision({ authorization: `Bearer ${w.scopedKey}` }),
      expect: { status: [403], codes: ['FORBIDDEN'] },
    }),
    fc.constant<FuzzCase>({
      target: 'GET /api/v1/customers/:id/interactions',
      kind: 'wrong-auth',
      note: 'no key',
      request: { method: 'GET', path: '/api/v1/customers/c1/interactions' },
      expect: { status: [401], codes: ['UNAUTHENTICATED'] },
    }),
    // Dataset uploads take a user token of an analyst.
    fc.nat().map((which) => {
      const options: [string, Record<string, string>, number, string][] = [
        ['no token', {}, 401, 'UNAUTHENTICATED'],
        ['an API key', { authorization: `Bearer ${w.apiKey}` }, 401, 'UNAUTHENTICATED'],
        [
          'a bad token',
          { authorization: `Bearer ${badTokens(w, secret, which).token}` },
          401,
          'UNAUTHENTICATED',
        ],
        ['a designer (not an analyst)', { authorization: `Bearer ${w.designerToken}` }, 403, 'FORBIDDEN'],
      ];
      const [note, headers, status, code] = options[which % options.length]!;
      return {
        target: 'POST /api/v1/datasets',
        kind: 'wrong-auth' as const,
        note,
        request: upload(headers),
        expect: { status: [status], codes: [code] },
      };
    }),
    // GraphQL: no token or a bad one on protected operations.
    fc.record({ which: fc.nat(), op: fc.nat() }).map(({ which, op }) => {
      const p = PROTECTED[op % PROTECTED.length]!;
      if (which % 15 === 14) return unauthenticatedGql('no token', gqlRequest(p.query, p.variables(w), {}));
      const bad = badTokens(w, secret, which);
      return unauthenticatedGql(
        bad.note,
        gqlRequest(p.query, p.variables(w), { authorization: `Bearer ${bad.token}` }),
      );
    }),
    // GraphQL: signed in with a role that may not do this.
    fc.nat().map((which): FuzzCase => {
      const options: [string, string, unknown][] = [
        [
          'an analyst creating an action',
          'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
          { i: { id: 'never-created-2', name: 'Never' } },
        ],
        [
          'a designer creating an API key',
          'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
          { i: { name: 'never' } },
        ],
        ['a designer reading the audit log', '{ auditLog { edges { node { seq } } } }', {}],
        [
          'an analyst creating a user',
          'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
          {
            i: {
              email: 'never@fuzz.local',
              displayName: 'Never',
              password: 'never-never-never',
              roles: ['admin'],
            },
          },
        ],
      ];
      const [note, query, variables] = options[which % options.length]!;
      const token = note.startsWith('an analyst') ? w.analystToken : w.designerToken;
      return {
        target: 'graphql (role)',
        kind: 'wrong-auth',
        note,
        request: gqlRequest(query, variables, { authorization: `Bearer ${token}` }),
        expect: { status: [200, 403], codes: ['FORBIDDEN'] },
      };
    }),
    // Password guessing: wrong password for a real account or an unknown one; throttling may answer instead.
    fc
      .record({ known: fc.boolean(), guess: fc.string({ minLength: 1, maxLength: 40 }) })
      .map(({ known, guess }): FuzzCase => ({
        target: 'graphql login',
        kind: 'wrong-auth',
        note: `wrong password for ${known ? 'a known' : 'an unknown'} account`,
        request: gqlRequest(
          'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
          { e: known ? w.victimEmail : 'nobody@fuzz.local', p: `x${guess}` },
          {},
        ),
        expect: {
          status: [200, 400, 401, 429],
          codes: ['UNAUTHENTICATED', 'RATE_LIMITED', 'VALIDATION_FAILED'],
        },
      })),
    // A key limited to 1 request per second, sent a burst: 200 or 429 with Retry-After.
    fc.constant<FuzzCase>({
      target: 'POST /api/v1/decisions',
      kind: 'rate-limit',
      note: 'a burst of 4 with a key limited to 1/s',
      request: restDecision({ authorization: `Bearer ${w.slowKey}` }),
      burst: 4,
      expect: { status: [200, 429], codes: ['OK', 'RATE_LIMITED'] },
      decides: true,
    }),
    // Unknown records.
    fc.nat().map((which): FuzzCase => {
      const uuid = `00000000-0000-4000-8000-${(which % 1e12).toString().padStart(12, '0')}`;
      const options: [string, HttpRequest, number[], string][] = [
        [
          'POST /api/v1/decisions',
          restDecision({ authorization: `Bearer ${w.apiKey}` }, uuid),
          [404],
          'NOT_FOUND',
        ],
        [
          'POST /api/v1/decisions',
          restDecision({ authorization: `Bearer ${w.apiKey}` }, 'No such strategy'),
          [404],
          'NOT_FOUND',
        ],
        [
          'graphql version',
          gqlRequest(
            'query($id: ID!) { version(id: $id) { id } }',
            { id: uuid },
            { authorization: `Bearer ${w.designerToken}` },
          ),
          [200, 404],
          'NOT_FOUND',
        ],
        [
          'graphql strategy',
          gqlRequest(
            'query($id: ID!) { strategy(id: $id) { id } }',
            { id: uuid },
            { authorization: `Bearer ${w.designerToken}` },
          ),
          [200, 404],
          'NOT_FOUND',
        ],
        [
          'graphql dataset',
          gqlRequest(
            'query($id: ID!) { dataset(id: $id) { id } }',
            { id: uuid },
            { authorization: `Bearer ${w.analystToken}` },
          ),
          [200, 404],
          'NOT_FOUND',
        ],
        [
          'GET /api/v1/nothing',
          {
            method: 'GET',
            path: `/api/v1/nothing/${which}`,
            headers: { authorization: `Bearer ${w.apiKey}` },
          },
          [404],
          'NOT_FOUND',
        ],
      ];
      const [target, request, status, code] = options[which % options.length]!;
      return {
        target,
        kind: 'not-found',
        note: 'an id or name that does not exist',
        request,
        expect: { status, codes: [code] },
      };
    }),
  );
}
