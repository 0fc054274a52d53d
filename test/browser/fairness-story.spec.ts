import type { Locator, Page } from 'playwright-core';
import { screenshot } from './screenshots';
import { editedDraft, readyDatasets, simulateUntilDone, strategyNamed, submitVersion } from './story-api';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-fairness-password';
const VIEWPORT = { width: 1440, height: 1000 };
const STRATEGY = 'Vehicle coupons (demo)';
const JUSTIFICATION =
  'Bar coupons skip drivers under 21 by law; the other gaps follow the survey’s acceptance models. ' +
  'Gender comes out of the models in version 3.';

/** The page's full width from the top of `from` (scrolled to the top of the viewport) to the bottom of `to`. */
async function shotOf(page: Page, name: string, from: Locator, to: Locator = from) {
  await from.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const top = (await from.boundingBox())!;
  const bottom = (await to.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  const y = Math.max(0, top.y - 12);
  await screenshot(page, name, {
    docs: true,
    clip: { x: 0, y, width, height: Math.min(bottom.y + bottom.height + 4, height) - y },
  });
}

/**
 * Issue 16's reviewer story for the fairness check and the per-action funnel, from the demo seed
 * (age band and gender marked protected; version 1 of the coupon strategy published). A designer
 * makes version 2 (the best two coupons instead of three) and submits it, an analyst simulates it on
 * the coupon sample (both through the API). In the browser the reviewer opens it from the review
 * queue, reads the fairness check in words and figures, follows the evidence link to the results and
 * reads how far each action gets and why candidates were dropped, comes back and approves with a
 * written justification (the check fails: the coupon models read age band and gender), which the
 * review history then shows.
 */
describe('studio: the fairness check and the per-action funnel (browser)', () => {
  const { api, studio, page, token, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: VIEWPORT },
    roles: ['designer', 'analyst'],
  });
  let v2Id: string;
  let simulationId: string;

  beforeAll(async () => {
    const { designer, analyst } = token as Record<string, string>;
    const strategy = await strategyNamed(api, designer, STRATEGY);
    const v1 = strategy.versions.find((v) => v.status === 'PUBLISHED')!;
    expect(v1).toBeDefined();

    // The designer's version 2: the best two coupons, one per venue type, instead of three.
    const v2 = await editedDraft(api, designer, v1, (n) =>
      n.type === 'rank'
        ? { ...n, label: 'Best 2, one per venue type', config: { ...n.config, limit: 2 } }
        : n,
    );
    v2Id = v2.id;
    expect(v2.valid).toBe(true);
    await submitVersion(api, designer, v2Id);

    // The analyst simulates exactly that content on the coupon sample.
    const coupons = (await readyDatasets(api, analyst)).find((d) => /coupon/i.test(d.name))!;
    simulationId = (await simulateUntilDone(api, analyst, { versionId: v2Id, datasetId: coupons.id })).id;
  }, 240_000);

  it('the reviewer finds version 2 in the review queue and opens it', async () => {
    await signInAt(page, `${studio.url}/#/strategies`, 'reviewer@arbiter.local', PASSWORD);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Review queue/ })
      .click();
    const queue = page.getByRole('list', { name: 'Waiting for your review' });
    const item = queue.getByRole('listitem').filter({ hasText: `${STRATEGY} · version 2` });
    await item.waitFor();
    expect(await queue.getByRole('listitem').count()).toBe(1);
    expect(await item.textContent()).toMatch(/1 completed simulation, fairness check below the threshold/);
    await screenshot(page, 'review-queue', { docs: true });
    await item.getByRole('link', { name: `${STRATEGY} · version 2` }).click();
    await page.waitForURL(new RegExp(`version=${v2Id}`));
    await page.getByRole('heading', { name: /^Version 2/ }).waitFor();
  });

  it('reads the fairness check of the simulation evidence in words and per group', async () => {
    const evidence = page.getByRole('region', { name: 'Simulation evidence' });
    await evidence.getByRole('link', { name: /^Results of the simulation on “.*coupon.*”$/i }).waitFor();
    const check = evidence.getByRole('region', { name: 'Fairness check' });
    // The verdict, then each case below the four-fifths floor in words, lowest ratio first.
    expect(await check.getByRole('heading').textContent()).toBe('Fairness check below the threshold');
    expect(await check.textContent()).toMatch(/cases? below the ratio floor of 0\.80/);
    const findings = await check
      .getByRole('list', { name: 'Below the ratio floor' })
      .getByRole('listitem')
      .allTextContents();
    expect(findings[0]).toMatch(
      /^age band below21 gets 'Bar coupon, valid 1 day' first at 0\.0% vs \d+\.\d% for \d+: ratio 0\.00, below 0\.80$/,
    );
    expect(findings.some((f) => /^gender (Female|Male) gets /.test(f))).toBe(true);
    // Per protected field, each group's rate of getting each coupon first, with the ratio.
    const byAge = check.getByRole('table', { name: 'Fairness by age band' });
    expect(await byAge.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^below21 \d+$/), 'Ratio (first)']),
    );
    const bar = byAge.getByRole('row').filter({ hasText: 'Bar coupon, valid 1 day' });
    expect(await bar.textContent()).toMatch(/0\.0%.*0\.00 below 0\.80/);
    const byGender = check.getByRole('table', { name: 'Fairness by gender' });
    expect(await byGender.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Female [\d,]+$/),
        expect.stringMatching(/^Male [\d,]+$/),
      ]),
    );
    await shotOf(page, 'review-fairness-check', evidence);
  });

  it('follows the evidence link and reads how far each action gets and why candidates were dropped', async () => {
    await page
      .getByRole('region', { name: 'Simulation evidence' })
      .getByRole('link', { name: /^Results of the simulation/ })
      .click();
    await page.waitForURL(new RegExp(`simulations/${simulationId}`));
    const heading = page.getByRole('heading', { name: 'How far each action gets' });
    await heading.waitFor();
    const perAction = page.getByRole('table', { name: 'Per action through the steps' });
    // The steps by their names, every coupon by its name, and where each loses most.
    expect(await perAction.getByRole('columnheader').allTextContents()).toEqual([
      'Action',
      'After In-car coupons',
      'After Suitability',
      'After Acceptance model',
      'After Relevance vs. commission',
      'After Best 2, one per venue type',
      'After Coupons to show',
      'Recommended (any rank)',
      'First',
      'Loses most at',
    ]);
    expect(await perAction.getByRole('row').count()).toBe(11); // the header and the ten coupons
    const bar2h = perAction.getByRole('row').filter({ hasText: 'Bar coupon, valid 2 hours' });
    expect(await bar2h.textContent()).toMatch(/Suitability/);
    // The step funnel counts why candidates left, in words.
    const funnel = page.getByRole('table', { name: 'Funnel per step' });
    const suitability = funnel.getByRole('row').filter({ hasText: 'Suitability' });
    const reasons = await suitability.locator('.sim-reasons li').allTextContents();
    expect(reasons).toContainEqual(
      expect.stringMatching(/^group bar rule: needs bar visits per month ≠ "never" \([\d,]+\)$/),
    );
    expect(reasons.join('\n')).not.toMatch(/\b(bar|coffee-house|restaurant-20-50)-(1d|2h)\b/); // names, not ids
    const ranked = await funnel
      .getByRole('row')
      .filter({ hasText: 'Best 2, one per venue type' })
      .locator('.sim-reasons li')
      .allTextContents();
    expect(ranked).toContainEqual(expect.stringMatching(/^below the top 2 by priority \([\d,]+\)$/));
    const section = page.getByRole('region', { name: 'How far each action gets' });
    // One picture from the per-action table down to the step funnel's reasons: a taller window for it.
    await page.setViewportSize({ width: 1440, height: 2400 });
    await shotOf(page, 'simulation-action-funnel', section, funnel);
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('goes back and approves with a written justification, which the review history shows', async () => {
    // A small window: the dialog with every finding is taller than it; its body scrolls, Approve stays in view.
    await page.setViewportSize({ width: 1440, height: 600 });
    await page.goBack();
    await page.getByRole('heading', { name: /^Version 2/ }).waitFor();
    await page.getByRole('button', { name: 'Approve', exact: true, disabled: false }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve this version' });
    await dialog.getByText('The fairness check of this version’s simulation failed:').waitFor();
    expect(await dialog.getByRole('listitem').first().textContent()).toMatch(
      /^age band below21 gets 'Bar coupon, valid 1 day' first/,
    );
    // No approval without the reason.
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/Write why approving is justified/)
      .waitFor();
    await dialog.getByLabel('Justification (required: why approve it anyway)').fill(JUSTIFICATION);
    await dialog.getByLabel('Comment (optional)').fill('Two coupons are enough on a small screen.');
    await screenshot(page, 'review-fairness-justification');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved.').waitFor();
    await page.getByRole('navigation', { name: 'Version history' }).getByText('Approved').waitFor();
    const justified = page.locator('.comment').filter({ hasText: JUSTIFICATION });
    await justified.waitFor();
    expect(await justified.textContent()).toMatch(/^you approved over the failed fairness check, because/);
    await page
      .locator('.comment')
      .filter({ hasText: 'Two coupons are enough on a small screen.' })
      .filter({ hasText: 'approved' })
      .waitFor();
    expect(browserErrors).toEqual([]);
  });
});
