import { rest } from './support/decision-api';
import {
  useAdaptiveSetup,
  decide,
  decideAndReport,
  eventually,
  FAST_LEARNER,
  status,
} from './support/adaptive';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { type TestApp, useTwoInstances } from './support/test-app';

// Loaded CI machines: outcomes are learned within a poll or two, but requests themselves may crawl.
jest.setTimeout(180_000);

/**
 * Two API instances on one database and Redis, both running the learner: one learns at a time (an
 * advisory lock), no outcome is counted twice, and a snapshot learned by either is served by both
 * (Redis pub/sub announcement).
 */
describe('adaptive models across two API instances', () => {
  const prefix = uniquePrefix('adaptive');
  const { a, b } = useTwoInstances({ REDIS_URL, REDIS_PREFIX: prefix, RUN_WORKER: 'false', ...FAST_LEARNER });
  const setup = useAdaptiveSetup(a, 'Two instances (adaptive)');
  afterAll(() => dropPrefix(prefix));

  const propensity = async (app: Pick<TestApp, 'app'>) => {
    const res = await rest(app, setup.key).post('/api/v1/decisions', {
      strategy: setup.published.strategyId,
      customer: { id: 'probe', age: 25 },
    });
    return res.body.actions[0].propensity as number;
  };

  it('learns every outcome exactly once, and both instances serve each new snapshot', async () => {
    expect(await propensity({ app: b })).toBeCloseTo(0.5, 5);
    // Outcomes arrive through both instances.
    await decideAndReport(a, setup, 30);
    await decideAndReport({ app: b }, setup, 30, 500);
    const learned = await eventually(
      () => status(a, setup.analyst.token, setup.modelId),
      (s) => s.evidence === 60,
    );
    expect(learned.evidence).toBe(60);
    const onA = await eventually(
      () => propensity(a),
      (p) => p > 0.6,
      10_000,
    );
    expect(
      await eventually(
        () => propensity({ app: b }),
        (p) => p === onA,
        5_000,
      ),
    ).toBe(onA);
    // A new snapshot (a reset through A) reaches B too.
    const { publisher } = setup.s;
    await a.gql(
      `mutation($m: ID!) { resetAdaptiveModel(modelId: $m, version: 1, reason: "instance test") { evidence } }`,
      { m: setup.modelId },
      publisher.token,
    );
    expect(
      await eventually(
        () => propensity({ app: b }),
        (p) => Math.abs(p - 0.5) < 1e-9,
        5_000,
      ),
    ).toBeCloseTo(0.5, 9);
    // Still nothing counted twice: the status says so after both learners had time to run.
    await decide(a, setup, { id: 'after', age: 30 });
    await new Promise((r) => setTimeout(r, 500));
    expect((await status(a, setup.analyst.token, setup.modelId)).evidence).toBe(0);
  });
});
