import type { BrowserContext, Page } from 'playwright-core';
import { accessToken, ok } from '../api/api-process';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-freshness-password';

/**
 * Never stale: two tabs of one browser (two pages of one context, each signed in) and a colleague
 * working through the API. What one of them adds shows up in the other tab when it gets the focus
 * back or navigates, without a reload.
 */
describe('studio: screens show current server data across tabs (browser)', () => {
  const { api, studio, browser } = useStory({ password: PASSWORD });
  let context: BrowserContext;
  let first: Page;
  let second: Page;
  let colleague: string;

  const signIn = async (page: Page) => {
    await signInAt(page, `${studio.url}/#/strategies`, 'designer@arbiter.local', PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  };
  /** The user comes back to this tab (the browser fires focus when a window is activated). */
  const comeBack = async (page: Page) => {
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  };
  const openNav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

  beforeAll(async () => {
    colleague = await accessToken(api, 'designer@arbiter.local', PASSWORD);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    first = await context.newPage();
    second = await context.newPage();
    await signIn(first);
    await signIn(second);
  }, 240_000);

  it('an action added in one tab shows in the other tab’s catalog when it gets the focus back', async () => {
    await openNav(second, 'Actions');
    const count = second.locator('.catalog-count');
    await count.getByText(/actions in/).waitFor();
    const before = await count.textContent();

    await openNav(first, 'Actions');
    await first.getByRole('button', { name: 'Add action' }).click();
    await first.getByLabel('Id of the new action').fill('fresh-offer');
    await first.getByLabel('Name of the new action').fill('Fresh offer');
    await first.getByLabel('Group of the new action').fill('fresh');
    await first.getByLabel('Name of the new action').press('Enter');
    await first.getByText('Saved fresh-offer.').waitFor();

    expect(await second.getByText('Fresh offer').count()).toBe(0);
    await comeBack(second);
    await second.getByText('Fresh offer').waitFor();
    expect(await count.textContent()).not.toBe(before);
    // The new group is offered in the filter too.
    expect(await second.getByLabel('Filter by group').locator('option', { hasText: 'fresh' }).count()).toBe(
      1,
    );
  });

  it('a strategy a colleague creates shows in the list on focus, and after navigating', async () => {
    await openNav(second, 'Strategies');
    await second.getByRole('heading', { name: 'Strategies' }).waitFor();
    ok(
      await api.gql(
        `mutation { createStrategy(input: { name: "Made by a colleague" }) { id } }`,
        {},
        colleague,
      ),
    );
    await comeBack(second);
    await second.getByText('Made by a colleague').waitFor();

    // The first tab was on Actions: it reads the list when it opens it.
    await comeBack(first);
    await openNav(first, 'Strategies');
    await first.getByText('Made by a colleague').waitFor();
  });

  it('a schema field added in one tab shows in the other after focus', async () => {
    await openNav(first, 'Customer schema');
    await openNav(second, 'Customer schema');
    await second.getByRole('heading', { name: 'Customer schema' }).waitFor();
    ok(
      await api.gql(
        `mutation { defineSchemaField(input: { scope: customer, name: "loyaltyTier", type: string }) { name } }`,
        {},
        colleague,
      ),
    );
    await comeBack(second);
    await second.getByText('loyaltyTier').first().waitFor();
  });
});
