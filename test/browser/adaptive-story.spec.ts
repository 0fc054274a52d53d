import { seededRandom } from '@arbiter/engine';
import { DEMO_ROLES, ok, postRest } from '../api/api-process';
import { lowContrastTexts, unlabelledControls } from './accessibility';
import { screenshot } from './screenshots';
import { createApiKey, publishVersion, submitVersion } from './story-api';
import {
  draftScoredByModel,
  reviewModelAdded,
  signInAsDemoUser,
  simulateOnCoupons,
  useStory,
} from './support';

const PASSWORD = 'e2e-adaptive-password';
const VIEWPORT = { width: 1440, height: 1000 };
const STRATEGY = 'Retail next best action (demo)';
const MODEL = 'Retail offers (adaptive)';

interface Customer {
  id: string;
  ageYears: number;
  segment: 'gold' | 'silver' | 'bronze';
  churnRisk: number;
  hasCard: boolean;
}

/**
 * The simulated population's true acceptance: customers at risk of churning take the retention
 * call, gold customers take travel insurance, the young take the savings plan; anything else is
 * rarely accepted. Which offer is better depends on who the customer is.
 */
function acceptance(c: Customer, actionId: string): number {
  if (actionId === 'retention-call') return c.churnRisk > 0.6 ? 0.7 : 0.04;
  if (actionId === 'travel-insurance') return c.segment === 'gold' ? 0.6 : 0.05;
  if (actionId === 'savings-plan') return c.ageYears < 30 ? 0.5 : 0.05;
  return 0.08;
}

/**
 * Issue 18's story, from the demo seed: an analyst creates an adaptive model in the studio; a
 * designer scores the retail strategy with it; the analyst's simulation is the evidence the
 * reviewer approves on; the publisher publishes. A script then posts decisions and outcomes through
 * the REST API (an API key) for a simulated population, and the Models screen shows the model
 * learning: evidence rising, its rolling AUC. A publisher freezes and then resets it, each with a
 * reason that the audit log keeps.
 */
