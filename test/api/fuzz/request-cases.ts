import fc from 'fast-check';
import { deepJson, plainText } from './bad-values';
import type { HttpRequest } from './fuzz-api';
import type { FuzzCase } from './fuzz-case';
import type { FuzzWorld } from './fuzz-world';

const gqlBody = (body: string, token?: string): HttpRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
  body,
});

/** Variables that cannot fit their declared GraphQL types: 400 with the standard GraphQL error (item 9). */
function badVariables(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const ops: { note: string; query: string; variables: unknown }[] = [
    {
      note: 'Int over 32 bits',
      query: 'mutation($id: String!, $r: Int!) { deleteAction(id: $id, expectedRevision: $r) { id } }',
      variables: { id: 'x', r: 2 ** 31 },
    },
    {
      note: 'Int as a string',
      query: 'mutation($id: String!, $r: Int!) { deleteAction(id: $id, expectedRevision: $r) { id } }',
      variables: { id: 'x', r: '1' },
    },
    {
      note: 'Int as a fraction',
      query: 'query($p: PageInput) { actions(page: $p) { edges { cursor } } }',
      variables: { p: { first: 1.5 } },
    },
    {
      note: 'Int -2^53',
      query: 'query($p: PageInput) { actions(page: $p) { edges { cursor } } }',
      variables: { p: { first: -(2 ** 53) } },
    },
    {
      note: 'missing required variable',
      query: 'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
      variables: {},
    },
    {
      note: 'null for non-null',
      query: 'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
      variables: { i: null },
    },
    {
      note: 'missing required field',
      query: 'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
      variables: { i: { id: 'no-name' } },
    },
    {
      note: 'unknown input field',
      query: 'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
      variables: { i: { id: 'a', name: 'b', colour: 'red' } },
    },
    {
      note: 'unknown enum value',
      query: 'mutation($n: String!, $s: SchemaScope!) { removeSchemaField(scope: $s, name: $n) { name } }',
      variables: { n: 'x', s: 'planet' },
    },
    {
      note: 'enum as a number',
      query: 'mutation($u: ID!, $r: [Role!]!) { setUserRoles(userId: $u, roles: $r) { id } }',
      variables: { u: w.designerId, r: [3] },
    },
    {
      note: 'Boolean as a string',
      query: 'query($a: Boolean!) { strategies(includeArchived: $a) { edges { cursor } } }',
      variables: { a: 'yes' },
    },
    {
      note: 'Float as a string',
      query: 'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
      variables: { i: { id: 'f', name: 'f', value: 'ten' } },
    },
    {
      note: 'ID as an object',
      query: 'query($id: ID!) { version(id: $id) { id } }',
      variables: { id: { id: 1 } },
    },
    {
      note: 'list as an object',
      query: 'query($ids: [ID!]!) { people(ids: $ids) { id } }',
      variables: { ids: { 0: 'a' } },
    },
    {
      note: 'variable of an undeclared type',
      query: 'query($x: NoSuchType) { me { id } }',
      variables: { x: 1 },
    },
  ];
  // A DateTime is a string to GraphQL; its format may be checked while resolving (VALIDATION_FAILED naming the field).
  const dates: { note: string; query: string; variables: unknown }[] = [
    {
      note: 'DateTime not a date',
      query: 'query($f: AuditFilterInput) { auditLog(filter: $f) { edges { cursor } } }',
      variables: { f: { from: 'yesterday' } },
    },
    {
      note: 'DateTime out of range',
      query: 'query($f: AuditFilterInput) { auditLog(filter: $f) { edges { cursor } } }',
      variables: { f: { from: '+275761-01-01T00:00:00Z' } },
    },
    {
      note: 'DateTime before PostgreSQL',
      query: 'query($f: AuditFilterInput) { auditLog(filter: $f) { edges { cursor } } }',
      variables: { f: { to: '-271821-04-20T00:00:00.000Z' } },
    },
  ];
  const ERRORS = ['BAD_USER_INPUT', 'VALIDATION_FAILED', 'BAD_REQUEST'];
  return fc
    .oneof(
      fc.constantFrom(...ops).map((op) => ({ op, expect: { status: [400], codes: ERRORS } })),
      fc.constantFrom(...dates).map((op) => ({ op, expect: { status: [200, 400], codes: ERRORS } })),
    )
    .map(({ op, expect }) => ({
      target: 'graphql (variables)',
      kind: 'bad-variables',
      note: op.note,
      request: gqlBody(JSON.stringify({ query: op.query, variables: op.variables }), w.adminToken),
      expect,
    }));
}

