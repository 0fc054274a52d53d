import { DEMO_ROLES, ok, postRest } from '../api/api-process';
import { lowContrastTexts, unlabelledControls } from './accessibility';
import { screenshot } from './screenshots';
import { createApiKey, publishVersion, readyDatasets, simulateUntilDone, submitVersion } from './story-api';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-experiments-password';
const VIEWPORT = { width: 1440, height: 900 };
const STRATEGY = 'Offer test (experiment)';

/**
 * Champion / challenger in a real browser against the built API with the demo seed: a strategy
 * whose split sends half the customers to the top three offers (champion) and half to the top one
 * (challenger) is published through review; a calling system asks for decisions and reports
 * outcomes through REST. The designer reads the experiment while it is too early, then once the
 * always-valid test has a verdict, and promotes the winner as a new draft that goes to review.
 */
describe('studio: an experiment on a split step (browser)', () => {
  const { api, studio, page, token, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: VIEWPORT },
    roles: DEMO_ROLES,
  });
  let apiKey: string;
  let strategyId: string;
  let customers = 0;

  const rest = (path: string, body: unknown) => postRest(api, apiKey, path, body);

  /**
   * `count` customers get their decisions; the challenger's customers (one action returned) accept
   * every second time, the champion's every tenth; the others decline.
   */
  const traffic = async (count: number) => {
    const { results } = (await rest('decisions:batch', {
      strategy: strategyId,
      requests: Array.from({ length: count }, () => ({ customer: { id: `customer-${++customers}` } })),
    })) as { results: { decisionId: string; actions: { actionId: string }[] }[] };
    for (const [i, r] of results.entries()) {
      const every = r.actions.length === 1 ? 2 : 10;
      await rest('outcomes', {
        decisionId: r.decisionId,
        actionId: r.actions[0]!.actionId,
        outcome: i % every === 0 ? 'accepted' : 'declined',
      });
    }
  };

  const simulate = async (versionId: string) => {
    const smallest = (await readyDatasets(api, token['analyst']!)).sort(
      (a, b) => a.rowCount - b.rowCount,
    )[0]!;
    await simulateUntilDone(api, token['analyst']!, { versionId, datasetId: smallest.id }, 120_000);
  };

  const card = () => page.getByRole('region', { name: 'Experiment Offer test' });

  beforeAll(async () => {
    const document = {
      schemaVersion: 1,
      nodes: [
        { id: 'offers', type: 'actions', label: 'All offers', position: { x: 0, y: 0 }, config: {} },
        {
          id: 'offer-test',
          type: 'split',
          label: 'Offer test',
          position: { x: 250, y: 0 },
          config: {
            mode: 'percentage',
            salt: 'offer-test-1',
            branches: [
              { id: 'three-offers', label: 'Three offers', percent: 50 },
              { id: 'one-offer', label: 'One offer', percent: 50 },
            ],
          },
        },
        {
          id: 'top3',
          type: 'rank',
          label: 'Top 3',
          position: { x: 500, y: -100 },
          config: { by: 'value', limit: 3 },
        },
        {
          id: 'top1',
          type: 'rank',
          label: 'Top 1',
          position: { x: 500, y: 100 },
          config: { by: 'value', limit: 1 },
        },
        { id: 'join', type: 'merge', label: 'Join', position: { x: 750, y: 0 }, config: {} },
        { id: 'out', type: 'output', label: 'Recommendations', position: { x: 1000, y: 0 }, config: {} },
      ],
      edges: [
        { source: 'offers', target: 'offer-test' },
        { source: 'offer-test', sourceHandle: 'three-offers', target: 'top3' },
        { source: 'offer-test', sourceHandle: 'one-offer', target: 'top1' },
        { source: 'top3', target: 'join' },
        { source: 'top1', target: 'join' },
        { source: 'join', target: 'out' },
      ],
    };
    const created = ok(
      await api.gql(
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id versions { id } } }`,
        { i: { name: STRATEGY, document } },
        token['designer'],
      ),
    ).createStrategy;
    strategyId = created.id;
    const versionId = created.versions[0].id as string;
    await submitVersion(api, token['designer']!, versionId);
    await simulate(versionId);
    ok(
      await api.gql(
        `mutation($v: ID!) { approveVersion(versionId: $v, comment: "ok", justification: "The split reads no protected field.") { status } }`,
        { v: versionId },
        token['reviewer'],
      ),
    );
    await publishVersion(api, token['publisher']!, versionId);
    apiKey = await createApiKey(api, token['admin']!, {
      name: 'experiment caller',
      strategyIds: [strategyId],
    });
  }, 300_000);

  it('while an arm has too few decisions, the designer reads "too early" and cannot promote', async () => {
    await traffic(60);
    await signInAt(page, `${studio.url}/#/strategies`, 'designer@arbiter.local', PASSWORD);
    await page.getByRole('link', { name: 'Strategies' }).waitFor();
    await page.goto(`${studio.url}/#/strategies/${strategyId}/review`);
    await page.getByRole('button', { name: 'Experiments' }).click();
    await card()
      .getByText(/^Too early: keep running — .*The always-valid test allows looking at any time\.$/)
      .waitFor();
    const rows = card().getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await card().getByRole('button', { name: 'Promote the winner as a new draft' }).isDisabled()).toBe(
      true,
    );
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await lowContrastTexts(page)).toEqual([]);
    await screenshot(page, 'experiments-too-early');
    expect(browserErrors).toEqual([]);
  }, 120_000);

  it('once the test has a verdict, the designer promotes the winner as a new draft that goes to review', async () => {
    await traffic(540);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await card()
      .getByText(/^“One offer” is better than the champion “Three offers”/)
      .waitFor({ timeout: 30_000 });
    const winner = card().getByRole('row').filter({ hasText: 'winner' });
    expect(await winner.textContent()).toContain('One offer');
    await screenshot(page, 'experiments-verdict', { docs: true });
    const promote = card().getByRole('button', { name: 'Promote the winner as a new draft' });
    expect(await promote.isEnabled()).toBe(true);
    await promote.click();
    await page
      .getByText(
        /^Version 2 is a new draft in which everyone takes “One offer” instead of the split “Offer test”/,
      )
      .waitFor();
    await screenshot(page, 'experiments-promoted');
    await page.getByRole('button', { name: 'Open it in Versions & review' }).click();
    const timeline = page.getByRole('navigation', { name: 'Version history' });
    await timeline.getByText('Draft').waitFor();
    const v2 = ok(
      await api.gql(
        `query($id: ID!) { strategy(id: $id) { versions { number status document } } }`,
        { id: strategyId },
        token['designer'],
      ),
    ).strategy.versions.find((v: { number: number }) => v.number === 2);
    expect(v2.status).toBe('DRAFT');
    expect(v2.document.nodes.map((n: { id: string }) => n.id)).toEqual(['offers', 'top1', 'join', 'out']);
    expect(browserErrors).toEqual([]);
  }, 180_000);
});