describe('studio: adaptive models that keep learning (browser)', () => {
  const { api, studio, page, token, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: VIEWPORT },
    roles: DEMO_ROLES,
  });
  let modelId: string;
  let strategyId: string;
  let v2Id: string;
  let apiKey: string;
  const next = seededRandom(18);
  let posted = 0;

  const login = (role: string) => signInAsDemoUser(page, studio.url, role, PASSWORD);

  const status = async () =>
    ok(
      await api.gql(
        `query($m: ID!, $v: Int!) { adaptiveModelStatus(modelId: $m, version: $v) { evidence rollingAuc frozen servingSnapshotId snapshots { id seq reason } } }`,
        { m: modelId, v: 1 },
        token['analyst'],
      ),
    ).adaptiveModelStatus as {
      evidence: number;
      rollingAuc: number | null;
      frozen: boolean;
      servingSnapshotId: string | null;
      snapshots: { id: string; seq: number; reason: string }[];
    };

  /** Polls the model's status until `done` holds (the learner applies outcomes in the background). */
  const until = async (done: (s: Awaited<ReturnType<typeof status>>) => boolean, what: string) => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const s = await status();
      if (done(s)) return s;
      if (Date.now() > deadline)
        throw new Error(
          `${what}: still ${JSON.stringify({ evidence: s.evidence, rollingAuc: s.rollingAuc, frozen: s.frozen })}; the API said:\n${api.output().slice(-3000)}`,
        );
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  const rest = (path: string, body: unknown) => postRest(api, apiKey, path, body);

  /**
   * `count` customers ask for their next best offers (a batch of decisions); each is shown the
   * offers decided and accepts or declines each one with its true acceptance probability.
   */
  const postRound = async (count: number) => {
    const customers: Customer[] = Array.from({ length: count }, () => {
      const id = `c-${++posted}`;
      const segments = ['gold', 'silver', 'bronze'] as const;
      return {
        id,
        ageYears: 18 + Math.floor(next() * 55),
        segment: segments[Math.floor(next() * 3)]!,
        churnRisk: Math.round(next() * 100) / 100,
        hasCard: next() < 0.3,
      };
    });
    const { results } = (await rest('decisions:batch', {
      strategy: strategyId,
      requests: customers.map((customer) => ({ customer })),
    })) as {
      results: { decisionId: string; customerId: string; actions: { actionId: string }[] }[];
    };
    let outcomes = 0;
    for (const [i, r] of results.entries()) {
      for (const a of r.actions) {
        await rest('outcomes', {
          decisionId: r.decisionId,
          actionId: a.actionId,
          outcome: next() < acceptance(customers[i]!, a.actionId) ? 'accepted' : 'declined',
        });
        outcomes++;
      }
    }
    return outcomes;
  };

  /** The figure the model page shows under a label ("Evidence", "Rolling AUC"). */
  const figure = async (label: string) =>
    (await page
      .locator('.adaptive-figure')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('dd')
      .textContent())!.trim();

  const checkAccessibility = async () => {
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await lowContrastTexts(page)).toEqual([]);
  };

  it('the analyst creates an adaptive model: predictors from the schema, outcomes, exploration, maturity and a guard', async () => {
    await login('analyst');
    await page.getByRole('link', { name: 'Models' }).click();
    await page.getByRole('button', { name: 'New adaptive model' }).click();
    const form = page.getByRole('region', { name: 'New adaptive model' });
    // The form's own checks first: nothing is sent.
    await form.getByRole('button', { name: 'Create the model' }).click();
    await form.getByText('Give the model a name.').waitFor();
    await form.getByText('Choose at least one predictor.').waitFor();

    await form.getByRole('textbox', { name: 'Name' }).fill(MODEL);
    await form.getByRole('textbox', { name: 'Description' }).fill('Which retail offer each customer takes');
    for (const input of ['customer.segment', 'customer.churnRisk', 'customer.ageYears'])
      await form.getByRole('checkbox', { name: new RegExp(`^${input.replace('.', '\\.')} `) }).check();
    await form.getByLabel('Exploration share').fill('0.2');
    await form.getByLabel('Maturity (outcomes)').fill('50');
    await form.getByLabel('AUC floor').fill('0.55');
    await checkAccessibility();
    // The whole form in one picture.
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'adaptive-new-model', { docs: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await form.getByRole('button', { name: 'Create the model' }).click();

    await page.waitForURL(/#\/models\/[0-9a-f-]{36}$/);
    modelId = /#\/models\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: new RegExp(MODEL.replace(/[()]/g, '\\$&')) }).waitFor();
    await page.getByText(/Nothing learned yet/).waitFor();
    expect(await figure('Evidence')).toBe('0');
    await checkAccessibility();
    await screenshot(page, 'adaptive-created');
    expect(browserErrors).toEqual([]);
  }, 120_000);

  it('a designer scores the retail offers with it; the reviewer approves on a simulation; the publisher publishes', async () => {
    const draft = await draftScoredByModel(api, token['designer']!, {
      strategyName: STRATEGY,
      modelId,
      label: 'Adaptive propensity',
    });
    strategyId = draft.strategyId;
    v2Id = draft.versionId;
    expect({ valid: draft.valid, problems: draft.problems }).toEqual({ valid: true, problems: [] });

    // The score step's panel says the model is adaptive, learns from outcomes, and how much it explores.
    await login('designer');
    await page.goto(`${studio.url}/#/strategies/${strategyId}`);
    await page.getByText('Adaptive propensity').first().click();
    const card = page.getByRole('region', { name: `${MODEL} v1` });
    await card.getByText('20% of decisions draw from its uncertainty').waitFor();
    await card.getByText(/still learning: 0 of 50 outcomes/).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'adaptive-score-step', { docs: true });

    // The analyst simulates exactly this content: the evidence the reviewer approves on.
    const sim = await simulateOnCoupons(api, token['analyst']!, draft);
    expect(sim.error).toBeNull();

    await submitVersion(api, token['designer']!, v2Id);
    await login('reviewer');
    // The review names the adaptive model's configuration version the strategy pins.
    await reviewModelAdded(page, studio.url, { strategyId, versionId: v2Id, model: MODEL });
    await screenshot(page, 'adaptive-review-diff');
    await page.getByRole('button', { name: 'Approve', exact: true, disabled: false }).waitFor();
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // A failed fairness check of the simulation asks for a justification; a passed one does not.
    const justification = dialog.getByLabel('Justification (required: why approve it anyway)');
    if (await justification.count())
      await justification.fill(
        'Same offers and filters as version 1; only the propensity now learns. Demo data.',
      );
    else
      await dialog
        .getByLabel('Comment (optional)')
        .fill('Simulated; the model starts from no knowledge and explores 20%.');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved.').waitFor();

    await publishVersion(api, token['publisher']!, v2Id);
    apiKey = await createApiKey(api, token['admin']!, { name: 'adaptive story' });
    expect(browserErrors).toEqual([]);
  }, 300_000);

  it('decisions and outcomes posted through the REST API: the Models screen shows evidence rising and the rolling AUC', async () => {
    const first = await postRound(150);
    expect(first).toBeGreaterThan(150);
    const early = await until((s) => s.evidence >= first, 'the learner applies the first outcomes');

    await login('analyst');
    await page.goto(`${studio.url}/#/models/${modelId}`);
    await page.getByRole('figure', { name: 'Evidence and positives over time' }).waitFor();
    const seen = Number((await figure('Evidence')).replace(/,/g, ''));
    expect(seen).toBeGreaterThanOrEqual(early.evidence);

    // The page stays open and polls while more customers are decided for.
    const second = (await postRound(250)) + (await postRound(250));
    const later = await until(
      (s) => s.evidence >= first + second && s.rollingAuc !== null,
      'the learner applies every outcome',
    );
    await page.waitForFunction(
      (min) => {
        const dt = [...document.querySelectorAll('.adaptive-figure dt')].find(
          (d) => d.textContent === 'Evidence',
        );
        return Number(dt?.nextElementSibling?.textContent?.replace(/,/g, '')) >= min;
      },
      later.evidence,
      { timeout: 30_000 },
    );
    const auc = Number(await figure('Rolling AUC'));
    // Who takes what depends on segment, churn risk and age: the model ranks better than chance.
    expect(auc).toBeGreaterThan(0.6);
    expect(later.snapshots.length).toBeGreaterThan(1);
    await page.locator('.recharts-line path').first().waitFor();
    await checkAccessibility();
    await screenshot(page, 'adaptive-learning', { docs: true });
    await page.evaluate(() => document.getElementById('adaptive-predictors')!.scrollIntoView());
    await screenshot(page, 'adaptive-predictors');
    // Analysts see the controls, disabled with the reason on hover.
    expect(await page.getByRole('button', { name: 'Freeze…' }).getAttribute('title')).toBe(
      'Only publishers (and admins) freeze, reset or roll back an adaptive model.',
    );
    expect(browserErrors).toEqual([]);
  }, 300_000);

  it('a publisher freezes it and then resets it, each with a reason the audit log keeps', async () => {
    await login('publisher');
    await page.goto(`${studio.url}/#/models/${modelId}`);
    await page.getByRole('button', { name: 'Freeze…' }).click();
    let dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Reason (recorded in the audit log)')
      .fill('Campaign week: hold the model steady');
    await checkAccessibility();
    await dialog.getByRole('button', { name: 'Freeze' }).click();
    await page.getByText(/^Frozen · snapshot \S{8}$/).waitFor();
    await page.getByText(/Learning is frozen/).waitFor();
    const frozen = await until((s) => s.frozen, 'frozen');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'adaptive-frozen', { docs: true });

    // Frozen: outcomes keep arriving, but the served snapshot stays.
    await postRound(60);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await status()).servingSnapshotId).toBe(frozen.servingSnapshotId);

    await page.getByRole('button', { name: 'Reset…' }).click();
    dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Reason (recorded in the audit log)')
      .fill('Offers repriced: start learning again');
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await page.getByText(/^Reset: the model starts again/).waitFor();
    const reset = await until(
      (s) => s.servingSnapshotId !== frozen.servingSnapshotId,
      'reset serves a new snapshot',
    );
    expect(reset.evidence).toBeLessThan(frozen.evidence);
    await page.waitForFunction(
      (max) => {
        const dt = [...document.querySelectorAll('.adaptive-figure dt')].find(
          (d) => d.textContent === 'Evidence',
        );
        return Number(dt?.nextElementSibling?.textContent?.replace(/,/g, '')) < max;
      },
      frozen.evidence,
      { timeout: 30_000 },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'adaptive-reset');

    const entries = ok(
      await api.gql(
        `{ auditLog(page: { first: 50 }) { edges { node { action comment entityId actorEmail } } } }`,
        {},
        token['admin'],
      ),
    ).auditLog.edges.map(
      (e: {
        node: { action: string; comment: string | null; entityId: string | null; actorEmail: string | null };
      }) => e.node,
    );
    const mine = entries.filter((e: { entityId: string | null }) => e.entityId === `${modelId}@1`);
    expect(mine).toHaveLength(2);
    expect(mine.every((e: { actorEmail: string }) => e.actorEmail === 'publisher@arbiter.local')).toBe(true);
    expect(mine.map((e: { comment: string }) => e.comment).join('\n')).toMatch(
      /Campaign week: hold the model steady[^]*Offers repriced: start learning again|Offers repriced: start learning again[^]*Campaign week: hold the model steady/,
    );

    // The audit log screen shows both, with their reasons.
    await login('admin');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.locator('.audit-table').getByText('Offers repriced: start learning again').waitFor();
    await page.locator('.audit-table').getByText('Campaign week: hold the model steady').waitFor();
    await screenshot(page, 'adaptive-audit', { docs: true });
    expect(browserErrors).toEqual([]);
  }, 300_000);
});