/** Not a GraphQL request at all, or a broken one: 400 BAD_REQUEST (413 when too large). */
function malformedGraphql(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const REQUEST_ERRORS = {
    status: [400, 413],
    codes: [
      'BAD_REQUEST',
      'BAD_USER_INPUT',
      'VALIDATION_FAILED',
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
    ],
  };
  // Well-formed requests whose literal values are bad: refused while resolving (200) or before (400).
  const VALUE_ERRORS = { status: [200, 400], codes: ['VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST'] };
  const s = w.publishedStrategyId;
  const bodies: fc.Arbitrary<[string, string, { status: number[]; codes: string[] }]> = fc.oneof(
    fc
      .constantFrom<[string, string]>(
        ['not JSON', '{"query": '],
        ['empty body', ''],
        ['JSON null', 'null'],
        ['a number', '42'],
        ['query is a number', '{"query": 42}'],
        ['query is an object', '{"query": {"a": 1}}'],
        ['no query', '{"variables": {}}'],
        ['variables is a string', '{"query": "{ me { id } }", "variables": "x"}'],
        ['variables is an array', '{"query": "{ me { id } }", "variables": [1]}'],
        [
          'unknown operationName',
          '{"query": "query A { me { id } } query B { me { id } }", "operationName": "C"}',
        ],
        ['two operations, no name', '{"query": "query A { me { id } } query B { me { id } }"}'],
        ['unknown field', '{"query": "{ me { id password } }"}'],
        [
          'a fragment cycle',
          '{"query": "{ me { ...A } } fragment A on User { ...B } fragment B on User { ...A }"}',
        ],
        ['a batch array', '[{"query": "{ me { id } }"}, {"query": "{ me { id } }"}]'],
        ['NUL in the query text', '{"query": "{ me { id } }\\u0000"}'],
        ['lone surrogate in the query text', '{"query": "{ me { id \\ud800 } }"}'],
        ['a 3 MB query', JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(3_000_000)}` })],
      )
      .map(([note, body]): [string, string, typeof REQUEST_ERRORS] => [note, body, REQUEST_ERRORS]),
    fc
      .constantFrom<[string, string]>(
        [
          'NUL in a string literal',
          '{"query": "{ actions(filter: { search: \\"a\\\\u0000b\\" }) { edges { cursor } } }"}',
        ],
        [
          'lone surrogate in a string literal',
          '{"query": "{ actions(filter: { search: \\"a\\\\ud800b\\" }) { edges { cursor } } }"}',
        ],
        [
          'NUL in a JSON literal key',
          `{"query": "{ decide(strategyId: \\"${s}\\", input: { customer: { id: \\"c\\", k\\\\u0000: 1 } }) { decisionId } }"}`,
        ],
        [
          'lone surrogate in a JSON literal value',
          `{"query": "{ decide(strategyId: \\"${s}\\", input: { customer: { id: \\"c\\\\udfff\\" } }) { decisionId } }"}`,
        ],
      )
      .map(([note, body]): [string, string, typeof VALUE_ERRORS] => [note, body, VALUE_ERRORS]),
    plainText(40).map((junk): [string, string, typeof REQUEST_ERRORS] => [
      'random query text',
      JSON.stringify({ query: `{ ${junk}` }),
      REQUEST_ERRORS,
    ]),
    fc
      .constantFrom(60, 200, 2_000)
      .map((n): [string, string, typeof REQUEST_ERRORS] => [
        `selection nested ${n} deep`,
        JSON.stringify({ query: `{ me ${'{ id '.repeat(n)}${'}'.repeat(n)} }` }),
        REQUEST_ERRORS,
      ]),
    fc
      .constantFrom(2_000, 10_000)
      .map((n): [string, string, typeof REQUEST_ERRORS] => [
        `list literal nested ${n} deep`,
        JSON.stringify({ query: `{ people(ids: ${'['.repeat(n)}"x"${']'.repeat(n)}) { id } }` }),
        REQUEST_ERRORS,
      ]),
    fc
      .constantFrom(3_000, 10_000, 40_000)
      .map((n): [string, string, typeof VALUE_ERRORS] => [
        `variables nested ${n} deep`,
        `{"query": "query($i: JSON!) { decide(strategyId: \\"${s}\\", input: $i) { decisionId } }", "variables": {"i": ${deepJson(n, 'object')}}}`,
        VALUE_ERRORS,
      ]),
    fc
      .constantFrom(3_000, 10_000)
      .map((n): [string, string, { status: number[]; codes: string[] }] => [
        `extensions nested ${n} deep`,
        `{"query": "{ me { id } }", "extensions": ${deepJson(n, 'array')}}`,
        { status: [200, 400, 413], codes: ['OK', ...REQUEST_ERRORS.codes] },
      ]),
  );
  return bodies.map(([note, body, expect]) => ({
    target: 'graphql (request)',
    kind: 'malformed',
    note,
    request: gqlBody(body, w.adminToken),
    expect,
  }));
}

/** Bodies the REST decision API cannot read, or that are not the right shape: 400 (413 when too large). */
function malformedRest(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const cases: fc.Arbitrary<[string, string, string, string]> = fc.oneof(
    fc.constantFrom<[string, string, string, string]>(
      ['/api/v1/decisions', 'application/json', '{"strategy": ', 'not JSON'],
      ['/api/v1/decisions', 'application/json', '', 'empty body'],
      ['/api/v1/decisions', 'application/json', 'null', 'JSON null'],
      ['/api/v1/decisions', 'application/json', '"text"', 'a JSON string'],
      ['/api/v1/decisions', 'application/json', '[]', 'an array'],
      ['/api/v1/decisions', 'text/plain', `{"strategy": "x", "customer": {"id": "c"}}`, 'text/plain'],
      ['/api/v1/decisions', 'application/x-www-form-urlencoded', 'strategy=x&customer[id]=c', 'a form'],
      ['/api/v1/decisions', 'application/json; charset=utf-16', '{}', 'charset utf-16'],
      [
        '/api/v1/decisions',
        'application/json',
        '{"__proto__": {"admin": true}, "strategy": "x", "customer": {"id": "c"}}',
        '__proto__ key',
      ],
      [
        '/api/v1/decisions',
        'application/json',
        '{"constructor": {"prototype": {"x": 1}}, "strategy": "x", "customer": {"id": "c"}}',
        'constructor key',
      ],
      [
        '/api/v1/decisions:batch',
        'application/json',
        `{"strategy": "x", "requests": ${JSON.stringify(Array.from({ length: 1_001 }, (_, i) => ({ customer: { id: i } })))}}`,
        '1,001 requests',
      ],
      ['/api/v1/decisions:batch', 'application/json', '{"strategy": "x", "requests": []}', 'no requests'],
      ['/api/v1/outcomes', 'application/json', '{"outcome": "accepted"}', 'outcome without ids'],
      [
        '/api/v1/outcomes',
        'application/json',
        '{"decisionId": "not-a-uuid", "actionId": "a", "outcome": "accepted"}',
        'decisionId not a UUID',
      ],
      [
        '/api/v1/outcomes',
        'application/json',
        '{"customerId": "c", "actionId": "a", "outcome": "accepted", "at": "2999-01-01T00:00:00Z"}',
        'outcome in the future',
      ],
    ),
    fc
      .constantFrom(2_100_000, 5_000_000)
      .map((n): [string, string, string, string] => [
        '/api/v1/decisions',
        'application/json',
        `{"strategy": "x", "customer": {"id": "c", "pad": "${'x'.repeat(n)}"}}`,
        `${n} bytes`,
      ]),
  );
  return cases.map(([path, type, body, note]) => ({
    target: `POST ${path}`,
    kind: 'malformed',
    note,
    request: {
      method: 'POST',
      path,
      headers: { 'content-type': type, authorization: `Bearer ${w.apiKey}` },
      body,
    },
    expect: { status: [400, 404, 413, 415], codes: ['VALIDATION_FAILED', 'BAD_REQUEST', 'NOT_FOUND'] },
  }));
}

/** The customer id in the path of the history route. */
function historyPaths(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc
    .constantFrom<[string, string, string[]]>(
      ['%00', 'NUL', ['VALIDATION_FAILED']],
      ['a%00b', 'NUL inside', ['VALIDATION_FAILED']],
      ['%ED%A0%80', 'an encoded lone surrogate (invalid UTF-8)', ['VALIDATION_FAILED', 'BAD_REQUEST']],
      ['%C0%80', 'overlong NUL (invalid UTF-8)', ['VALIDATION_FAILED', 'BAD_REQUEST']],
      ['%', 'a lone percent sign', ['VALIDATION_FAILED', 'BAD_REQUEST']],
      ['%E0%A4%A', 'a truncated escape', ['VALIDATION_FAILED', 'BAD_REQUEST']],
      ['%20%20', 'only spaces', ['VALIDATION_FAILED']],
      ['x'.repeat(201), '201 characters', ['VALIDATION_FAILED']],
      ['x'.repeat(6_000), '6,000 characters', ['VALIDATION_FAILED']],
    )
    .map(([id, note, codes]) => ({
      target: 'GET /api/v1/customers/:id/interactions',
      kind: 'unstorable-value',
      note,
      request: {
        method: 'GET',
        path: `/api/v1/customers/${id}/interactions`,
        headers: { authorization: `Bearer ${w.apiKey}` },
      },
      expect: { status: [400], codes },
    }));
}

/**
 * Expensive fields many times in one query (item 10). A cheap enough query may run (200); a costly
 * one must be refused up front (400), and either way /health/live keeps answering meanwhile.
 */
function expensive(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      field: fc.constantFrom('verifyAuditChain', 'testDecision', 'actions', 'decide'),
      n: fc.constantFrom(2, 50, 500, 2_000),
    })
    .map(({ field, n }) => {
      const one = (i: number) =>
        field === 'verifyAuditChain'
          ? `a${i}: verifyAuditChain { valid }`
          : field === 'testDecision'
            ? `a${i}: testDecision(input: { versionId: "${w.draftVersionId}", input: { customer: { id: "c${i}" } } }) { contentHash }`
            : field === 'decide'
              ? `a${i}: decide(strategyId: "${w.publishedStrategyId}", input: { customer: { id: "expensive-${i}" } }) { decisionId }`
              : `a${i}: actions(page: { first: 100 }) { edges { node { id name attributes } } }`;
      return {
        target: field === 'decide' ? 'graphql decide' : 'graphql (cost)',
        kind: 'expensive' as const,
        note: `${n} × ${field} in one query`,
        request: gqlBody(
          JSON.stringify({ query: `{ ${Array.from({ length: n }, (_, i) => one(i)).join(' ')} }` }),
          w.adminToken,
        ),
        expect: { status: [200, 400, 413], codes: ['OK', 'BAD_REQUEST', 'VALIDATION_FAILED'] },
        decides: field === 'decide',
      };
    });
}

/** A strategy whose filter nests `all` blocks `levels` deep: far past the input depth limit (400), or just around it. */
function nestedConditions(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      levels: fc.constantFrom(30, 45, 49, 50, 51, 2_000),
      op: fc.constantFrom('createStrategy', 'saveDraft', 'testDecision'),
    })
    .map(({ levels, op }) => {
      const leaf = '{"fact": "customer", "path": "$.age", "operator": "greaterThan", "value": 18}';
      const condition = `${'{"all": ['.repeat(levels)}${leaf}${']}'.repeat(levels)}`;
      const doc = `{"schemaVersion": 1, "nodes": [{"id": "candidates", "type": "actions", "config": {}}, {"id": "deep", "type": "filter", "config": {"condition": ${condition}}}, {"id": "output", "type": "output", "config": {}}], "edges": [{"source": "candidates", "target": "deep"}, {"source": "deep", "target": "output"}]}`;
      const [query, variables] =
        op === 'createStrategy'
          ? [
              'mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id } }',
              `{"i": {"name": "Nested ${levels} ${Math.random().toString(36).slice(2)}", "document": ${doc}}}`,
            ]
          : op === 'saveDraft'
            ? [
                'mutation($i: SaveDraftInput!) { saveDraft(input: $i) { valid } }',
                `{"i": {"versionId": "${w.draftVersionId}", "expectedRevision": 999999, "document": ${doc}}}`,
              ]
            : [
                'query($i: TestDecisionInput!) { testDecision(input: $i) { contentHash } }',
                `{"i": {"versionId": "${w.draftVersionId}", "input": {"customer": {"id": "c", "age": 40}, "context": {"nested": ${condition}}}}}`,
              ];
      return {
        target: `graphql ${op}`,
        kind: 'deep' as const,
        note: `a filter condition of ${levels} nested all blocks`,
        request: gqlBody(`{"query": ${JSON.stringify(query)}, "variables": ${variables}}`, w.designerToken),
        // Within the depth limit the engine decides (a document too deep for it is saved with problems, or refused); beyond it 400.
        expect:
          levels >= 2_000
            ? { status: [200, 400], codes: ['VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST'] }
            : {
                status: [200, 400],
                codes: ['OK', 'VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'CONFLICT'],
              },
      };
    });
}

/** Outcomes that contradict the decision they name (an action it did not return, another customer). */
function contradictingOutcomes(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc
    .constantFrom('another action', 'another customer', 'shown is not an outcome')
    .map((what): FuzzCase => ({
      target: 'POST /api/v1/outcomes',
      kind: 'wrong-type',
      note: `an outcome of an answered decision with ${what}`,
      request: (state) => {
        const d = state.recentDecisions[state.recentDecisions.length - 1];
        if (!d) return undefined;
        const body =
          what === 'another action'
            ? { decisionId: d.decisionId, actionId: 'never-returned-action', outcome: 'accepted' }
            : what === 'another customer'
              ? {
                  decisionId: d.decisionId,
                  customerId: `${d.customerId}-other`,
                  actionId: d.actionIds[0] ?? w.actionIds[0],
                  outcome: 'accepted',
                }
              : { decisionId: d.decisionId, actionId: d.actionIds[0] ?? w.actionIds[0], outcome: 'shown' };
        return {
          method: 'POST',
          path: '/api/v1/outcomes',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${w.apiKey}` },
          body: JSON.stringify(body),
        };
      },
      expect: { status: [400], codes: ['VALIDATION_FAILED'] },
    }));
}

