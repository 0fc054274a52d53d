import { DecisionLogWriter } from '../src/decision-log/decision-log.writer';
import { createApiKey, publishStrategy, rest, type Published } from './support/decision-api';
import { mutate, VALID_DOC, createActions } from './support/fixtures';
import { splitDocument } from './support/experiments';
import { useScenario } from './support/scenario';
import { errorCode, ok, Role, useTestApp } from './support/test-app';

const RESULTS = `query($s: ID!, $v: Int, $p: [String!]) {
  experimentResults(strategyId: $s, version: $v, positiveOutcomes: $p) {
    strategyId version status positiveOutcomes alpha minDecisions
    splits { splitStepId label verdict winner summary comparisonAlpha
      arms { arm label percent champion decisions outcomes positives rate rateLow rateHigh difference differenceLow differenceHigh pValue verdict } }
  }
}`;
const PROMOTE = `mutation($s: ID!, $v: Int!, $step: String!, $arm: String!) {
  promoteExperimentArm(strategyId: $s, version: $v, splitStepId: $step, arm: $arm) { id number status document createdBy }
}`;

/**
 * A champion / challenger split answered through the decision API, outcomes reported through
 * POST /api/v1/outcomes: the experiment counts each arm's decisions and outcomes, calls the winner
 * only once the always-valid test has a verdict, and promotes it as a draft that goes through review.
 */
