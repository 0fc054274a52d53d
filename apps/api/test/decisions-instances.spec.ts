import { newDecisionId } from '../src/decision-log/decision-id';
import {
  createApiKey,
  publishNewVersion,
  publishStrategy,
  rest,
  within,
  type Published,
} from './support/decision-api';
import { VALID_DOC, VALID_DOC_TOP1, createActions } from './support/fixtures';
import { Scenario } from './support/scenario';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { ok, Role, type TestApp, useTwoInstances } from './support/test-app';

/**
 * Two API instances on one database: publishing or rolling back through one makes the other serve
 * the new version within 1 second — over Redis pub/sub (REDIS_URL) and in-process without it.
 */
describe.each([
  ['with Redis pub/sub', true],
  ['in-process (no REDIS_URL)', false],
])('published-plan cache across two API instances, %s', (_name, withRedis) => {
  const prefix = uniquePrefix('plan-cache');
  const { a, b } = useTwoInstances(withRedis ? { REDIS_URL, REDIS_PREFIX: prefix } : {});
  let s: Scenario;
  let key: string;

  beforeAll(async () => {
    s = await new Scenario(a).init();
    await createActions(
      a,
      s.designer.token,
      ['offer-a', 'offer-b'].map((id) => ({ id, name: id })),
    );
    key = (await createApiKey(a, (await a.user([Role.admin])).token)).secret;
  });
  afterAll(async () => {
    if (withRedis) await dropPrefix(prefix);
  });

  const servedBy = async (app: Pick<TestApp, 'app'>, strategy: Published) => {
    const res = await rest(app, key).post('/api/v1/decisions', {
      strategy: strategy.strategyId,
      customer: { id: 'c-1' },
    });
    return res.status === 200 ? (res.body.strategy.contentHash as string) : `HTTP ${res.status}`;
  };

  it('publish, rollback and retire through instance A reach instance B within 1 second', async () => {
    const v1 = await publishStrategy(a, s, { ...VALID_DOC, description: prefix });
    // Both instances cache version 1.
    expect(await servedBy(a, v1)).toBe(v1.contentHash);
    expect(await servedBy({ app: b }, v1)).toBe(v1.contentHash);

    const v2 = await publishNewVersion(a, s, v1, { ...VALID_DOC_TOP1, description: prefix });
    expect(
      await within(1000, async () => (await servedBy({ app: b }, v2)) === v2.contentHash),
    ).toBeGreaterThanOrEqual(0);
    expect(await servedBy(a, v2)).toBe(v2.contentHash);

    ok(
      await a.gql(
        `mutation($s: ID!, $v: ID!) { rollbackStrategy(strategyId: $s, toVersionId: $v, reason: "back to the earlier version") { id } }`,
        { s: v1.strategyId, v: v1.versionId },
        s.publisher.token,
      ),
    );
    expect(
      await within(1000, async () => (await servedBy({ app: b }, v1)) === v1.contentHash),
    ).toBeGreaterThanOrEqual(0);

    ok(
      await a.gql(
        `mutation($v: ID!) { retireVersion(versionId: $v) { id } }`,
        { v: v1.versionId },
        s.publisher.token,
      ),
    );
    expect(
      await within(1000, async () => (await servedBy({ app: b }, v1)) === 'HTTP 404'),
    ).toBeGreaterThanOrEqual(0);
  });
});

/**
 * A load balancer sends the outcome to another instance right after the decision (issue 15, item 5):
 * the decision may still be in the first instance's log buffer. A valid decisionId never gets a
 * non-retryable error; an unknown one still does.
 */
describe('an outcome sent to another instance right after the decision', () => {
  const { a, b } = useTwoInstances();
  let key: string;
  let strategyId: string;

  beforeAll(async () => {
    const s = await new Scenario(a).init();
    await createActions(a, s.designer.token, [{ id: 'offer-a', name: 'offer-a' }]);
    strategyId = (await publishStrategy(a, s, VALID_DOC)).strategyId;
    key = (await createApiKey(a, (await a.user([Role.admin])).token)).secret;
  });
  const outcomeOnB = (decisionId: string) =>
    rest({ app: b }, key).post('/api/v1/outcomes', { decisionId, outcome: 'accepted' });

  it('is stored once the deciding instance has written its log', async () => {
    for (let i = 0; i < 5; i++) {
      const decided = await rest(a, key).post('/api/v1/decisions', {
        strategy: strategyId,
        customer: { id: `lb-${i}` },
      });
      expect(decided.status).toBe(200);
      // As a caller does: a 503 says to send it again after Retry-After (the deciding instance
      // flushes every 200 ms, but a loaded machine may take longer than the wait).
      let res = await outcomeOnB(decided.body.decisionId);
      for (let retry = 0; res.status === 503 && retry < 5; retry++) {
        await new Promise((r) => setTimeout(r, Number(res.headers['retry-after']) * 1000));
        res = await outcomeOnB(decided.body.decisionId);
      }
      expect(res.status).toBe(201);
      expect(res.body.customerId).toBe(`lb-${i}`);
    }
  });

  it('answers 503 with Retry-After for a decision made moments ago that no instance has stored yet', async () => {
    const res = await outcomeOnB(newDecisionId());
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.error.code).toBe('UNAVAILABLE');
  });

  it('still refuses an unknown decision: an old id, or one the API never makes', async () => {
    for (const id of [newDecisionId(Date.now() - 10 * 60_000), '6f1c2f43-8f3e-4c55-9a51-0d8b0b5b2f10']) {
      const res = await outcomeOnB(id);
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('decisionId');
    }
  });
});
