import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { accessToken, ok } from '../api/api-process';
import { screenshot } from './screenshots';
import { editedDraft, readyDatasets, simulateUntilDone, strategyNamed } from './story-api';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-simulation-password';
const STRATEGY = 'Vehicle coupons (demo)';

/** A screenshot for the record, copied into the docs (the README shows it). */
const shot = (page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }) =>
  screenshot(page, name, { docs: true, ...(clip && { clip }) });

/**
 * The analyst's simulation story in a real browser against the built API with the demo seed
 * (version 1 of the coupon demo strategy published, the coupon sample imported). Version 2, set up
 * through the API, weighs the commission less against the acceptance models (value weight 0.5 → 0.25).
 * The analyst simulates it on the coupon sample against the published version, follows the progress,
 * reads the results and the comparison, and exports them as CSV; a reviewer reads the results but
 * cannot start a run.
 */
describe('studio: the simulation story (browser)', () => {
  const { api, studio, browser, page, browserErrors } = useStory({
    password: PASSWORD,
    // Small chunks: the run takes long enough to watch its progress.
    env: { SIMULATION_CHUNK_SIZE: '1000' },
    page: { viewport: { width: 1280, height: 800 }, acceptDownloads: true },
  });
  let datasetId: string;
  let v2Id: string;
  let simulationId: string;

  const login = async (p: Page, role: string) => {
    await signInAt(p, `${studio.url}/#/strategies`, `${role}@arbiter.local`, PASSWORD);
    await p.getByRole('link', { name: 'Simulations' }).waitFor();
  };

  beforeAll(async () => {
    const designer = await accessToken(api, 'designer@arbiter.local', PASSWORD);
    const strategy = await strategyNamed(api, designer, STRATEGY);
    // The demo seed takes version 1 through submit, a real simulation, approval and publishing.
    const v1 = strategy.versions[strategy.versions.length - 1]!;
    expect(v1.status).toBe('PUBLISHED');

    // Version 2: likelier acceptance first, the commission counting less (value^0.25 instead of value^0.5).
    const v2 = await editedDraft(api, designer, v1, (n) =>
      n.id === 'arbitrate'
        ? { ...n, label: 'Acceptance first', config: { ...n.config, valueWeight: 0.25 } }
        : n,
    );
    v2Id = v2.id;
    expect(v2.valid).toBe(true);
    datasetId = (await readyDatasets(api, designer)).find((d) => /coupon/i.test(d.name))!.id;
  }, 300_000);

  it('starts version 2 on the coupon sample against the published version and follows its progress', async () => {
    await login(page, 'analyst');
    await page.getByRole('link', { name: 'Simulations' }).click();
    await page.getByRole('heading', { name: 'Start a simulation' }).waitFor();
    await page.getByLabel('Strategy', { exact: true }).selectOption({ label: STRATEGY });
    await page.getByLabel('Version', { exact: true }).selectOption({ label: 'v2 · draft' });
    await page.getByLabel('Dataset', { exact: true }).selectOption(datasetId);
    const baseline = page.getByLabel('Compare with (baseline)', { exact: true });
    expect(await baseline.locator('option:checked').textContent()).toBe('v1 · published');
    await page.getByRole('button', { name: 'Start simulation' }).click();

    await page.waitForURL(/#\/simulations\/[0-9a-f-]{36}$/);
    simulationId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: `${STRATEGY} v2` }).waitFor();
    const bar = page.getByRole('progressbar', { name: 'Rows decided' });
    // The run may finish before the first poll lands: the bar is shown only while it runs.
    if (await bar.isVisible()) {
      expect(await page.locator('.job-progress-figures').textContent()).toMatch(/of 12,684 rows/);
      // For the picture only: a bar part-way is more telling than an empty one, if the run allows.
      await page
        .getByText(/^[1-9][\d,]* of 12,684 rows$/)
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
      if (await bar.isVisible()) await shot(page, 'simulation-progress');
    }
    await page.locator('h1 .status-pill', { hasText: 'Completed' }).waitFor({ timeout: 120_000 });
    expect(await bar.count()).toBe(0);
    // From progress to results in the same page, without reopening it: the charts are drawn at once,
    // at full size (no animation waiting for frames a background tab does not get).
    const bars = page
      .getByRole('figure', { name: 'Share of customers with each action on top' })
      .locator('.recharts-bar-rectangle path');
    await bars.first().waitFor();
    const widths = await bars.evaluateAll((paths) => paths.map((p) => p.getBoundingClientRect().width));
    expect(Math.max(...widths)).toBeGreaterThan(40);
  });

  it('shows the results as charts and tables', async () => {
    const perAction = page.getByRole('table', { name: 'Per action', exact: true });
    await perAction.waitFor();
    // Several coupons come first for someone, shown by name; none of the retail offers is even a candidate.
    for (const name of [
      'Carry out & take away coupon, valid 1 day',
      'Restaurant under $20 coupon, valid 1 day',
      'Restaurant $20–50 coupon, valid 1 day',
      'Bar coupon, valid 1 day',
    ])
      expect(await perAction.textContent()).toContain(name);
    expect(await perAction.textContent()).not.toContain('Gold card');
    expect(
      await page
        .getByRole('figure', { name: 'Share of customers with each action on top' })
        .locator('.recharts-bar-rectangle')
        .count(),
    ).toBeGreaterThanOrEqual(4);
    expect(await page.getByRole('table', { name: 'Funnel per step' }).textContent()).toContain('Suitability');
    expect(await page.getByText(/came without a propensity/).count()).toBe(0);
    // The coupon strategy reads only what the coupon sample holds, in clear.
    expect(await page.getByLabel('About this dataset').count()).toBe(0);
    // Off-policy: replay from the logged coupon and answer, with its interval. The survey logged no
    // propensities, so IPS and SNIPS have no estimate.
    const estimates = page.getByRole('table', { name: 'Estimates for the top recommendation' });
    const estimate = (name: string) =>
      estimates.getByRole('row', { name: new RegExp(`^${name}`) }).textContent();
    expect(await estimate('Logged policy')).toMatch(/\d%.*\d% to \d.*%/);
    expect(await estimate('Replay')).toMatch(/\d%.*\d% to \d.*%/);
    expect(await estimate('IPS')).toContain('no estimate');
    await page
      .getByRole('heading', { name: 'Which action customers get first' })
      .evaluate((h) => h.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, -16));
    await shot(page, 'simulation-results');
  });

  it('compares with the published version: the customers whose top action changed', async () => {
    await page.getByRole('tab', { name: 'Compare with v1' }).click();
    await page.getByRole('heading', { name: 'Customers whose top action changed' }).waitFor();
    expect(await page.locator('.sim-headline').textContent()).toMatch(
      /of customers \([\d,]+ of 12,684\) get a different first action/,
    );
    const examples = page.getByRole('table', { name: 'Examples of customers whose top action changed' });
    expect(await examples.locator('tbody tr').count()).toBeGreaterThan(0);
    // From one coupon to another: every customer had a coupon under both versions.
    expect(await examples.locator('tbody tr').first().textContent()).toMatch(/valid 1 day.*valid 1 day/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'simulation-compare');
  });

  it('exports the results as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export results as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^simulation-[0-9a-f]{8}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(
      /^kind,id,name,top_action,top_action_baseline,rows_draft,rows_baseline,rows_delta,top_draft,top_baseline,top_delta,/,
    );
    // Weighing the commission less: the cheap take-away coupon comes first more often, the $20–50 restaurant less.
    // Names with a comma are quoted: set them aside before splitting.
    const topDelta = (id: string) =>
      Number(
        lines
          .find((l) => l.startsWith(`action,${id},`))!
          .replace(/"[^"]*"/g, 'name')
          .split(',')[10],
      );
    expect(topDelta('carry-out-1d')).toBeGreaterThan(0);
    expect(topDelta('restaurant-20-50-1d')).toBeLessThan(0);
    expect(browserErrors).toEqual([]);
  });

  it('says why the retail strategy recommends nothing on the coupon sample: the fields it reads are not there', async () => {
    // The seed simulated it on its own (retail) sample; an analyst runs it on the drivers' data instead.
    const analyst = await accessToken(api, 'analyst@arbiter.local', PASSWORD);
    const retailVersion = ok(
      await api.gql(`{ strategies { edges { node { name publishedVersion { id } } } } }`, {}, analyst),
    ).strategies.edges.find((e: { node: { name: string } }) => /^Retail next best action/.test(e.node.name))
      .node.publishedVersion.id;
    const run = await simulateUntilDone(api, analyst, { versionId: retailVersion, datasetId });
    await page.goto(`${studio.url}/#/simulations/${run.id}`);
    await page.getByRole('heading', { name: /Retail next best action/ }).waitFor();
    const note = page.getByLabel('About this dataset');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /^The strategy reads customer\.ageYears, .*which this dataset does not have/,
    );
    expect(await page.getByText('No action was recommended to any customer.').count()).toBe(1);
    await shot(page, 'simulation-data-warning', { x: 0, y: 0, width: 1280, height: 660 });

    // The published version's simulation is its evidence: its delete button is disabled, with the reason.
    const remove = page.getByRole('button', { name: 'Delete', exact: true });
    expect(await remove.isDisabled()).toBe(true);
    expect(await remove.getAttribute('title')).toMatch(
      /^This simulation is evidence of version \d+, which is PUBLISHED: its results are kept/,
    );
  });

  it('lets a reviewer read the results but not start a simulation', async () => {
    const reviewer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(reviewer, 'reviewer');
    await reviewer.goto(`${studio.url}/#/simulations/${simulationId}`);
    await reviewer.getByRole('table', { name: 'Per action', exact: true }).waitFor();
    await reviewer.goto(`${studio.url}/#/simulations?version=${v2Id}`);
    const start = reviewer.getByRole('button', { name: 'Start simulation' });
    await start.waitFor();
    expect(await start.isDisabled()).toBe(true);
    expect(await start.locator('xpath=..').getAttribute('title')).toBe(
      'Only analysts run, cancel and delete simulations.',
    );
    // The list of recent runs loads after the form: wait for it before counting.
    await reviewer.getByRole('link', { name: STRATEGY }).first().waitFor();
    expect(await reviewer.getByRole('link', { name: STRATEGY }).count()).toBeGreaterThanOrEqual(2);
    await reviewer.close();
  });

  it('lets the analyst delete the draft’s simulation from its page, after confirmation', async () => {
    await page.goto(`${studio.url}/#/simulations/${simulationId}`);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this simulation?' });
    await dialog.getByRole('button', { name: 'Delete simulation' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/#\/simulations$/);
    const analyst = await accessToken(api, 'analyst@arbiter.local', PASSWORD);
    const gone = await api.gql(
      `query($id: ID!) { simulation(id: $id) { id } }`,
      { id: simulationId },
      analyst,
    );
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(browserErrors).toEqual([]);
  });
});
