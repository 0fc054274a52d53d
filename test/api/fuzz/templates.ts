import type { Json } from './bad-values';
import type { HttpRequest } from './fuzz-api';
import type { FuzzWorld } from './fuzz-world';

/**
 * One operation the suite breaks: a valid input (GraphQL variables or a REST body) and how to send
 * it. The mutations in template-cases.ts change one spot of the input at a time.
 */
export interface Template {
  target: string;
  input(w: FuzzWorld, unique: string): Json;
  /** The request carrying the input's JSON text. */
  request(w: FuzzWorld, json: string): HttpRequest;
  /** Regions (`customer`, `requests[].context`) whose type is "any JSON": a value of another type may be fine there. */
  freeForm: string[];
  /** How the valid input is answered: OK, or an error the fixture makes certain (a stale revision ⇒ CONFLICT). */
  base: string[];
  /** Also allowed for every mutation: login may be throttled (RATE_LIMITED, 429). */
  extra?: { codes: string[]; status: number[] };
  decides?: boolean;
}

const NOW = '2026-11-23T10:00:00Z';
const json = 'application/json';

const rest =
  (path: string, key: (w: FuzzWorld) => string) =>
  (w: FuzzWorld, body: string): HttpRequest => ({
    method: 'POST',
    path,
    headers: { 'content-type': json, authorization: `Bearer ${key(w)}` },
    body,
  });

const graphql =
  (query: string, token: (w: FuzzWorld) => string | undefined) =>
  (w: FuzzWorld, variables: string): HttpRequest => {
    const t = token(w);
    return {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': json, ...(t && { authorization: `Bearer ${t}` }) },
      body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
    };
  };

const admin = (w: FuzzWorld) => w.adminToken;
const designer = (w: FuzzWorld) => w.designerToken;
const THROTTLED = { codes: ['RATE_LIMITED'], status: [429] };

const customer = (unique: string): Json => ({
  id: `cust-${unique}`,
  age: 42,
  segment: 'gold',
  tags: ['a', 'b'],
  scores: { churn: 0.3 },
});
const context: Json = { channel: 'web', now: NOW, device: 'mobile' };

