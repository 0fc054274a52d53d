import { GraphQLSchemaHost } from '@nestjs/graphql';
import request from 'supertest';
import { INVALID_DOC } from './support/fixtures';
import { MUTATIONS, type Call } from './support/operations';
import { useScenario } from './support/scenario';
import { errorCode, Role, useTestApp, useUser } from './support/test-app';

type Breaker = (call: Call) => Call;
/** Replaces variables of a correct call (`input.x` reaches into the `input` variable). */
const withVars =
  (changes: Record<string, unknown>): Breaker =>
  (call) => {
    const variables = structuredClone(call.variables ?? {});
    for (const [path, value] of Object.entries(changes)) {
      const [head, ...rest] = path.split('.');
      if (rest.length === 0) variables[head!] = value;
      else (variables[head!] as Record<string, unknown>)[rest.join('.')] = value;
    }
    return { ...call, variables };
  };

/** For every mutation: broken inputs and the fields VALIDATION_FAILED must name. */
const BAD_INPUTS: Record<string, [Breaker, string[]][]> = {
  trainModel: [
    [withVars({ 'i.datasetId': 'x', 'i.testShare': 0.9 }), ['input.datasetId', 'input.testShare']],
    [
      withVars({ 'i.positiveValues': [], 'i.seed': -1, 'i.predictors': ['x', 'x'] }),
      ['input.positiveValues', 'input.seed', 'input.predictors'],
    ],
    [withVars({ 'i.targetColumn': 'nope' }), ['input.targetColumn']],
    [withVars({ 'i.settings': { maxIter: 0 } }), ['input.settings.maxIter']],
  ],
  cancelTraining: [[withVars({ id: 'x' }), ['id']]],
  createAdaptiveModel: [
    [
      withVars({ 'i.explorationShare': 2, 'i.predictors': [{ input: 'age', type: 'number' }] }),
      ['input.explorationShare', 'input.predictors[0].input'],
    ],
    [
      withVars({
        'i.groupBy': 'region',
        'i.predictors': [{ input: 'customer.age', type: 'date' }],
        'i.noResponseHours': 24,
      }),
      ['input.groupBy', 'input.predictors[0].type', 'input.noResponseHours'],
    ],
    [withVars({ 'i.negativeOutcomes': ['accepted'] }), ['input.negativeOutcomes']],
    [
      withVars({ 'i.predictors': [{ input: 'customer.age', type: 'number', center: 40 }] }),
      ['input.predictors[0].spread'],
    ],
    [withVars({ 'i.priorModelId': '00000000-0000-4000-8000-000000000009' }), ['input.priorModelId']],
  ],
  reconfigureAdaptiveModel: [
    [withVars({ m: 'x' }), ['modelId']],
    [withVars({ 'i.maturity': -1, 'i.aucFloor': 1.5 }), ['input.maturity', 'input.aucFloor']],
    [withVars({ 'i.name': 'Another name' }), ['input.name']],
  ],
  freezeAdaptiveModel: [[withVars({ m: 'x' }), ['modelId']]],
  resetAdaptiveModel: [[withVars({ m: 'x' }), ['modelId']]],
  rollBackAdaptiveModel: [
    [withVars({ s: 'first' }), ['snapshotId']],
    [withVars({ s: '999999999' }), ['snapshotId']],
  ],
  login: [[withVars({ e: '' }), ['email']]],
  refreshToken: [[withVars({ r: 'not-a-refresh-token' }), ['refreshToken']]],
  logout: [[withVars({ r: 'x' }), ['refreshToken']]],
  createUser: [
    [withVars({ 'i.email': 'not-an-email', 'i.password': 'short' }), ['input.email', 'input.password']],
    [
      withVars({ 'i.displayName': '   ', 'i.roles': ['analyst', 'analyst'] }),
      ['input.displayName', 'input.roles'],
    ],
  ],
  setUserRoles: [[withVars({ u: 'not-a-uuid' }), ['userId']]],
  setUserActive: [[withVars({ u: '42' }), ['userId']]],
  createAction: [
    [withVars({ 'i.id': 'has space', 'i.name': '' }), ['input.id', 'input.name']],
    [
      withVars({ 'i.validFrom': '2026-02-01T00:00:00Z', 'i.validTo': '2026-01-01T00:00:00Z' }),
      ['input.validTo'],
    ],
    // Both at once: a wrong id does not hide the dates' order.
    [
      withVars({
        'i.id': 'has space',
        'i.validFrom': '2026-02-01T00:00:00Z',
        'i.validTo': '2026-01-01T00:00:00Z',
      }),
      ['input.id', 'input.validTo'],
    ],
    [withVars({ 'i.attributes': { name: 'shadow' } }), ['input.attributes']],
    [withVars({ 'i.tags': ['a', 'a'] }), ['input.tags']],
    [withVars({ 'i.tags': ['ok', 'a|b'] }), ['input.tags[1]']],
  ],
  updateAction: [
    [withVars({ 'i.expectedRevision': 0 }), ['input.expectedRevision']],
    [withVars({ 'i.name': '' }), ['input.name']],
  ],
  importActions: [
    [
      withVars({ 'i.create': [{ id: 'has space', name: '' }] }),
      ['input.create[0].id', 'input.create[0].name'],
    ],
    [withVars({ 'i.update': [{ id: 'x', expectedRevision: 0 }] }), ['input.update[0].expectedRevision']],
  ],
  deleteAction: [[withVars({ r: 0 }), ['expectedRevision']]],
  defineSchemaField: [
    [withVars({ 'i.name': '1st' }), ['input.name']],
    [withVars({ 'i.allowedValues': [1, 2] }), ['input.allowedValues']],
  ],
  removeSchemaField: [[withVars({ n: 'not a name' }), ['name']]],
  createStrategy: [
    [withVars({ 'i.name': '' }), ['input.name']],
    [withVars({ 'i.document': 'not a document' }), ['input.document']],
  ],
  importJsonRulesEngineRules: [
    [withVars({ n: '' }), ['name']],
    [withVars({ r: { rule: [] } }), ['rules']],
    [
      withVars({
        r: [
          {
            conditions: { all: [{ fact: 'x', params: { a: 1 }, operator: 'equal', value: 1 }] },
            event: { type: 'a' },
          },
        ],
      }),
      ['rules[0].conditions.all[0].params'],
    ],
  ],
  archiveStrategy: [[withVars({ id: 'nope' }), ['id']]],
  saveDraft: [
    [withVars({ 'i.document': [INVALID_DOC] }), ['input.document']],
    [
      withVars({ 'i.expectedRevision': 0, 'i.versionId': 'x' }),
      ['input.versionId', 'input.expectedRevision'],
    ],
  ],
  cloneVersion: [[withVars({ v: 'x' }), ['versionId']]],
  promoteExperimentArm: [
    [withVars({ s: 'x' }), ['strategyId']],
    [withVars({ v: 0 }), ['version']],
    [withVars({ step: ' ' }), ['splitStepId']],
    [withVars({ step: 'nowhere' }), ['splitStepId']],
    [withVars({ arm: 'third' }), ['arm']],
    [
      (c) => ({ ...c, query: c.query.replace('arm: $arm)', 'arm: $arm, positiveOutcomes: ["shown"])') }),
      ['positiveOutcomes[0]'],
    ],
  ],
  submitVersion: [[withVars({ v: 'x' }), ['versionId']]],
  approveVersion: [
    [(c) => ({ ...c, query: c.query.replace('comment: "ok"', 'comment: "   "') }), ['comment']],
    [
      (c) => ({ ...c, query: c.query.replace('comment: "ok"', 'comment: "ok", justification: " "') }),
      ['justification'],
    ],
  ],
  rejectVersion: [
    [(c) => ({ ...c, query: c.query.replace('comment: "not yet"', 'comment: ""') }), ['comment']],
  ],
  publishVersion: [[withVars({ v: 'x' }), ['versionId']]],
  rollbackStrategy: [
    [withVars({ s: 'x' }), ['strategyId']],
    [withVars({ v: 'y' }), ['toVersionId']],
    [
      (c) => ({ ...c, query: c.query.replace('reason: "back to the earlier version"', 'reason: "  "') }),
      ['reason'],
    ],
  ],
  retireVersion: [[withVars({ v: 'x' }), ['versionId']]],
  addComment: [[withVars({ 'i.body': ' ', 'i.nodeId': '' }), ['input.nodeId', 'input.body']]],
  createApiKey: [
    [
      withVars({ 'i.name': ' ', 'i.strategyIds': ['not-an-id'], 'i.rateLimitPerSecond': 0 }),
      ['input.name', 'input.strategyIds[0]', 'input.rateLimitPerSecond'],
    ],
  ],
  revokeApiKey: [[withVars({ id: 'x' }), ['id']]],
  recordOutcome: [[withVars({ 'i.outcome': 'shown', 'i.at': 'soon' }), ['input.outcome', 'input.at']]],
  runSimulation: [
    [withVars({ v: 'x' }), ['versionId']],
    [withVars({ d: 'y' }), ['datasetId']],
    [withVars({ b: 'z' }), ['baselineVersionId']],
  ],
  cancelSimulation: [[withVars({ id: 'x' }), ['id']]],
  deleteDataset: [[withVars({ id: '42' }), ['id']]],
  deleteSimulation: [[withVars({ id: 'nope' }), ['id']]],
  setSchemaFieldProtected: [[withVars({ n: 'not a name' }), ['name']]],
  setFairnessSettings: [
    [withVars({ i: { ratioFloor: 0, minGroupSize: 0 } }), ['input.ratioFloor', 'input.minGroupSize']],
  ],
  declareProfileSource: [[withVars({ n: 'Not A Name' }), ['name']]],
  eraseCustomer: [[withVars({ c: '   ' }), ['customerId']]],
};