describe('experiments on split steps', () => {
  const t = useTestApp();
  const s = useScenario(t);
  let key: string;
  let strategy: Published;
  /** What the test sent, per arm: decisions, outcomes and decisions with a positive outcome. */
  const sent = {
    champion: { decisions: 0, outcomes: 0, positives: 0 },
    challenger: { decisions: 0, outcomes: 0, positives: 0 },
  };
  let customers = 0;

  beforeAll(async () => {
    await createActions(
      t,
      s.designer.token,
      ['offer-a', 'offer-b'].map((id) => ({ id, name: id.replace('-', ' ') })),
    );
    strategy = await publishStrategy(t, s, splitDocument('offer-test'));
    key = (await createApiKey(t, (await t.user([Role.admin])).token)).secret;
  });

  /** The designer promotes `arm` of the split step "ab" of version 1. */
  const promote = (arm: string) =>
    t.gql(PROMOTE, { s: strategy.strategyId, v: 1, step: 'ab', arm }, s.designer.token);

  /**
   * Decisions for `n` new customers through the batch API, then their outcomes one by one through
   * the outcomes API: the challenger's customers accept with `rates.challenger`, the champion's with
   * `rates.champion`; every other customer declines. The arm shows in the answer: the challenger
   * returns the top action only.
   */
  async function traffic(n: number, rates: { champion: number; challenger: number }) {
    const requests = Array.from({ length: n }, () => ({
      customer: { id: `customer-${++customers}` },
      context: { now: '2026-12-01T10:00:00Z' },
    }));
    const res = await rest(t, key)
      .post('/api/v1/decisions:batch', { strategy: strategy.strategyId, requests })
      .expect(200);
    for (const [i, r] of (
      res.body.results as { decisionId: string; actions: { actionId: string }[] }[]
    ).entries()) {
      const arm = r.actions.length === 1 ? 'challenger' : 'champion';
      sent[arm].decisions++;
      // A deterministic share: every k-th customer of the arm accepts.
      const accepts = (sent[arm].decisions * rates[arm]) % 1 < rates[arm];
      const outcome = accepts ? 'accepted' : 'declined';
      await rest(t, key)
        .post('/api/v1/outcomes', {
          decisionId: r.decisionId,
          actionId: r.actions[0]!.actionId,
          outcome,
          idempotencyKey: `o-${i}-${r.decisionId}`,
        })
        .expect(201);
      sent[arm].outcomes++;
      if (accepts) sent[arm].positives++;
    }
    await t.app.get(DecisionLogWriter).flush();
  }

  const results = async (token = s.designer.token, variables: Record<string, unknown> = {}) =>
    ok(await t.gql(RESULTS, { s: strategy.strategyId, ...variables }, token)).experimentResults;

  it('logs the arm of each decision of a split strategy, and none for a strategy without a split', async () => {
    await traffic(40, { champion: 0.1, challenger: 0.5 });
    const logged = (
      await t.sql.query(`SELECT arms FROM decision_log WHERE version_id = $1`, [strategy.versionId])
    ).rows;
    expect(logged).toHaveLength(40);
    for (const row of logged)
      expect(row.arms).toEqual([
        { splitStepId: 'ab', arm: expect.stringMatching(/^(champion|challenger)$/) },
      ]);
    const plain = await publishStrategy(t, s, { ...VALID_DOC, description: 'no split' });
    await rest(t, key)
      .post('/api/v1/decisions', { strategy: plain.strategyId, customer: { id: 'customer-plain' } })
      .expect(200);
    await t.app.get(DecisionLogWriter).flush();
    expect(
      (await t.sql.query(`SELECT arms FROM decision_log WHERE version_id = $1`, [plain.versionId])).rows,
    ).toEqual([{ arms: null }]);
  });

  it('says it is too early while an arm has fewer decisions than the test needs, and refuses to promote', async () => {
    const r = await results();
    expect(r).toMatchObject({
      strategyId: strategy.strategyId,
      version: 1,
      status: 'PUBLISHED',
      positiveOutcomes: ['accepted', 'clicked', 'converted'],
      alpha: 0.05,
      minDecisions: 100,
    });
    const [split] = r.splits;
    expect(split).toMatchObject({
      splitStepId: 'ab',
      label: 'Offer test',
      verdict: 'TOO_EARLY',
      winner: null,
    });
    expect(split.summary).toMatch(
      /^Too early: keep running — .*The always-valid test allows looking at any time\.$/,
    );
    expect(split.arms.map((a: { arm: string; decisions: number }) => [a.arm, a.decisions])).toEqual([
      ['champion', sent.champion.decisions],
      ['challenger', sent.challenger.decisions],
    ]);
    const before = Number(
      (
        await t.sql.query(`SELECT count(*) AS n FROM strategy_versions WHERE strategy_id = $1`, [
          strategy.strategyId,
        ])
      ).rows[0].n,
    );
    const refused = await promote('challenger');
    expect(errorCode(refused)).toBe('INVALID_STATE');
    expect(refused.errors![0]!.message).toContain('no verdict yet');
    expect(
      Number(
        (
          await t.sql.query(`SELECT count(*) AS n FROM strategy_versions WHERE strategy_id = $1`, [
            strategy.strategyId,
          ])
        ).rows[0].n,
      ),
    ).toBe(before);
  });

  it('counts decisions, outcomes and positives per arm, and calls the clearly better challenger', async () => {
    await traffic(460, { champion: 0.1, challenger: 0.5 });
    const r = await results((await t.user([Role.analyst])).token);
    const [split] = r.splits;
    const [champion, challenger] = split.arms;
    for (const [arm, got] of [
      ['champion', champion],
      ['challenger', challenger],
    ] as const) {
      expect(got).toMatchObject({
        arm,
        decisions: sent[arm].decisions,
        outcomes: sent[arm].outcomes,
        positives: sent[arm].positives,
      });
      expect(got.rate).toBeCloseTo(sent[arm].positives / sent[arm].decisions, 10);
      expect(got.rateLow).toBeLessThan(got.rate);
      expect(got.rateHigh).toBeGreaterThan(got.rate);
    }
    expect(sent.champion.decisions + sent.challenger.decisions).toBe(500);
    expect(champion).toMatchObject({
      champion: true,
      percent: 50,
      difference: null,
      pValue: null,
      verdict: null,
    });
    expect(challenger).toMatchObject({ champion: false, verdict: 'CHALLENGER_BETTER' });
    expect(challenger.difference).toBeCloseTo(challenger.rate - champion.rate, 10);
    expect(challenger.differenceLow).toBeGreaterThan(0);
    expect(challenger.pValue).toBeLessThanOrEqual(0.05);
    expect(split).toMatchObject({
      verdict: 'CHALLENGER_BETTER',
      winner: 'challenger',
      comparisonAlpha: 0.05,
    });
    expect(split.summary).toMatch(
      /^“challenger” is better than the champion “champion”: .* Promote it as a new draft\.$/,
    );

    // Declines as the positive outcome: every outcome not accepted.
    const declines = (await results(s.designer.token, { p: ['declined'] })).splits[0].arms;
    expect(declines.map((a: { positives: number }) => a.positives)).toEqual([
      sent.champion.outcomes - sent.champion.positives,
      sent.challenger.outcomes - sent.challenger.positives,
    ]);
  });

  it('promotes the winner as a new draft without the split, which then goes through review', async () => {
    const wrongArm = await promote('champion');
    expect(errorCode(wrongArm)).toBe('INVALID_STATE');
    expect(wrongArm.errors![0]!.message).toContain('found "challenger" best');

    const draft = ok(await promote('challenger')).promoteExperimentArm;
    expect(draft).toMatchObject({ number: 2, status: 'DRAFT', createdBy: s.designer.id });
    expect(draft.document.nodes.map((n: { id: string }) => n.id)).toEqual([
      'candidates',
      'top',
      'join',
      'out',
    ]);
    expect(draft.document.edges).toEqual(
      expect.arrayContaining([
        { source: 'candidates', target: 'top' },
        { source: 'top', target: 'join' },
        { source: 'join', target: 'out' },
      ]),
    );
    const audit = (
      await t.sql.query(`SELECT action, comment FROM audit_log WHERE entity_id = $1`, [draft.id])
    ).rows;
    expect(audit).toEqual([
      {
        action: 'version.create',
        comment: expect.stringContaining('split step "ab" replaced by its winning arm "challenger"'),
      },
    ]);
    // The published version keeps deciding with the split until the draft is reviewed and published.
    expect((await results()).status).toBe('PUBLISHED');
    ok(await mutate.submit(t, s.designer.token, draft.id));
  });

  it('reads any version by number, and names what is missing', async () => {
    const v2 = await results(s.designer.token, { v: 2 });
    expect(v2).toMatchObject({ version: 2, status: 'IN_REVIEW', splits: [] });
    expect(errorCode(await t.gql(RESULTS, { s: strategy.strategyId, v: 9 }, s.designer.token))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(await t.gql(RESULTS, { s: '00000000-0000-4000-8000-000000000000' }, s.designer.token)),
    ).toBe('NOT_FOUND');
    const unpublished = await s.draft();
    const none = await t.gql(RESULTS, { s: unpublished.strategyId }, s.designer.token);
    expect(errorCode(none)).toBe('NOT_FOUND');
    expect(none.errors![0]!.message).toContain('Published version');
    const bad = await t.gql(RESULTS, { s: strategy.strategyId, p: ['bought'] }, s.designer.token);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0]!.extensions!.details![0]!.field).toBe('positiveOutcomes[0]');
  });
});