export const TEMPLATES: Template[] = [
  // REST decision API (API key).
  {
    target: 'POST /api/v1/decisions',
    input: (w, u) => ({
      strategy: w.publishedStrategyId,
      customer: customer(u),
      context,
      limit: 3,
      explain: false,
    }),
    request: rest('/api/v1/decisions', (w) => w.apiKey),
    freeForm: ['customer', 'context'],
    base: ['OK'],
    decides: true,
  },
  {
    target: 'POST /api/v1/decisions (by name)',
    input: (w, u) => ({ strategy: w.publishedStrategyName, customer: customer(u), context: { now: NOW } }),
    request: rest('/api/v1/decisions', (w) => w.apiKey),
    freeForm: ['customer', 'context'],
    base: ['OK'],
    decides: true,
  },
  {
    target: 'POST /api/v1/decisions:batch',
    input: (w, u) => ({
      strategy: w.publishedStrategyId,
      requests: [
        { customer: customer(`${u}-1`), context, limit: 2 },
        { customer: customer(`${u}-2`) },
      ] as Json[],
    }),
    request: rest('/api/v1/decisions:batch', (w) => w.apiKey),
    freeForm: ['requests[].customer', 'requests[].context'],
    base: ['OK'],
    decides: true,
  },
  {
    target: 'POST /api/v1/outcomes',
    input: (w, u) => ({
      customerId: `cust-${u}`,
      actionId: w.actionIds[0]!,
      outcome: 'accepted',
      channel: 'web',
      at: NOW,
      idempotencyKey: `idem-${u}`,
    }),
    request: rest('/api/v1/outcomes', (w) => w.apiKey),
    freeForm: [],
    base: ['OK'],
  },
  // GraphQL: every operation that takes text, lists, numbers or JSON.
  {
    target: 'graphql login',
    input: (w) => ({ e: w.victimEmail, p: 'not-the-password-at-all' }),
    request: graphql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      () => undefined,
    ),
    freeForm: [],
    base: ['UNAUTHENTICATED'],
    extra: THROTTLED,
  },
  {
    target: 'graphql refreshToken',
    input: () => ({ r: '00000000-0000-4000-8000-000000000000.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }),
    request: graphql(
      'mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }',
      () => undefined,
    ),
    freeForm: [],
    base: ['UNAUTHENTICATED'],
  },
  {
    target: 'graphql actions',
    input: () => ({ f: { search: 'offer', channel: 'web', group: 'g' }, p: { first: 5, after: null } }),
    request: graphql(
      'query($f: ActionFilterInput, $p: PageInput) { actions(filter: $f, page: $p) { edges { node { id } } } }',
      designer,
    ),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql action',
    input: (w) => ({ id: w.actionIds[1]! }),
    request: graphql('query($id: String!) { action(id: $id) { id name } }', designer),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql auditLog',
    input: (w) => ({
      f: {
        action: 'createAction',
        entityType: 'action',
        entityId: 'x',
        actorId: w.designerId,
        from: '2020-01-01T00:00:00Z',
        to: '2100-01-01T00:00:00Z',
      },
      p: { first: 3 },
    }),
    request: graphql(
      'query($f: AuditFilterInput, $p: PageInput) { auditLog(filter: $f, page: $p) { edges { node { seq } } } }',
      admin,
    ),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql createAction',
    input: (_w, u) => ({
      i: {
        id: `fz-${u}`,
        name: `Fuzz ${u}`,
        channel: 'web',
        group: 'grp',
        tags: ['t1', 't2'],
        attributes: { colour: 'red', size: 3, nested: { a: [1, 2] } },
        value: 5,
        cost: 0.5,
        validFrom: '2026-01-01T00:00:00Z',
        validTo: '2027-01-01T00:00:00Z',
      },
    }),
    request: graphql('mutation($i: CreateActionInput!) { createAction(input: $i) { id } }', designer),
    freeForm: ['i.attributes'],
    base: ['OK'],
  },
  {
    target: 'graphql updateAction',
    input: (w) => ({
      id: w.actionIds[2]!,
      i: {
        expectedRevision: 999_999,
        name: 'Renamed',
        channel: 'email',
        tags: ['x'],
        attributes: { k: 'v' },
        value: 7,
        validTo: '2030-01-01T00:00:00Z',
      },
    }),
    request: graphql(
      'mutation($id: String!, $i: UpdateActionInput!) { updateAction(id: $id, input: $i) { id } }',
      designer,
    ),
    freeForm: ['i.attributes'],
    base: ['CONFLICT'],
  },
  {
    target: 'graphql defineSchemaField',
    input: (_w, u) => ({
      i: {
        scope: 'customer',
        name: `f_${u.replace(/\W/g, '_')}`,
        type: 'string',
        label: 'A label',
        description: 'Text',
        allowedValues: ['a', 'b'],
        personal: false,
      },
    }),
    request: graphql(
      'mutation($i: DefineSchemaFieldInput!) { defineSchemaField(input: $i) { name } }',
      designer,
    ),
    freeForm: ['i.allowedValues'],
    base: ['OK'],
  },
  {
    target: 'graphql removeSchemaField',
    input: () => ({ n: 'no_such_field' }),
    request: graphql(
      'mutation($n: String!) { removeSchemaField(scope: customer, name: $n) { name } }',
      designer,
    ),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql createStrategy',
    input: (_w, u) => ({
      i: {
        name: `Fuzz strategy ${u}`,
        description: 'fuzz',
        document: {
          schemaVersion: 1,
          description: `doc ${u}`,
          nodes: [
            { id: 'candidates', type: 'actions', config: {} },
            {
              id: 'adults',
              type: 'filter',
              config: {
                condition: {
                  all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 }],
                },
              },
            },
            { id: 'output', type: 'output', config: {} },
          ] as Json[],
          edges: [
            { source: 'candidates', target: 'adults' },
            { source: 'adults', target: 'output' },
          ],
        },
      },
    }),
    request: graphql('mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id } }', designer),
    freeForm: ['i.document'],
    base: ['OK'],
  },
  {
    target: 'graphql saveDraft',
    input: (w, u) => ({
      i: {
        versionId: w.draftVersionId,
        expectedRevision: 999_999,
        document: {
          schemaVersion: 1,
          description: u,
          nodes: [
            { id: 'candidates', type: 'actions', config: {} },
            { id: 'output', type: 'output', config: {} },
          ],
          edges: [{ source: 'candidates', target: 'output' }],
        },
      },
    }),
    request: graphql('mutation($i: SaveDraftInput!) { saveDraft(input: $i) { valid } }', designer),
    freeForm: ['i.document'],
    base: ['CONFLICT'],
  },
  {
    target: 'graphql addComment',
    input: (w, u) => ({ i: { versionId: w.draftVersionId, nodeId: 'output', body: `A comment ${u}` } }),
    request: graphql('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', designer),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql comments',
    input: (w) => ({ v: w.draftVersionId, n: 'output' }),
    request: graphql('query($v: ID!, $n: String) { comments(versionId: $v, nodeId: $n) { id } }', designer),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql rejectVersion',
    input: (w) => ({ v: w.draftVersionId, c: 'Not yet, see the filter' }),
    request: graphql(
      'mutation($v: ID!, $c: String!) { rejectVersion(versionId: $v, comment: $c) { id } }',
      admin,
    ),
    freeForm: [],
    base: ['INVALID_STATE'],
  },
  {
    target: 'graphql createApiKey',
    input: (w, u) => ({
      i: { name: `fuzz key ${u}`, strategyIds: [w.publishedStrategyId], rateLimitPerSecond: 10 },
    }),
    request: graphql('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } } }', admin),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql createUser',
    input: (_w, u) => ({
      i: {
        email: `fz-${u.replace(/\W/g, '')}@fuzz.local`,
        displayName: `Fuzz ${u}`,
        password: 'a-long-enough-password',
        roles: ['analyst'],
      },
    }),
    request: graphql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', admin),
    freeForm: [],
    base: ['OK', 'CONFLICT'],
  },
  {
    target: 'graphql setUserRoles',
    input: () => ({ u: '00000000-0000-4000-8000-00000000f022', r: ['analyst'] }),
    request: graphql('mutation($u: ID!, $r: [Role!]!) { setUserRoles(userId: $u, roles: $r) { id } }', admin),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql people',
    input: (w) => ({ ids: [w.designerId] }),
    request: graphql('query($ids: [ID!]!) { people(ids: $ids) { id } }', admin),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql recordOutcome',
    input: (w, u) => ({
      i: {
        customerId: `cust-${u}`,
        actionId: w.actionIds[0]!,
        outcome: 'clicked',
        channel: 'web',
        at: NOW,
        idempotencyKey: `gq-${u}`,
      },
    }),
    request: graphql('mutation($i: RecordOutcomeInput!) { recordOutcome(input: $i) { id } }', designer),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql customerInteractions',
    input: (_w, u) => ({ c: `cust-${u}` }),
    request: graphql('query($c: String!) { customerInteractions(customerId: $c) { customerId } }', admin),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql testDecision',
    input: (w, u) => ({
      i: {
        versionId: w.draftVersionId,
        input: {
          customer: customer(u),
          context,
          history: [{ actionId: w.actionIds[0]!, outcome: 'shown', at: NOW }],
        },
        limit: 5,
      },
    }),
    request: graphql('query($i: TestDecisionInput!) { testDecision(input: $i) { contentHash } }', designer),
    freeForm: ['i.input'],
    base: ['OK'],
  },
  {
    target: 'graphql decide',
    input: (w, u) => ({ s: w.publishedStrategyId, i: { customer: customer(u), context }, l: 3, x: false }),
    request: graphql(
      'query($s: ID!, $i: JSON!, $l: Int, $x: Boolean) { decide(strategyId: $s, input: $i, limit: $l, explain: $x) { decisionId } }',
      admin,
    ),
    freeForm: ['i'],
    base: ['OK'],
    decides: true,
  },
  {
    target: 'graphql simulations',
    input: (w) => ({ h: 'a'.repeat(64), s: w.publishedStrategyId, d: w.datasetId }),
    request: graphql(
      'query($h: String, $s: ID, $d: ID) { simulations(contentHash: $h, strategyId: $s, datasetId: $d) { id } }',
      admin,
    ),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql runSimulation',
    input: (w) => ({ v: w.draftVersionId, d: w.datasetId, f: false }),
    request: graphql(
      'mutation($v: ID!, $d: ID!, $f: Boolean) { runSimulation(versionId: $v, datasetId: $d, force: $f) { id } }',
      (w) => w.analystToken,
    ),
    freeForm: [],
    base: ['OK'],
  },
  // The remaining operations: ids, pages and state changes that the fixtures make certain to be refused or harmless.
  {
    target: 'graphql strategies',
    input: () => ({ a: true, p: { first: 10, after: null } }),
    request: graphql(
      'query($a: Boolean!, $p: PageInput) { strategies(includeArchived: $a, page: $p) { edges { cursor } } }',
      designer,
    ),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql users',
    input: () => ({ p: { first: 5 } }),
    request: graphql('query($p: PageInput) { users(page: $p) { edges { cursor } } }', admin),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql validateVersion',
    input: (w) => ({ v: w.draftVersionId }),
    request: graphql('query($v: ID!) { validateVersion(versionId: $v) { valid } }', designer),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql dataset',
    input: (w) => ({ id: w.datasetId }),
    request: graphql('query($id: ID!) { dataset(id: $id) { id rowCount } }', admin),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql cloneVersion',
    input: (w) => ({ v: w.draftVersionId }),
    request: graphql('mutation($v: ID!) { cloneVersion(versionId: $v) { id } }', designer),
    freeForm: [],
    base: ['OK', 'INVALID_STATE', 'CONFLICT'],
  },
  {
    target: 'graphql submitVersion',
    input: () => ({ v: '00000000-0000-4000-8000-00000000a001', r: 1 }),
    request: graphql(
      'mutation($v: ID!, $r: Int) { submitVersion(versionId: $v, expectedRevision: $r) { id } }',
      designer,
    ),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql approveVersion',
    input: (w) => ({ v: w.draftVersionId, c: 'Looks right' }),
    request: graphql(
      'mutation($v: ID!, $c: String) { approveVersion(versionId: $v, comment: $c) { id } }',
      admin,
    ),
    freeForm: [],
    base: ['INVALID_STATE'],
  },
  {
    target: 'graphql publishVersion',
    input: (w) => ({ v: w.draftVersionId }),
    request: graphql('mutation($v: ID!) { publishVersion(versionId: $v) { id } }', admin),
    freeForm: [],
    base: ['INVALID_STATE'],
  },
  {
    target: 'graphql rollbackStrategy',
    input: (w) => ({ s: w.draftStrategyId, v: w.draftVersionId, r: 'The new version misbehaves' }),
    request: graphql(
      'mutation($s: ID!, $v: ID!, $r: String!) { rollbackStrategy(strategyId: $s, toVersionId: $v, reason: $r) { id } }',
      admin,
    ),
    freeForm: [],
    base: ['INVALID_STATE', 'NOT_FOUND'],
  },
  {
    target: 'graphql archiveStrategy',
    input: () => ({ id: '00000000-0000-4000-8000-00000000a002' }),
    request: graphql('mutation($id: ID!) { archiveStrategy(id: $id) { id } }', designer),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql deleteAction',
    input: () => ({ id: 'no-such-action', r: 1 }),
    request: graphql(
      'mutation($id: String!, $r: Int!) { deleteAction(id: $id, expectedRevision: $r) { id } }',
      designer,
    ),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql deleteDataset',
    input: () => ({ id: '00000000-0000-4000-8000-00000000a003' }),
    request: graphql('mutation($id: ID!) { deleteDataset(id: $id) { id } }', admin),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql cancelSimulation',
    input: () => ({ id: '00000000-0000-4000-8000-00000000a004' }),
    request: graphql('mutation($id: ID!) { cancelSimulation(id: $id) { id } }', admin),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql revokeApiKey',
    input: () => ({ id: '00000000-0000-4000-8000-00000000a005' }),
    request: graphql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', admin),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql setUserActive',
    input: () => ({ u: '00000000-0000-4000-8000-00000000a006', a: false }),
    request: graphql(
      'mutation($u: ID!, $a: Boolean!) { setUserActive(userId: $u, active: $a) { id } }',
      admin,
    ),
    freeForm: [],
    base: ['NOT_FOUND'],
  },
  {
    target: 'graphql logout',
    input: () => ({ r: '00000000-0000-4000-8000-000000000000.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }),
    request: graphql('mutation($r: String!) { logout(refreshToken: $r) }', designer),
    freeForm: [],
    base: ['OK', 'UNAUTHENTICATED'],
  },
  {
    target: 'graphql verifyAuditChain',
    input: () => ({ a: { seq: 1, hash: 'ab'.repeat(32) } }),
    request: graphql('query($a: AuditChainAnchorInput) { verifyAuditChain(anchor: $a) { valid } }', admin),
    freeForm: [],
    base: ['OK'],
  },
  {
    target: 'graphql diff',
    input: (w) => ({ a: w.draftVersionId, b: w.draftVersionId }),
    request: graphql(
      'query($a: ID!, $b: ID!) { diff(fromVersionId: $a, toVersionId: $b) { unchanged } }',
      designer,
    ),
    freeForm: [],
    base: ['OK'],
  },
];
