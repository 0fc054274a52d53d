import { publishStrategy, rest } from './support/decision-api';
import {
  useAdaptiveSetup,
  createModel,
  decide,
  decideAndReport,
  eventually,
  FAST_LEARNER,
  postOutcome,
  scoringDocument,
  status,
} from './support/adaptive';
import { ok, useTestApp } from './support/test-app';

// Loaded CI machines: outcomes are learned within a poll or two, but requests themselves may crawl.
jest.setTimeout(180_000);

/**
 * Adaptive models learning end to end through REST (issue 18): decisions, then outcomes that carry
 * only a decisionId; the in-process learner (quick start: no Redis) learns them exactly once.
 */
describe('adaptive models learn from outcomes', () => {
  const t = useTestApp(FAST_LEARNER);
  const setup = useAdaptiveSetup(t, 'Card acceptance (adaptive)');

  /** The model's status once its evidence is `n` (polled: the learner works in the background). */
  const evidenceReaches = (n: number) =>
    eventually(
      () => status(t, setup.analyst.token, setup.modelId),
      (s) => s.evidence === n,
    );

  it('learns each outcome once: evidence rises and the next decision’s propensity moves the learned way', async () => {
    const young = { id: 'probe-young', age: 22 };
    const old = { id: 'probe-old', age: 68 };
    const before = (await decide(t, setup, young)).actions[0]!.propensity!;
    expect(before).toBeCloseTo(0.5, 5);
    expect((await decide(t, setup, old)).actions[0]!.propensity!).toBeCloseTo(0.5, 5);

    await decideAndReport(t, setup, 60);
    const learned = await evidenceReaches(60);
    expect(learned.positives).toBeGreaterThan(10);
    expect(learned.groups).toEqual([
      expect.objectContaining({ key: 'gold-card', name: 'Gold card', evidence: 60, mature: true }),
    ]);
    expect(learned.snapshots[0]).toMatchObject({ reason: 'learned', evidence: 60, createdBy: null });
    expect(learned.servingSpec).toMatchObject({
      type: 'adaptive',
      groupBy: 'action.id',
      groups: { 'gold-card': { evidence: 60 } },
    });
    expect(learned.rollingAuc).toBeGreaterThan(0.7);
    expect(learned.predictors[0]).toMatchObject({ input: 'customer.age' });
    expect(
      learned.predictors[0].bins.find((b: { label: string }) => b.label === 'per standard unit').weight,
    ).toBeLessThan(0);

    // The published plan swapped to the new snapshot: young customers now score higher, old ones lower.
    const after = await eventually(
      () => decide(t, setup, young),
      (d) => d.actions[0]!.propensity! > 0.6,
      10_000,
    );
    expect(after.actions[0]!.propensity!).toBeGreaterThan(before);
    expect((await decide(t, setup, old)).actions[0]!.propensity!).toBeLessThan(0.4);
    // The studio's test panel scores with the same learned parameters.
    const tested = ok(
      await t.gql(
        `query($i: TestDecisionInput!) { testDecision(input: $i) { recommendations } }`,
        { i: { versionId: setup.published.versionId, input: { customer: young } } },
        setup.s.designer.token,
      ),
    ).testDecision;
    expect(tested.recommendations[0].propensity).toBe((await decide(t, setup, young)).actions[0]!.propensity);
  });

  it('never counts an outcome twice: a repeated idempotency key stores one outcome, which is learned once', async () => {
    const start = (await status(t, setup.analyst.token, setup.modelId)).evidence as number;
    const { decisionId } = await decide(t, setup, { id: 'dup-1', age: 30 });
    const first = await postOutcome(t, setup, {
      decisionId,
      outcome: 'accepted',
      idempotencyKey: 'dup-key-1',
    });
    expect(first.status).toBe(201);
    const again = await rest(t, setup.key).post('/api/v1/outcomes', {
      decisionId,
      outcome: 'accepted',
      idempotencyKey: 'dup-key-1',
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, replayed: true });
    await evidenceReaches(start + 1);
    // A later outcome is learned after it, and the repeated one never is.
    await decideAndReport(t, setup, 3, 1000);
    const s = await evidenceReaches(start + 4);
    expect(s.evidence).toBe(start + 4);
  });

  it('answers an outcome for an unknown decision with VALIDATION_FAILED naming decisionId, and learns nothing from it', async () => {
    const before = (await status(t, setup.analyst.token, setup.modelId)).evidence;
    const res = await rest(t, setup.key).post('/api/v1/outcomes', {
      decisionId: '00000000-0000-4000-8000-000000000001',
      outcome: 'accepted',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'decisionId' })],
    });
    // An outcome by customer and action only is recorded for contact policies, but has no decision to learn from.
    const loose = await rest(t, setup.key).post('/api/v1/outcomes', {
      customerId: 'c-loose',
      actionId: 'gold-card',
      outcome: 'accepted',
    });
    expect(loose.status).toBe(201);
    // An outcome name the model maps neither way ("clicked") is skipped, and learning goes on.
    const { decisionId } = await decide(t, setup, { id: 'c-click', age: 30 });
    const clicked = await postOutcome(t, setup, { decisionId, outcome: 'clicked' });
    expect(clicked.status).toBe(201);
    await decideAndReport(t, setup, 1, 2000);
    const s = await evidenceReaches(before + 1);
    expect(s.evidence).toBe(before + 1);
  });

  it('explores by Thompson draws in the share configured, seeded by the decision, and says so in the trace', async () => {
    const explorer = ok(
      await createModel(t, setup.analyst.token, 'Explorer (adaptive)', { explorationShare: 1 }),
    ).createAdaptiveModel.id as string;
    const strategy = await publishStrategy(t, setup.s, scoringDocument(explorer), setup.s.unique('Explore'));
    const ask = async () => {
      const res = await rest(t, setup.key).post('/api/v1/decisions', {
        strategy: strategy.strategyId,
        customer: { id: 'e-1', age: 30 },
        explain: true,
      });
      expect(res.status).toBe(200);
      return res.body as { actions: { propensity: number }[]; explanation: string[] };
    };
    const [first, second] = [await ask(), await ask()];
    // Two decisions, two seeds: two different draws around the prior's 0.5; each one's trace names the draw.
    expect(first.actions[0]!.propensity).not.toBe(second.actions[0]!.propensity);
    expect(first.explanation.join('\n')).toMatch(/exploration/i);
  });
});