/** Routes that do not exist, methods a route does not take, poison in a query string. */
function strayRequests(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const key = { authorization: `Bearer ${w.apiKey}` };
  return fc
    .constantFrom<[string, HttpRequest, number[], string[]]>(
      [
        'GET on a POST route',
        { method: 'GET', path: '/api/v1/decisions', headers: key },
        [404, 405],
        ['NOT_FOUND', 'BAD_REQUEST'],
      ],
      [
        'DELETE on a POST route',
        { method: 'DELETE', path: '/api/v1/outcomes', headers: key },
        [404, 405],
        ['NOT_FOUND', 'BAD_REQUEST'],
      ],
      [
        'PUT /graphql',
        {
          method: 'PUT',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: '{"query": "{ me { id } }"}',
        },
        [400, 404, 405],
        ['NOT_FOUND', 'BAD_REQUEST', 'NO_CODE'],
      ],
      [
        'GET /graphql without a query',
        { method: 'GET', path: '/graphql' },
        [400, 404],
        ['BAD_REQUEST', 'NO_CODE'],
      ],
      [
        'a GraphQL mutation over GET',
        {
          method: 'GET',
          path: `/graphql?query=${encodeURIComponent('mutation { logout(refreshToken: "x") }')}`,
          headers: { 'apollo-require-preflight': 'true' },
        },
        [400, 405],
        ['BAD_REQUEST', 'NO_CODE'],
      ],
      [
        'an Idempotency-Key of 5,000 characters',
        {
          method: 'POST',
          path: '/api/v1/outcomes',
          headers: { ...key, 'content-type': 'application/json', 'idempotency-key': 'k'.repeat(5_000) },
          body: `{"customerId": "c", "actionId": "${w.actionIds[0]}", "outcome": "accepted"}`,
        },
        [400],
        ['VALIDATION_FAILED'],
      ],
      [
        'headers of 20 KB',
        {
          method: 'POST',
          path: '/api/v1/decisions',
          headers: { ...key, 'content-type': 'application/json', 'x-padding': 'x'.repeat(20_000) },
          body: '{}',
        },
        [431],
        ['HEADERS_TOO_LARGE'],
      ],
      [
        'NUL in a query string',
        {
          method: 'POST',
          path: '/api/v1/decisions?debug=%00',
          headers: { ...key, 'content-type': 'application/json' },
          body: `{"strategy": "${w.publishedStrategyId}", "customer": {"id": "q"}}`,
        },
        [400],
        ['VALIDATION_FAILED'],
      ],
      [
        'a nested query string',
        {
          method: 'POST',
          path: `/api/v1/decisions?${'a[b]'.repeat(1)}=${'x'}&${Array.from({ length: 30 }, (_, i) => `c${'[d]'.repeat(i)}=1`).join('&')}`,
          headers: { ...key, 'content-type': 'application/json' },
          body: `{"strategy": "${w.publishedStrategyId}", "customer": {"id": "q"}}`,
        },
        [200, 400],
        ['OK', 'VALIDATION_FAILED'],
      ],
      [
        'a path of 10,000 characters',
        { method: 'GET', path: `/api/v1/${'x/'.repeat(5_000)}`, headers: key },
        [404, 414, 431],
        ['NOT_FOUND', 'NO_CODE', 'HEADERS_TOO_LARGE'],
      ],
      [
        'dataset inspect with binary',
        {
          method: 'POST',
          path: '/api/v1/datasets/inspect',
          headers: { authorization: `Bearer ${w.adminToken}`, 'content-type': 'application/octet-stream' },
          body: Buffer.from(Array.from({ length: 2_048 }, (_, i) => (i * 131) % 256)),
        },
        [200, 400],
        ['OK', 'BAD_REQUEST'],
      ],
      [
        'dataset inspect with a deep JSON line',
        {
          method: 'POST',
          path: '/api/v1/datasets/inspect',
          headers: { authorization: `Bearer ${w.adminToken}`, 'content-type': 'application/x-ndjson' },
          body: `{"id": 1, "x": ${deepJson(20_000, 'array')}}\n`,
        },
        [200, 400],
        ['OK', 'BAD_REQUEST'],
      ],
      [
        'dataset inspect with NUL keys',
        {
          method: 'POST',
          path: '/api/v1/datasets/inspect',
          headers: { authorization: `Bearer ${w.adminToken}`, 'content-type': 'application/x-ndjson' },
          body: '{"id": 1, "a\\u0000": 2, "b\\ud800": 3}\n',
        },
        [200, 400],
        ['OK', 'BAD_REQUEST'],
      ],
    )
    .map(([note, request, status, codes]) => ({
      target: `${request.method} ${request.path.split('?')[0]!.slice(0, 40)}`,
      kind: 'malformed' as const,
      note,
      request,
      expect: { status, codes },
      decides: request.path.startsWith('/api/v1/decisions'),
    }));
}

export function requestCases(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    badVariables(w),
    malformedGraphql(w),
    malformedRest(w),
    historyPaths(w),
    expensive(w),
    nestedConditions(w),
    contradictingOutcomes(w),
    strayRequests(w),
  );
}