/** Every mutation with bad input: VALIDATION_FAILED naming each bad field, and nothing written anywhere. */
describe('bad input on every mutation', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const everyone = useUser(t, Object.values(Role), 'all-roles');

  const snapshot = async () =>
    (
      await t.sql.query(
        `SELECT (SELECT count(*) FROM audit_log) a, (SELECT count(*) FROM users) u, (SELECT count(*) FROM actions) ac, (SELECT count(*) FROM schema_fields) f,
                (SELECT count(*) FROM strategies) s, (SELECT count(*) FROM review_comments) c, (SELECT count(*) FROM refresh_tokens) r,
                (SELECT coalesce(sum(revision), 0) FROM strategy_versions) v, (SELECT coalesce(sum(revision), 0) FROM actions) ar,
                (SELECT string_agg(status, ',' ORDER BY id) FROM strategy_versions) st, (SELECT string_agg(array_to_string(roles, '+') || active, ',' ORDER BY id) FROM users) ur`,
      )
    ).rows[0];

  it('covers every mutation of the schema', () => {
    expect(Object.keys(BAD_INPUTS).sort()).toEqual(
      Object.keys(t.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields()).sort(),
    );
  });

  for (const [name, cases] of Object.entries(BAD_INPUTS)) {
    it(`${name}`, async () => {
      for (const [brk, fields] of cases) {
        const call = brk(await MUTATIONS[name]!(s, t));
        const before = await snapshot();
        const res = await t.gql(call.query, call.variables, everyone.token);
        expect(errorCode(res)).toBe('VALIDATION_FAILED');
        const details = res.errors![0]!.extensions!.details!;
        expect(details.map((d) => d.field).sort()).toEqual(expect.arrayContaining([...fields].sort()));
        expect(details.every((d) => typeof d.message === 'string' && d.message.length > 0)).toBe(true);
        expect(await snapshot()).toEqual(before);
      }
    });
  }

  it('a variable of the wrong GraphQL type is VALIDATION_FAILED too', async () => {
    const res = await t.gql(
      `mutation($r: Int!) { deleteAction(id: "x", expectedRevision: $r) { id } }`,
      { r: 'two' },
      everyone.token,
    );
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(res.errors![0]!.extensions!.details![0]!.field).toBe('r');
  });

  it('a body that is not JSON, or too large, gets a GraphQL error a client can read', async () => {
    const post = (body: string) =>
      request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${everyone.token}`)
        .send(body);
    const malformed = await post('{"query": "{ me { id } "');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^The request body is not valid JSON: .+/),
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    const huge = await post(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(3 * 1024 * 1024)}` }));
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0]).toEqual({
      message: expect.stringContaining('larger than 2 MB'),
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
