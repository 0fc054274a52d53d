import type { Request } from 'playwright-core';
import { Client } from 'pg';
import { screenshot } from './screenshots';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-catalog-scale-password';
const ACTIONS = 10_000;

/**
 * The Actions screen on a catalog of 10,000 actions (written straight into the database: the
 * story is about reading them). It reads one page and the summary, keeps about forty rows in the
 * page whatever the size, searches and filters on the server, reads further pages as the list is
 * scrolled, and keeps its header in view.
 */
describe('studio: the action catalog at scale (browser)', () => {
  const { api, studio, page } = useStory({
    password: PASSWORD,
    page: { viewport: { width: 1440, height: 900 } },
  });
  const graphql: string[] = [];

  beforeAll(async () => {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO actions (id, name, "group", channel, value, cost, tags, attributes)
         SELECT 'offer-' || lpad(i::text, 5, '0'), 'Offer number ' || i, 'group-' || (i % 40), CASE WHEN i % 2 = 0 THEN 'web' ELSE 'email' END,
                i % 500, 1, ARRAY['bulk'], jsonb_build_object('rank', i)
           FROM generate_series(1, $1::int) AS i`,
        [ACTIONS],
      );
    } finally {
      await db.end();
    }
    page.on('request', (r: Request) => {
      if (r.url().endsWith('/graphql')) graphql.push(r.postData() ?? '');
    });
    await signInAt(page, `${studio.url}/#/strategies`, 'designer@arbiter.local', PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }, 300_000);

  const rows = () => page.locator('.catalog-table tbody tr.action-row');
  const catalogReads = () => graphql.filter((q) => /CatalogPage|CatalogSummary/.test(q));

  it('opens with one page and the summary, and renders only the rows in view', async () => {
    graphql.length = 0;
    const started = Date.now();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
    await page.getByText('offer-00001').waitFor();
    // For the record (not asserted: the machine is shared): click to first row.
    console.log(`Actions screen with ${ACTIONS} actions: first rows after ${Date.now() - started} ms`);
    expect(await page.locator('.catalog-count').textContent()).toMatch(/^10,0\d\d actions in \d+ groups$/);
    expect(catalogReads()).toHaveLength(2);
    expect(await rows().count()).toBeLessThan(60);
    expect(await page.locator('main *').count()).toBeLessThan(2_500);
    await screenshot(page, 'catalog-10000-actions');
  });

  it('keeps the header in view and reads the next pages as the list scrolls', async () => {
    const box = page.locator('.catalog-table-wrap');
    const header = page.locator('.catalog-table thead th').first();
    const top = (await box.boundingBox())!.y;
    const rendered = () => rows().locator('td:first-child').allTextContents();
    // To the end of what is read, again and again: each time the next page comes.
    for (let i = 0; i < 30 && (await rendered()).at(-1)! <= 'offer-00300'; i++) {
      await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(300);
    }
    expect((await rendered()).at(-1)! > 'offer-00300').toBe(true);
    expect(Math.abs((await header.boundingBox())!.y - top)).toBeLessThan(3);
    expect(await rows().count()).toBeLessThan(60);
    expect(catalogReads().filter((q) => q.includes('CatalogPage')).length).toBeGreaterThanOrEqual(4);
  });

  it('searches and filters on the server', async () => {
    graphql.length = 0;
    await page.getByLabel('Search actions').fill('offer-0777');
    await page
      .locator('.catalog-count')
      .getByText(/^Showing 10 of 10,0\d\d actions$/)
      .waitFor();
    expect(await rows().count()).toBe(10);
    expect(catalogReads().some((q) => q.includes('offer-0777'))).toBe(true);
    await page.getByLabel('Search actions').fill('');
    await page.getByLabel('Filter by group').selectOption('group-7');
    await page
      .locator('.catalog-count')
      .getByText(/^Showing 250 of/)
      .waitFor();
    await page.getByText('offer-00007').waitFor();
    await page.getByLabel('Filter by group').selectOption('');
    await page
      .locator('.catalog-count')
      .getByText(/actions in \d+ groups$/)
      .waitFor();
  });
});
