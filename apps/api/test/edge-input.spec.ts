import { randomBytes } from 'node:crypto';
import { MAX_CONDITION_DEPTH } from '@arbiter/engine';
import { Client } from 'pg';
import request from 'supertest';
import { MAX_INPUT_DEPTH } from '../src/common/input-check';
import { MAX_QUERY_NESTING } from '../src/common/graphql/argument-check';
import { createApiKey, publishStrategy, rest } from './support/decision-api';
import { uploadDataset, uploadJsonl } from './support/datasets';
import { VALID_DOC } from './support/fixtures';
import { MUTATIONS, QUERIES, type Call } from './support/operations';
import { Scenario, useScenario } from './support/scenario';
import {
  errorCode,
  ok,
  Role,
  startTestApp,
  type GqlResponse,
  type TestApp,
  type TestUser,
  useTestApp,
  useUser,
} from './support/test-app';

/** Strings PostgreSQL cannot store: NUL, and each half of a surrogate pair alone. */
const UNSTORABLE = { nul: 'a\u0000b', high: 'a\ud800b', low: 'a\udc00b' };

/** How the answer names a key holding such a character: escaped (`\u0000`). */
const escaped = (text: string) =>
  [...text]
    .map((c) => (/[\w-]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .join('');

/** `levels` objects nested in each other: { x: { x: … { x: 1 } } }. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { x: value };
  return value;
}

/** The same as JSON text: clients (superagent too) cannot serialise 10,000 levels with JSON.stringify. */
const nestedJson = (levels: number) => `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A filter whose condition nests `levels` "all" blocks. */
function deepConditionDoc(levels: number) {
  let condition: unknown = { all: [{ fact: 'customer', path: '$.age', operator: 'greaterThan', value: 1 }] };
  for (let i = 1; i < levels; i++) condition = { all: [condition] };
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'candidates', type: 'actions', config: {} },
      { id: 'deep', type: 'filter', config: { condition } },
      { id: 'output', type: 'output', config: {} },
    ],
    edges: [
      { source: 'candidates', target: 'deep' },
      { source: 'deep', target: 'output' },
    ],
  };
}

/** The first string value in the call's variables replaced by `bad`; undefined when there is none. */
function withBadString(call: Call, bad: string): Call | undefined {
  const variables = structuredClone(call.variables ?? {});
  const stack: Record<string, unknown>[] = [variables];
  while (stack.length) {
    const item = stack.pop()!;
    for (const [key, value] of Object.entries(item)) {
      if (typeof value === 'string') {
        item[key] = bad;
        return { ...call, variables };
      }
      if (value && typeof value === 'object') stack.push(value as Record<string, unknown>);
    }
  }
  return undefined;
}

const expectValidationFailed = (res: GqlResponse, field?: string) => {
  expect({ status: res.status, code: errorCode(res) }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  const details = res.errors![0]!.extensions!.details!;
  if (field !== undefined) expect(details[0]!.field).toBe(field);
  return details[0]!;
};

describe('bad input at the edge', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const everyone = useUser(t, Object.values(Role), 'edge-all-roles');
  let apiKey: string;
  let strategyId: string;

  /** The server still answers: liveness at once, and a real GraphQL query. */
  const expectAlive = async () => {
    const started = Date.now();
    const live = await request(t.app.getHttpServer()).get('/health/live');
    expect(live.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(ok(await t.gql(`{ me { id } }`, {}, everyone.token)).me.id).toBe(everyone.id);
  };

  beforeAll(async () => {
    strategyId = (await publishStrategy(t, s, VALID_DOC)).strategyId;
    apiKey = (await createApiKey(t, everyone.token)).secret;
  });

  describe('strings PostgreSQL cannot store (item 7)', () => {
    it.each(Object.entries(UNSTORABLE))(
      'REST decisions, batches and outcomes refuse a %s string or key, naming the field',
      async (_kind, bad) => {
        const api = rest(t, apiKey);
        const cases: [string, unknown, string][] = [
          ['/api/v1/decisions', { strategy: strategyId, customer: { id: 'c1', name: bad } }, 'customer.name'],
          ['/api/v1/decisions', { strategy: strategyId, customer: { id: bad } }, 'customer.id'],
          [
            '/api/v1/decisions',
            { strategy: strategyId, customer: { id: 'c1' }, context: { [`ch${bad}`]: 'web' } },
            `context.ch${escaped(bad)}`,
          ],
          [
            '/api/v1/decisions:batch',
            {
              strategy: strategyId,
              requests: [{ customer: { id: 'c1' } }, { customer: { id: 'c2', tags: ['x', bad] } }],
            },
            'requests[1].customer.tags[1]',
          ],
          ['/api/v1/outcomes', { customerId: bad, actionId: 'a', outcome: 'accepted' }, 'customerId'],
          [
            '/api/v1/outcomes',
            { customerId: 'c1', actionId: 'a', outcome: 'accepted', idempotencyKey: bad },
            'idempotencyKey',
          ],
        ];
        for (const [path, body, field] of cases) {
          const res = await api.post(path, body);
          expect({
            path,
            status: res.status,
            code: res.body.error?.code,
            field: res.body.error?.details?.[0]?.field,
          }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED', field });
        }
        expect(
          Number(
            (await t.sql.query(`SELECT count(*) n FROM interactions WHERE customer_id LIKE 'a%b'`)).rows[0].n,
          ),
        ).toBe(0);
        await expectAlive();
      },
    );

    it('a key with a NUL is named escaped, so the answer itself is clean text', async () => {
      const res = await rest(t, apiKey).post('/api/v1/decisions', {
        strategy: strategyId,
        customer: { id: 'c1', 'na\u0000me': 1 },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([
        {
          field: 'customer.na\\u0000me',
          message: expect.stringContaining('is a key that holds a NUL character'),
        },
      ]);
    });

    it('REST route and query parameters: interactions of a customer id, a dataset name and mapping', async () => {
      const history = await rest(t, apiKey).get('/api/v1/customers/a%00b/interactions');
      expect({
        status: history.status,
        code: history.body.error?.code,
        field: history.body.error?.details?.[0]?.field,
      }).toEqual({ status: 400, code: 'VALIDATION_FAILED', field: 'id' });
      const name = await uploadDataset(t, everyone.token, 'bad\u0000name', 'id\n1\n');
      expect({
        status: name.status,
        code: name.body.error?.code,
        field: name.body.error?.details?.[0]?.field,
      }).toEqual({ status: 400, code: 'VALIDATION_FAILED', field: 'name' });
      const mapping = await uploadDataset(t, everyone.token, 'bad mapping', 'id,y\n1,1\n', {
        customerId: 'id',
        outcome: 'y\ud800',
      });
      expect({
        status: mapping.status,
        code: mapping.body.error?.code,
        field: mapping.body.error?.details?.[0]?.field,
      }).toEqual({ status: 400, code: 'VALIDATION_FAILED', field: 'mapping.outcome' });
      expect(
        Number((await t.sql.query(`SELECT count(*) n FROM datasets WHERE name LIKE 'bad%'`)).rows[0].n),
      ).toBe(0);
      await expectAlive();
    });

    it('GraphQL variables and inline literals: 400 VALIDATION_FAILED naming the argument path', async () => {
      expectValidationFailed(
        await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
          e: UNSTORABLE.nul,
          p: 'x',
        }),
        'email',
      );
      expectValidationFailed(
        await t.gql(`mutation { login(email: "a\\u0000b", password: "x") { accessToken } }`),
        'email',
      );
      expectValidationFailed(
        await t.gql(`mutation($p: String!) { login(email: "a@b.c", password: $p) { accessToken } }`, {
          p: UNSTORABLE.low,
        }),
        'password',
      );
      const createAction = (i: Record<string, unknown>) =>
        t.gql(`mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`, { i }, everyone.token);
      expectValidationFailed(
        await createAction({ id: s.unique('a'), name: UNSTORABLE.high, value: 1 }),
        'input.name',
      );
      expectValidationFailed(
        await createAction({ id: s.unique('a'), name: 'ok', value: 1, attributes: { ['col\u0000']: 1 } }),
        'input.attributes.col\\u0000',
      );
      const doc = {
        ...VALID_DOC,
        nodes: [{ ...VALID_DOC.nodes[0], config: { ['a\ud800']: 1 } }, VALID_DOC.nodes[1]],
      };
      expectValidationFailed(
        await t.gql(
          `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id } }`,
          { i: { name: s.unique('S'), document: doc } },
          everyone.token,
        ),
        'input.document.nodes[0].config.a\\ud800',
      );
      const { version } = await s.draft();
      const comment = `mutation { addComment(input: { versionId: "${version.id}", nodeId: "output", body: "nice\\u0000" }) { id } }`;
      expectValidationFailed(await t.gql(comment, undefined, everyone.token), 'input.body');
      const filter = `query($f: AuditFilterInput) { auditLog(filter: $f, page: { first: 1 }) { edges { node { seq } } } }`;
      expectValidationFailed(
        await t.gql(filter, { f: { entityType: 'version', action: UNSTORABLE.high } }, everyone.token),
        'filter.action',
      );
      // A default value of a variable is an input too.
      expectValidationFailed(
        await t.gql(
          `query($c: String = "c\\u0000") { customerInteractions(customerId: $c) { customerId } }`,
          {},
          everyone.token,
        ),
        'customerId',
      );
      expect(Number((await t.sql.query(`SELECT count(*) n FROM review_comments`)).rows[0].n)).toBe(0);
      await expectAlive();
    });

    it('every GraphQL operation with a string variable refuses a NUL in it before any resolver runs', async () => {
      for (const [name, prepare] of Object.entries({ ...MUTATIONS, ...QUERIES })) {
        const call = withBadString(await prepare(s, t), UNSTORABLE.nul);
        if (!call) continue;
        const res = await t.gql(call.query, call.variables, everyone.token);
        expect({ name, status: res.status, code: errorCode(res) }).toEqual({
          name,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(res.errors![0]!.extensions!.details![0]!.message).toContain('NUL');
      }
      await expectAlive();
    });
  });

  describe('deep nesting (item 8)', () => {
    it('a REST body nested 10,000 levels is 400 naming the field and the limit', async () => {
      const post = (path: string, json: string) =>
        request(t.app.getHttpServer())
          .post(path)
          .set('authorization', `Bearer ${apiKey}`)
          .set('content-type', 'application/json')
          .send(json);
      const res = await post(
        '/api/v1/decisions',
        `{"strategy":"${strategyId}","customer":{"id":"c1","x":${nestedJson(10_000)}}}`,
      );
      expect({ status: res.status, code: res.body.error?.code }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(res.body.error.details[0]).toEqual({
        field: `customer${'.x'.repeat(MAX_INPUT_DEPTH - 1)}`,
        message: expect.stringContaining(`more than ${MAX_INPUT_DEPTH} levels`),
      });
      const batch = await post(
        '/api/v1/decisions:batch',
        `{"strategy":"${strategyId}","requests":[{"customer":{"id":"c1","x":${nestedJson(10_000)}}}]}`,
      );
      expect({ status: batch.status, code: batch.body.error?.code }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      // At the limit it is only data.
      const atLimit = await rest(t, apiKey).post('/api/v1/decisions', {
        strategy: strategyId,
        customer: { id: 'c1', x: nested(MAX_INPUT_DEPTH - 2) },
      });
      expect(atLimit.status).toBe(200);
      await expectAlive();
    });

    it('a GraphQL variable or literal nested too deeply is VALIDATION_FAILED; a query text nested 10,000 levels is BAD_REQUEST', async () => {
      const decide = `query($i: JSON!) { decide(strategyId: "${strategyId}", input: $i) { decisionId } }`;
      const raw = await request(t.app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${everyone.token}`)
        .set('content-type', 'application/json')
        .send(
          `{"query":${JSON.stringify(decide)},"variables":{"i":{"customer":{"id":"c1","x":${nestedJson(10_000)}}}}}`,
        );
      const variable = expectValidationFailed({
        status: raw.status,
        data: raw.body.data ?? null,
        errors: raw.body.errors,
        headers: {},
      });
      expect(variable).toEqual({
        field: `input.customer${'.x'.repeat(MAX_INPUT_DEPTH - 1)}`,
        message: expect.stringContaining(`${MAX_INPUT_DEPTH} levels`),
      });
      const literal = `{ decide(strategyId: "${strategyId}", input: { customer: { id: "c1", x: ${'{ x: '.repeat(150)}1${' }'.repeat(150)} } }) { decisionId } }`;
      expectValidationFailed(await t.gql(literal, undefined, everyone.token));
      const text = await t.gql(
        `{ decide(strategyId: "${strategyId}", input: ${'['.repeat(10_000)}${']'.repeat(10_000)}) { decisionId } }`,
        undefined,
        everyone.token,
      );
      expect({ status: text.status, code: errorCode(text) }).toEqual({ status: 400, code: 'BAD_REQUEST' });
      expect(text.errors![0]!.message).toContain(`more than ${MAX_QUERY_NESTING} levels`);
      const selections = await t.gql(
        `{ ${'me { '.repeat(10_000)}id${' }'.repeat(10_000)} }`,
        undefined,
        everyone.token,
      );
      expect({ status: selections.status, code: errorCode(selections) }).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
      });
      await expectAlive();
    });

    it('a JSON-lines row nested 10,000 levels is one rejected row (too-deep), the others are kept', async () => {
      const res = await uploadJsonl(
        t,
        everyone.token,
        s.unique('deep'),
        [
          JSON.stringify({ id: 'a', offer: 'card' }),
          `{"id":"b","offer":"card","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
          JSON.stringify({ id: 'c', offer: 'loan' }),
        ],
        { customerId: 'id' },
      );
      expect(res.status).toBe(201);
      expect(res.body.report).toMatchObject({
        rowsRead: 3,
        rowsKept: 2,
        rowsRejected: 1,
        rejectedByReason: { 'too-deep': 1 },
      });
      expect(res.body.report.rejected).toEqual([
        expect.objectContaining({
          line: 2,
          kind: 'too-deep',
          reason: expect.stringContaining('more than 100 levels'),
        }),
      ]);
      await expectAlive();
    });

    it('2,000 nested "all" blocks are refused at the edge; past the engine limit the engine reports it', async () => {
      const create = `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id } }`;
      const res = await t.gql(
        create,
        { i: { name: s.unique('Deep'), document: deepConditionDoc(2000) } },
        everyone.token,
      );
      expect(
        expectValidationFailed(res).field.startsWith('input.document.nodes[1].config.condition.all[0]'),
      ).toBe(true);
      // Within the input limit but past the engine's: saved as a draft with the engine's problem.
      const { version } = await s.draft();
      const save = `mutation($i: SaveDraftInput!) { saveDraft(input: $i) { valid problems { code nodeId field message } } }`;
      const saved = await t.gql(
        save,
        {
          i: {
            versionId: version.id,
            expectedRevision: version.revision,
            document: deepConditionDoc(MAX_CONDITION_DEPTH + 1),
          },
        },
        everyone.token,
      );
      expect(saved.data?.saveDraft.valid).toBe(false);
      expect(saved.errors?.[0]?.extensions?.details).toContainEqual({
        code: 'invalid_condition',
        nodeId: 'deep',
        field: `config.condition${'.all[0]'.repeat(MAX_CONDITION_DEPTH)}`,
        message: expect.stringContaining(`more than ${MAX_CONDITION_DEPTH}`),
      });
      await expectAlive();
    });
  });

  describe('bad GraphQL variables (item 9)', () => {
    it.each([
      [
        'of the wrong type',
        `mutation($r: Int!) { deleteAction(id: "x", expectedRevision: $r) { id } }`,
        { r: 'two' },
        'r',
      ],
      ['missing', `mutation($r: Int!) { deleteAction(id: "x", expectedRevision: $r) { id } }`, {}, 'r'],
      [
        'an Int over 32 bits',
        `mutation($r: Int!) { deleteAction(id: "x", expectedRevision: $r) { id } }`,
        { r: 2 ** 31 },
        'r',
      ],
      // Inside a variable, the path to the bad value.
      [
        'an unknown enum value',
        `mutation($r: [Role!]!) { setUserRoles(userId: "00000000-0000-4000-8000-000000000000", roles: $r) { roles } }`,
        { r: ['wizard'] },
        'r[0]',
      ],
    ])('%s: 400 with the variable named', async (_case, query, variables, field) => {
      const res = await t.gql(query, variables, everyone.token);
      expectValidationFailed(res, field);
      expect(res.errors![0]!.message).toMatch(/^Variable "\$r"/);
      await expectAlive();
    });
  });

  describe('expensive fields (item 10)', () => {
    it('an expensive field may be asked once per operation: aliases and fragments of it are BAD_REQUEST', async () => {
      const many = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: verifyAuditChain { valid }`).join(' ')} }`;
      const started = Date.now();
      const res = await t.gql(many, undefined, everyone.token);
      expect({ status: res.status, code: errorCode(res) }).toEqual({ status: 400, code: 'BAD_REQUEST' });
      expect(res.errors![0]!.message).toContain('"verifyAuditChain" does a lot of work per call');
      expect(Date.now() - started).toBeLessThan(10_000);
      const input = { versionId: (await s.draft()).version.id, input: { customer: {} } };
      const twice = await t.gql(
        `query($i: TestDecisionInput!) { a: testDecision(input: $i) { contentHash } b: testDecision(input: $i) { contentHash } }`,
        { i: input },
        everyone.token,
      );
      expect({ status: twice.status, code: errorCode(twice), message: twice.errors?.[0]?.message }).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
        message: expect.stringContaining('"testDecision"'),
      });
      const fragments = await t.gql(
        `{ ...A ...B } fragment A on Query { a: verifyAuditChain { valid } } fragment B on Query { b: verifyAuditChain { valid } }`,
        undefined,
        everyone.token,
      );
      expect({ status: fragments.status, code: errorCode(fragments) }).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
      });
      // A query too big to be costed at all (over 10,000 fields) is a client error too, not a 500.
      const wide = await t.gql(
        `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: actions(page: { first: 100 }) { edges { node { id name attributes } } }`).join(' ')} }`,
        undefined,
        everyone.token,
      );
      expect({ status: wide.status, code: errorCode(wide), message: wide.errors?.[0]?.message }).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
        message: expect.stringContaining('too many fields'),
      });
      // A decision costs DECISION_FIELD_COST: 500 aliased decisions are over the default limit of 5,000.
      const decides = `{ ${Array.from({ length: 500 }, (_, i) => `d${i}: decide(strategyId: "${strategyId}", input: { customer: { id: "many-${i}" } }) { decisionId }`).join(' ')} }`;
      const costly = await t.gql(decides, undefined, everyone.token);
      expect({
        status: costly.status,
        code: errorCode(costly),
        message: costly.errors?.[0]?.message,
      }).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^The query costs 5500 points, more than the limit of 5000/),
      });
      // Once is fine, next to other expensive fields.
      const once = ok(
        await t.gql(
          `query($i: TestDecisionInput!) { verifyAuditChain { valid } testDecision(input: $i) { contentHash } }`,
          { i: input },
          everyone.token,
        ),
      );
      expect(once.verifyAuditChain.valid).toBe(true);
      await expectAlive();
    });
  });

  describe('in production (items 10 and 11)', () => {
    let p: TestApp;
    let admin: TestUser;

    beforeAll(async () => {
      p = await startTestApp({
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        AUDIT_HMAC_SECRET: randomBytes(32).toString('hex'),
        GRAPHQL_MAX_COMPLEXITY: '1500',
        // Long enough for a login's password hash on a loaded CI machine, short enough to test.
        GRAPHQL_OPERATION_TIMEOUT_MS: '1500',
      });
      admin = await p.user([Role.admin, Role.designer], 'prod-admin');
    });
    afterAll(() => p?.close());

    it('expensive fields cost EXPENSIVE_FIELD_COST each against GRAPHQL_MAX_COMPLEXITY', async () => {
      const { version } = await new Scenario(p).init().then((sc) => sc.draft());
      const two = await p.gql(
        `query($v: ID!) { verifyAuditChain { valid } validateVersion(versionId: $v) { valid } }`,
        { v: version.id },
        admin.token,
      );
      expect({ status: two.status, code: errorCode(two) }).toEqual({ status: 400, code: 'BAD_REQUEST' });
      expect(two.errors![0]!.message).toMatch(/^The query costs 20\d\d points, more than the limit of 1500/);
      expect(
        ok(await p.gql(`{ verifyAuditChain { valid } }`, undefined, admin.token)).verifyAuditChain.valid,
      ).toBe(true);
    });

    it('an operation past GRAPHQL_OPERATION_TIMEOUT_MS starts no further field: TIMEOUT', async () => {
      const lock = new Client({ connectionString: p.db.url });
      await lock.connect();
      try {
        await lock.query(`BEGIN; LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE`);
        const pending = p.gql(`{ verifyAuditChain { valid } }`, undefined, admin.token);
        await new Promise((r) => setTimeout(r, 3500));
        await lock.query('COMMIT');
        const res = await pending;
        expect(res.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([
          { code: 'TIMEOUT', path: ['verifyAuditChain', 'valid'] },
        ]);
        expect(res.errors![0]!.message).toContain('time limit of 1500 ms');
      } finally {
        await lock.end();
      }
      expect(
        ok(await p.gql(`{ verifyAuditChain { valid } }`, undefined, admin.token)).verifyAuditChain.valid,
      ).toBe(true);
    });

    it('says no "Did you mean …?" in production (it does in development)', async () => {
      const query = `{ verifyAuditChan { valid } }`;
      const prod = await p.gql(query, undefined, admin.token);
      expect({ status: prod.status, code: errorCode(prod) }).toEqual({ status: 400, code: 'BAD_REQUEST' });
      expect(prod.errors![0]!.message).not.toMatch(/did you mean/i);
      const roles = `mutation($r: [Role!]!) { setUserRoles(userId: "${admin.id}", roles: $r) { roles } }`;
      const prodEnum = await p.gql(roles, { r: ['admn'] }, admin.token);
      expect({ status: prodEnum.status, code: errorCode(prodEnum) }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(JSON.stringify(prodEnum.errors)).not.toMatch(/did you mean/i);
      expect(prodEnum.errors![0]!.message).toBe(
        'Variable "$r" got invalid value "admn" at "r[0]"; Value "admn" does not exist in "Role" enum.',
      );
      const dev = await t.gql(query, undefined, everyone.token);
      expect(dev.errors![0]!.message).toMatch(/Did you mean "verifyAuditChain"/);
      expect((await t.gql(roles, { r: ['admn'] }, everyone.token)).errors![0]!.message).toMatch(
        /Did you mean the enum value "admin"/,
      );
      const live = await request(p.app.getHttpServer()).get('/health/live');
      expect(live.status).toBe(200);
    });
  });
});
