import {
  blindModel,
  OFFER_LOG_MAPPING,
  OFFER_LOG_ROWS,
  offerLogCsv,
} from '../../apps/api/test/support/offer-log';
import { accessToken, ok } from '../api/api-process';
import { screenshot } from './screenshots';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-learning-password';
const VIEWPORT = { width: 1280, height: 900 };
const STRATEGY = 'Card or loan (learning)';
const ROWS = OFFER_LOG_ROWS;

/**
 * An analyst simulates a strategy whose score step holds a blind adaptive model per action over an
 * offer log, with "learn from outcomes while replaying" switched on, and reads the learning curve.
 */
describe('studio: a simulation that learns while replaying (browser)', () => {
  const { api, studio, page, browserErrors } = useStory({ password: PASSWORD, page: { viewport: VIEWPORT } });
  let versionId: string;

  beforeAll(async () => {
    const token = (role: string) => accessToken(api, `${role}@arbiter.local`, PASSWORD);
    const designer = await token('designer');
    for (const id of ['card', 'loan'])
      ok(
        await api.gql(
          `mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`,
          { i: { id, name: id === 'card' ? 'Credit card' : 'Personal loan', value: 10 } },
          designer,
        ),
      );
    // The demo declares a customer schema: the model's input and the draws' seed inputs join it.
    for (const [scope, name, type] of [
      ['customer', 'years', 'number'],
      ['customer', 'id', 'string'],
      ['context', 'decisionId', 'string'],
    ])
      ok(
        await api.gql(
          `mutation($i: DefineSchemaFieldInput!) { defineSchemaField(input: $i) { name } }`,
          { i: { scope, name, type } },
          designer,
        ),
      );
    const document = {
      schemaVersion: 1,
      nodes: [
        { id: 'offers', type: 'actions', label: 'Card and loan', config: { actionIds: ['card', 'loan'] } },
        {
          id: 'score',
          type: 'score',
          label: 'Adaptive propensity',
          config: {
            byAction: {
              card: blindModel('card', 'customer.years'),
              loan: blindModel('loan', 'customer.years'),
            },
          },
        },
        {
          id: 'best',
          type: 'rank',
          label: 'Likeliest first',
          config: { by: 'propensity', order: 'desc', limit: 1 },
        },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [
        { source: 'offers', target: 'score' },
        { source: 'score', target: 'best' },
        { source: 'best', target: 'out' },
      ],
    };
    versionId = ok(
      await api.gql(
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { versions { id } } }`,
        { i: { name: STRATEGY, document } },
        designer,
      ),
    ).createStrategy.versions[0].id;
    const upload = await fetch(`${api.url}/api/v1/datasets?name=${encodeURIComponent('Offer log')}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        authorization: `Bearer ${await token('analyst')}`,
        'x-dataset-mapping': JSON.stringify(OFFER_LOG_MAPPING),
      },
      // The log in time order; the customers' age in `years`, the field declared above.
      body: offerLogCsv('years'),
    });
    expect(upload.status).toBe(201);
  }, 300_000);

  it('starts a learning replay ordered by the log’s time column and shows the learning curve', async () => {
    await signInAt(page, `${studio.url}/#/strategies`, 'analyst@arbiter.local', PASSWORD);
    await page.getByRole('link', { name: 'Simulations' }).waitFor();
    await page.goto(`${studio.url}/#/simulations?version=${versionId}`);
    await page.getByRole('heading', { name: 'Start a simulation' }).waitFor();
    await page
      .getByLabel('Dataset', { exact: true })
      .selectOption({ label: `Offer log (${ROWS.toLocaleString('en-US')} rows)` });
    await page.getByRole('switch', { name: /Learn from outcomes while replaying/ }).check();
    const order = page.getByLabel('Order in time by', { exact: true });
    expect(await order.inputValue()).toBe('t');
    await screenshot(page, 'simulation-learning-start', { docs: true });
    await page.getByRole('button', { name: 'Start simulation' }).click();

    await Promise.race([
      page.waitForURL(/#\/simulations\/[0-9a-f-]{36}$/),
      page
        .getByRole('alert')
        .waitFor()
        .then(async () => {
          throw new Error(`the start failed: ${await page.getByRole('alert').textContent()}`);
        }),
    ]);
    await page.locator('h1 .status-pill', { hasText: 'Completed' }).waitFor({ timeout: 180_000 });
    const section = page.getByRole('region', { name: 'Learning while replaying' });
    await section.waitFor();
    expect(await section.textContent()).toContain('Learning from outcomes clearly helps on this log.');
    const figure = section.getByRole('figure', { name: 'Acceptance rate over time, learning and frozen' });
    expect(await figure.locator('.recharts-line').count()).toBe(2);
    expect(await section.getByRole('table', { name: 'Learning curve' }).locator('tbody tr').count()).toBe(10);
    await section.evaluate((s) => s.scrollIntoView());
    const box = (await section.boundingBox())!;
    await screenshot(page, 'simulation-learning-curve', {
      docs: true,
      clip: { x: 0, y: Math.max(0, box.y - 12), width: 1280, height: Math.min(box.height + 12, 900) },
    });
    expect(browserErrors).toEqual([]);
  });
});
