import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { DecisionLogWriter } from '../src/decision-log/decision-log.writer';
import { createApiKey, publishStrategy, rest, type Published } from './support/decision-api';
import { useScenario } from './support/scenario';
import { ok, Role, useTestApp, useUser } from './support/test-app';
import { defineCustomerFields, atLeast, pipelineDoc, createActions } from './support/fixtures';

/** A filter on a declared field, a 30-day cooldown after "declined", the best two. */
const POLICY_DOC = pipelineDoc(
  { id: 'all', type: 'actions' },
  { id: 'adults', type: 'filter', config: { condition: atLeast('age', 18) } },
  {
    id: 'policy',
    type: 'contactPolicy',
    config: { cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }] },
  },
  { id: 'arbitrate', type: 'arbitrate', config: { propensityWeight: 0, valueWeight: 1 } },
  { id: 'top', type: 'rank', config: { limit: 2 } },
  { id: 'output', type: 'output' },
);

describe('decision API (REST, one instance, no Redis)', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const admin = useUser(t, [Role.admin]);
  let strategy: Published;
  let key: string;
  const actions = ['gold-card', 'silver-card', 'bronze-card'];

  beforeAll(async () => {
    await createActions(
      t,
      s.designer.token,
      actions.map((id, i) => ({ id, name: id, value: 30 - i * 10, group: 'cards' })),
    );
    await defineCustomerFields(t, s.designer.token, [
      { name: 'age', type: 'number' },
      { name: 'segment', type: 'string', allowedValues: ['gold', 'silver'] },
    ]);
    strategy = await publishStrategy(t, s, POLICY_DOC, 'Cards');
    key = (await createApiKey(t, admin.token)).secret;
  });

  const decide = (body: Record<string, unknown>, k: string | undefined = key) =>
    rest(t, k).post('/api/v1/decisions', { strategy: strategy.strategyId, ...body });

  it('answers ranked actions of the PUBLISHED version, by id or by name, with a decisionId', async () => {
    const res = await decide({
      customer: { id: 'c-1', age: 40, segment: 'gold', email: 'not-logged@x.test' },
      context: { channel: 'web' },
    }).expect(200);
    expect(res.body).toEqual({
      decisionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      customerId: 'c-1',
      strategy: {
        id: strategy.strategyId,
        name: 'Cards',
        version: 1,
        versionId: strategy.versionId,
        contentHash: strategy.contentHash,
      },
      actions: [
        expect.objectContaining({ rank: 1, actionId: 'gold-card', priority: 30, value: 30 }),
        expect.objectContaining({ rank: 2, actionId: 'silver-card', priority: 20 }),
      ],
    });
    const byName = await rest(t, key)
      .post('/api/v1/decisions', { strategy: 'cards', customer: { id: 'c-2', age: 30 }, limit: 1 })
      .expect(200);
    expect(byName.body.actions.map((a: { actionId: string }) => a.actionId)).toEqual(['gold-card']);

    // Logged asynchronously: only the customer id and the fields the strategy reads (age), never the e-mail.
    await t.app.get(DecisionLogWriter).flush();
    const logged = await t.sql.query(
      `SELECT customer_id, version_id, content_hash, actions, inputs, latency_ms FROM decision_log WHERE id = $1`,
      [res.body.decisionId],
    );
    expect(logged.rows[0]).toMatchObject({
      customer_id: 'c-1',
      version_id: strategy.versionId,
      content_hash: strategy.contentHash,
    });
    expect(logged.rows[0].inputs).toEqual({ customer: { id: 'c-1', age: 40 }, context: { channel: 'web' } });
    expect(logged.rows[0].actions.map((a: { actionId: string }) => a.actionId)).toEqual([
      'gold-card',
      'silver-card',
    ]);
    expect(typeof logged.rows[0].latency_ms).toBe('number');
  });

  it('explains the decision in words when asked', async () => {
    const res = await decide({ customer: { id: 'c-3', age: 12 }, explain: true }).expect(200);
    expect(res.body.actions).toEqual([]);
    expect(res.body.explanation.join('\n')).toMatch(/adults \(filter\): 3 in, 0 out/);
    expect(res.body.explanation.join('\n')).toMatch(/dropped gold-card: .*12/);
    expect(res.body.trace.nodes.length).toBeGreaterThan(0);
  });

  it('refuses missing, unknown and revoked API keys with 401, in the REST error format', async () => {
    const none = await rest(t)
      .post('/api/v1/decisions', { strategy: strategy.strategyId, customer: { id: 'c' } })
      .expect(401);
    expect(none.body).toEqual({
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/API key/) },
    });
    await decide({ customer: { id: 'c' } }, 'arb_not-a-real-key').expect(401);
    const other = await createApiKey(t, admin.token, { name: 'to revoke' });
    await request(t.app.getHttpServer())
      .post('/api/v1/decisions')
      .set('x-api-key', other.secret)
      .send({ strategy: strategy.strategyId, customer: { id: 'c', age: 20 } })
      .expect(200);
    ok(
      await t.gql(
        `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
        { id: other.id },
        admin.token,
      ),
    );
    await decide({ customer: { id: 'c' } }, other.secret).expect(401);
    // The secret is never stored: only its SHA-256; creating and revoking are audited.
    const stored = await t.sql.query(`SELECT key_hash, prefix FROM api_keys WHERE id = $1`, [other.id]);
    expect(stored.rows[0].key_hash).not.toContain(other.secret);
    expect(other.secret.startsWith(stored.rows[0].prefix)).toBe(true);
    const audit = await t.sql.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [
      other.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['apiKey.create', 'apiKey.revoke']);
  });

  it('keeps a key to its strategies (403) and to its rate (429 with Retry-After)', async () => {
    const other = await publishStrategy(t, s, POLICY_DOC);
    const scoped = await createApiKey(t, admin.token, {
      strategyIds: [other.strategyId],
      rateLimitPerSecond: 1,
    });
    const refused = await decide({ customer: { id: 'c', age: 20 } }, scoped.secret).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 4; i++) {
      const res = await rest(t, scoped.secret).post('/api/v1/decisions', {
        strategy: other.strategyId,
        customer: { id: 'c', age: 20 },
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    // Burst of 2 (one spent on the 403 above), then 429.
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 with a code for an unknown strategy or one without a published version', async () => {
    const unknown = await rest(t, key)
      .post('/api/v1/decisions', { strategy: 'no-such-strategy', customer: { id: 'c' } })
      .expect(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    await rest(t, key)
      .post('/api/v1/decisions', { strategy: '00000000-0000-4000-8000-000000000000', customer: { id: 'c' } })
      .expect(404);
    const draft = await s.draft();
    const unpublished = await rest(t, key)
      .post('/api/v1/decisions', { strategy: draft.strategyId, customer: { id: 'c' } })
      .expect(404);
    expect(unpublished.body.error).toEqual({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/[Pp]ublished/),
    });
  });

  it('answers 400 with every field problem: request shape, then the declared customer schema', async () => {
    const shape = await rest(t, key)
      .post('/api/v1/decisions', { customer: { age: 3 }, limit: 0, extra: true })
      .expect(400);
    expect(shape.body.error.code).toBe('VALIDATION_FAILED');
    expect(shape.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(
      expect.arrayContaining(['strategy', 'customer.id', 'limit']),
    );
    // In words, not the validator's own ("Invalid input: expected string, received undefined").
    expect(shape.body.error.details).toContainEqual({ field: 'strategy', message: 'is required' });
    const wrongType = await rest(t, key).post('/api/v1/decisions', { strategy: 7, customer: [] }).expect(400);
    expect(wrongType.body.error.details).toEqual([
      { field: 'strategy', message: 'must be a string, not number' },
      { field: 'customer', message: 'must be an object, not a list' },
    ]);
    const schema = await decide({
      customer: { id: 'c', age: 'forty', segment: 'bronze' },
      context: { now: 'yesterday' },
    }).expect(400);
    expect(schema.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'context.now',
      'customer.age',
      'customer.segment',
    ]);
    expect(schema.body.error.details.every((d: { message: string }) => d.message.length > 0)).toBe(true);
    const notJson = await rest(t, key).post('/api/v1/decisions', []).expect(400);
    expect(notJson.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a path no route serves in the REST error format', async () => {
    const server = t.app.getHttpServer();
    const missing = await request(server)
      .post('/api/v1/decision')
      .set('authorization', `Bearer ${key}`)
      .send({})
      .expect(404);
    expect(missing.body).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: "There is no POST /api/v1/decision; the REST API's routes are listed at /api/docs.",
      },
    });
    // Elsewhere, and in GraphQL, nothing changes.
    expect((await request(server).get('/health/nothing-here').expect(404)).body).toMatchObject({
      statusCode: 404,
    });
    const gql = await request(server).post('/graphql').send({ query: '{ __typename }' }).expect(200);
    expect(gql.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a malformed or too large JSON body in the REST error format, without internals', async () => {
    const server = t.app.getHttpServer();
    const send = (body: string) =>
      request(server)
        .post('/api/v1/decisions')
        .set('authorization', `Bearer ${key}`)
        .set('content-type', 'application/json')
        .send(body);
    const malformed = await send('{"strategy": "cards", "customer": ').expect(400);
    expect(malformed.body).toEqual({
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^The request body is not valid JSON: .+/),
      },
    });
    const tooLarge = await send(
      JSON.stringify({ strategy: 'cards', customer: { id: 'c', note: 'x'.repeat(3 * 1024 * 1024) } }),
    ).expect(413);
    expect(tooLarge.body).toEqual({
      error: {
        code: 'BAD_REQUEST',
        message:
          'The request body is larger than 2 MB; send less data in one request (e.g. a smaller batch).',
      },
    });
    expect(JSON.stringify([malformed.body, tooLarge.body])).not.toMatch(/stack|node_modules|at .*\.js:\d+/);
  });

  it('answers the same however the JSON request is sent: charset, query string, request id, empty body', async () => {
    const server = t.app.getHttpServer();
    const body = JSON.stringify({
      strategy: strategy.strategyId,
      customer: { id: 'sent-many-ways', age: 30 },
    });
    const post = (path: string, contentType: string, text = body) =>
      request(server)
        .post(path)
        .set('authorization', `Bearer ${key}`)
        .set('content-type', contentType)
        .set('x-request-id', 'caller-trace-1')
        .send(text);
    const ranked = (res: request.Response) => res.body.actions.map((a: { actionId: string }) => a.actionId);
    const plain = await post('/api/v1/decisions', 'application/json').expect(200);
    const charset = await post('/api/v1/decisions', 'application/json; charset=utf-8').expect(200);
    const query = await post('/api/v1/decisions?source=test', 'application/json').expect(200);
    expect([ranked(charset), ranked(query)]).toEqual([ranked(plain), ranked(plain)]);
    expect([plain, charset, query].map((r) => r.headers['x-request-id'])).toEqual(
      Array(3).fill('caller-trace-1'),
    );
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    // No JSON body: the request's fields are missing, in the REST error format.
    for (const res of [
      await post('/api/v1/decisions', 'application/json', ''),
      await post('/api/v1/decisions', 'text/plain'),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const scalar = await post('/api/v1/decisions', 'application/json', '"text"').expect(400);
    expect(scalar.body.error).toEqual({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^The request body is not valid JSON/),
    });
  });

  it('suppresses an action after the customer declined it (contact policy reads the history)', async () => {
    const first = await decide({ customer: { id: 'decliner', age: 30 } }).expect(200);
    expect(first.body.actions.map((a: { actionId: string }) => a.actionId)).toEqual([
      'gold-card',
      'silver-card',
    ]);
    await rest(t, key)
      .post('/api/v1/outcomes', {
        decisionId: first.body.decisionId,
        actionId: 'gold-card',
        outcome: 'declined',
        channel: 'web',
        idempotencyKey: 'decline-1',
      })
      .expect(201);
    const second = await decide({ customer: { id: 'decliner', age: 30 }, explain: true }).expect(200);
    expect(second.body.actions.map((a: { actionId: string }) => a.actionId)).toEqual([
      'silver-card',
      'bronze-card',
    ]);
    expect(second.body.explanation.join('\n')).toMatch(/dropped gold-card: declined/);
    // Another customer is not affected.
    const other = await decide({ customer: { id: 'someone-else', age: 30 } }).expect(200);
    expect(other.body.actions[0].actionId).toBe('gold-card');

    await t.app.get(DecisionLogWriter).flush();
    const history = await rest(t, key).get('/api/v1/customers/decliner/interactions').expect(200);
    expect(history.body.windowDays).toBe(90);
    const kinds = history.body.interactions.map(
      (i: { actionId: string; outcome: string }) => `${i.outcome}:${i.actionId}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'declined:gold-card',
        'shown:gold-card',
        'shown:silver-card',
        'shown:bronze-card',
      ]),
    );
    const db = await t.sql.query(
      `SELECT outcome, count(*)::int AS n FROM interactions WHERE customer_id = 'decliner' GROUP BY outcome ORDER BY outcome`,
    );
    expect(db.rows).toEqual([
      { outcome: 'declined', n: 1 },
      { outcome: 'shown', n: 4 },
    ]);
  });

  it('gives each of many customers deciding at once its own history (windows read together)', async () => {
    const customers = [0, 1, 2, 3, 4, 5].map((i) => ({
      id: `together-${i}`,
      declines: i % 2 === 0 ? 'gold-card' : 'silver-card',
    }));
    for (const c of customers) {
      const first = await decide({ customer: { id: c.id, age: 30 } }).expect(200);
      await rest(t, key)
        .post('/api/v1/outcomes', {
          decisionId: first.body.decisionId,
          actionId: c.declines,
          outcome: 'declined',
          idempotencyKey: `${c.id}-declined`,
        })
        .expect(201);
    }
    // As fields of one GraphQL query (resolved concurrently: the windows are read together), then over REST at once.
    const fields = customers.map(
      (c, i) =>
        `d${i}: decide(strategyId: $s, input: { customer: { id: "${c.id}", age: 30 } }) { customerId actions }`,
    );
    const together = ok(
      await t.gql(`query($s: ID!) { ${fields.join(' ')} }`, { s: strategy.strategyId }, s.designer.token),
    ) as Record<string, { customerId: string; actions: { actionId: string }[] }>;
    const answers = await Promise.all(
      customers.map((c) => decide({ customer: { id: c.id, age: 30 } }).expect(200)),
    );
    for (const [i, c] of customers.entries()) {
      const expected =
        c.declines === 'gold-card' ? ['silver-card', 'bronze-card'] : ['gold-card', 'bronze-card'];
      expect(answers[i]!.body.customerId).toBe(c.id);
      expect(answers[i]!.body.actions.map((a: { actionId: string }) => a.actionId)).toEqual(expected);
      expect(together[`d${i}`]!.customerId).toBe(c.id);
      expect(together[`d${i}`]!.actions.map((a) => a.actionId)).toEqual(expected);
    }
  });

  it('stores an outcome once per idempotency key (header or body), also when sent at once', async () => {
    const d = await decide({ customer: { id: 'idem', age: 30 } }).expect(200);
    const body = {
      decisionId: d.body.decisionId,
      actionId: 'silver-card',
      outcome: 'accepted',
      channel: 'app',
      at: '2026-01-02T03:04:05Z',
    };
    const first = await rest(t, key).post('/api/v1/outcomes', body).set('idempotency-key', 'k-1').expect(201);
    expect(first.body).toMatchObject({
      customerId: 'idem',
      actionId: 'silver-card',
      outcome: 'accepted',
      replayed: false,
      idempotencyKey: 'k-1',
    });
    const again = await rest(t, key)
      .post('/api/v1/outcomes', { ...body, outcome: 'declined' })
      .set('idempotency-key', 'k-1')
      .expect(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    const racing = await Promise.all(
      [1, 2, 3, 4].map(() =>
        rest(t, key).post('/api/v1/outcomes', {
          customerId: 'idem',
          actionId: 'gold-card',
          outcome: 'clicked',
          idempotencyKey: 'k-2',
        }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const rows = await t.sql.query(
      `SELECT idempotency_key, count(*)::int AS n FROM interactions WHERE idempotency_key IN ('k-1', 'k-2') GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { idempotency_key: 'k-1', n: 1 },
      { idempotency_key: 'k-2', n: 1 },
    ]);
  });

  it('refuses outcomes for actions the decision did not return, unknown decisions and bad values', async () => {
    const d = await decide({ customer: { id: 'o', age: 30 }, limit: 1 }).expect(200);
    const wrongAction = await rest(t, key)
      .post('/api/v1/outcomes', {
        decisionId: d.body.decisionId,
        actionId: 'bronze-card',
        outcome: 'accepted',
      })
      .expect(400);
    expect(wrongAction.body.error.details).toEqual([
      { field: 'actionId', message: expect.stringMatching(/not returned/) },
    ]);
    await rest(t, key)
      .post('/api/v1/outcomes', {
        decisionId: '00000000-0000-4000-8000-000000000000',
        actionId: 'x',
        outcome: 'accepted',
      })
      .expect(400);
    // Every problem in one answer, the missing ids too.
    const bad = await rest(t, key).post('/api/v1/outcomes', { outcome: 'shown', at: 'soon' }).expect(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'actionId',
      'at',
      'customerId',
      'outcome',
    ]);
    const notAnObject = await rest(t, key).post('/api/v1/outcomes', []).expect(400);
    expect(notAnObject.body.error.details).toEqual([
      { field: 'body', message: 'must be an object, not a list' },
    ]);
    const missing = await rest(t, key).post('/api/v1/outcomes', { outcome: 'accepted' }).expect(400);
    expect(missing.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'actionId',
      'customerId',
    ]);
  });

  it('decides for up to 1,000 customers per batch call, and refuses more', async () => {
    const requests = Array.from({ length: 1000 }, (_, i) => ({
      customer: { id: `b-${i}`, age: 20 + (i % 50) },
    }));
    const res = await rest(t, key)
      .post('/api/v1/decisions:batch', { strategy: strategy.strategyId, requests })
      .expect(200);
    expect(res.body.results).toHaveLength(1000);
    expect(res.body.results[999]).toEqual({
      decisionId: expect.any(String),
      customerId: 'b-999',
      actions: [expect.objectContaining({ actionId: 'gold-card' }), expect.anything()],
    });
    expect(res.body.strategy.contentHash).toBe(strategy.contentHash);
    const tooMany = await rest(t, key)
      .post('/api/v1/decisions:batch', {
        strategy: strategy.strategyId,
        requests: [...requests, requests[0]],
      })
      .expect(400);
    expect(tooMany.body.error.details).toEqual([
      { field: 'requests', message: 'must hold at most 1000 requests per call' },
    ]);
    const badRow = await rest(t, key)
      .post('/api/v1/decisions:batch', {
        strategy: strategy.strategyId,
        requests: [requests[0], { customer: { id: 'x', age: 'old' } }],
      })
      .expect(400);
    expect(badRow.body.error.details).toEqual([
      { field: 'requests[1].customer.age', message: expect.any(String) },
    ]);
    await t.app.get(DecisionLogWriter).flush();
    const logged = await t.sql.query(
      `SELECT count(*)::int AS n FROM decision_log WHERE customer_id LIKE 'b-%'`,
    );
    expect(logged.rows[0].n).toBe(1000);
  });

  it('serves a valid OpenAPI document at /api/docs (and a page at /api/docs.html)', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs').expect(200);
    const doc = structuredClone(res.body);
    await expect(SwaggerParser.validate(doc)).resolves.toBeDefined();
    expect(Object.keys(res.body.paths).sort()).toEqual([
      '/api/v1/customers/{id}',
      '/api/v1/customers/{id}/export',
      '/api/v1/customers/{id}/interactions',
      '/api/v1/customers:batch',
      '/api/v1/customers:import',
      '/api/v1/customers:import/{importId}',
      '/api/v1/datasets',
      '/api/v1/datasets/inspect',
      '/api/v1/datasets/{id}',
      '/api/v1/decisions',
      '/api/v1/decisions:batch',
      '/api/v1/outcomes',
      '/api/v1/simulations/{id}/recommendations.csv',
    ]);
    expect(res.body.paths['/api/v1/datasets'].post.parameters).toContainEqual(
      expect.objectContaining({ name: 'X-Dataset-Id', in: 'header', required: false }),
    );
    expect(res.body.components.schemas.DecisionRequest.required).toEqual(
      expect.arrayContaining(['strategy', 'customer']),
    );
    await request(t.app.getHttpServer()).get('/api/docs.html').expect(200).expect('content-type', /html/);
  });

  it('the same operations in GraphQL for the studio: decide, recordOutcome, customerInteractions', async () => {
    const decided = ok(
      await t.gql(
        `query($s: ID!, $i: JSON!) { decide(strategyId: $s, input: $i, explain: true) { decisionId customerId strategy actions explanation } }`,
        { s: strategy.strategyId, i: { customer: { id: 'studio', age: 50 } } },
        s.designer.token,
      ),
    ).decide;
    expect(decided.actions[0].actionId).toBe('gold-card');
    expect(decided.explanation.length).toBeGreaterThan(0);
    const recorded = ok(
      await t.gql(
        `mutation($i: RecordOutcomeInput!) { recordOutcome(input: $i) { outcome customerId replayed } }`,
        { i: { decisionId: decided.decisionId, actionId: 'gold-card', outcome: 'declined' } },
        s.designer.token,
      ),
    ).recordOutcome;
    expect(recorded).toEqual({ outcome: 'declined', customerId: 'studio', replayed: false });
    const history = ok(
      await t.gql(
        `query { customerInteractions(customerId: "studio") { customerId windowDays interactions } }`,
        {},
        s.designer.token,
      ),
    ).customerInteractions;
    expect(history.interactions[0]).toMatchObject({ actionId: 'gold-card', outcome: 'declined' });
  });
});
