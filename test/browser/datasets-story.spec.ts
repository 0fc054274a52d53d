import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from './screenshots';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-datasets-password';
const COUPONS = join(
  __dirname,
  '..',
  '..',
  'apps',
  'api',
  'data',
  'samples',
  'uci-in-vehicle-coupon-recommendation',
  'in-vehicle-coupon-recommendation.csv',
);
const UPLOAD_NAME = 'Coupons from the studio';

/**
 * The coupon sample with three damaged rows appended, as real exports have: a temperature that is
 * not a number, an outcome that is not a yes/no word, and a row cut short. Lines 12686–12688.
 */
function couponsWithDamage(): Buffer {
  const text = readFileSync(COUPONS, 'utf8');
  const last = text.trimEnd().split('\r\n').pop()!.split(',');
  const withValue = (column: number, value: string) =>
    last.map((v, i) => (i === column ? value : v)).join(',');
  const damaged = [withValue(3, 'hot'), withValue(last.length - 1, 'maybe'), 'Home,Alone,Sunny'];
  return Buffer.from(`${text}${damaged.join('\r\n')}\r\n`);
}

/**
 * The analyst's datasets story in a real browser against the built API with the demo seed: upload
 * the coupon sample with a column mapping, follow the progress to READY, read the data-quality
 * report; a binary file is refused with a sentence; a designer may look but not upload.
 */
describe('studio: the datasets story (browser)', () => {
  const { studio, page, browser, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: { width: 1280, height: 800 } },
    consoleErrors: false,
  });

  const shot = (name: string, docs = false) => screenshot(page, name, { docs });

  const signIn = async (p: Page, role: string) => {
    await signInAt(p, `${studio.url}/#/datasets`, `${role}@arbiter.local`, PASSWORD);
  };

  it('lists the sample datasets for the analyst', async () => {
    await signIn(page, 'analyst');
    await page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
    const table = page.locator('.datasets-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await table.getByText('Ready').count()).toBeGreaterThanOrEqual(2);
  });

  it('uploads the coupon sample with a column mapping', async () => {
    await page.getByRole('button', { name: 'Upload a dataset' }).click();
    await page.getByLabel('Dataset file (CSV or JSON lines)').setInputFiles({
      name: 'in-vehicle-coupon-recommendation.csv',
      mimeType: 'text/csv',
      buffer: couponsWithDamage(),
    });
    await page.getByRole('heading', { name: 'Columns' }).waitFor();
    // Pre-filled from the file: the outcome Y and the offered coupon.
    expect(await page.getByLabel('Outcome column').inputValue()).toBe('Y');
    expect(await page.getByLabel('Dataset name').inputValue()).toBe('in-vehicle-coupon-recommendation');

    await page.getByLabel('Dataset name').fill(UPLOAD_NAME);
    // A column named as a declared field of another type is asked about, never mapped silently: the
    // analyst answers each question (here: onto the declared field, as the demo's strategies read it).
    const anyway = page.getByRole('button', { name: /^Use customer\..+ anyway$/ });
    while ((await anyway.count()) > 0) await anyway.first().click();
    // Validation before anything is sent: the customer id must be chosen.
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fix this problem before uploading' }).waitFor();

    await page.getByLabel('Customer id column').selectOption('(none)');
    await page.getByLabel('Logged action column(s)').fill('expiration');
    await page.getByLabel('Logged action column(s)').press('Enter');
    await page.getByLabel('Outcome column').selectOption('Y');
    await page.getByLabel('Column "car" becomes').selectOption({ label: 'Ignored' });
    await page.getByLabel('Column "direction_opp" becomes').selectOption({ label: 'Ignored' });
    // The age band is declared personal, so it would be hashed; the coupon strategy compares it, so keep it in clear.
    const ageRow = page.locator('tr', { has: page.getByRole('rowheader', { name: 'age', exact: true }) });
    expect(await ageRow.getByText(/^Hashed, customer\.age no longer compares with values/).count()).toBe(1);
    await page.getByLabel('Column "age" personal data').selectOption({ label: 'Personal: keep in clear' });
    expect(await ageRow.getByText(/^Hashed/).count()).toBe(0);
    await page.getByLabel('Segment columns').fill('weather');
    await page.getByLabel('Segment columns').press('Enter');
    expect(await page.getByText('Fix this problem before uploading').count()).toBe(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page
      .getByRole('heading', { name: 'Logged decisions (optional)' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -16));
    await shot('datasets-mapping', true);

    // Slow the upload down so its progress can be seen (and photographed).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 300 * 1024,
    });
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const progress = page.getByRole('region', { name: 'Upload progress' });
    await progress.waitFor();
    await progress.getByText(/[1-9][\d,]* rows read/).waitFor({ timeout: 30_000 });
    await shot('datasets-upload-progress', true);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.waitForURL(/#\/datasets\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByRole('heading', { name: UPLOAD_NAME }).waitFor();
    await page.locator('.ds-status-ready').waitFor();
  }, 120_000);

  it('reads the data-quality report: rows, rejected rows, column statistics', async () => {
    const figure = async (label: string) =>
      Number(
        (await page.locator('.figure', { hasText: label }).locator('.figure-value').textContent())!.replace(
          /,/g,
          '',
        ),
      );
    const read = await figure('Rows read');
    const kept = await figure('Rows kept');
    const rejected = await figure('Rows rejected');
    expect([read, kept, rejected]).toEqual([12687, 12684, 3]);

    const rejectedSection = page.locator('.report-section', {
      has: page.getByRole('heading', { name: 'Rejected rows' }),
    });
    const rows = await rejectedSection.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^12686temperaturenot a number/);
    expect(rows[1]).toMatch(/^12687Youtcome not recognised/);
    expect(rows[2]).toMatch(/^12688—wrong number of values/);
    expect(await rejectedSection.getByText('Showing 3 of 3 rejected rows.').count()).toBe(1);

    const columns = page.locator('.columns-table');
    const temperature = columns.locator('tr', {
      has: page.getByRole('rowheader', { name: 'temperature', exact: true }),
    });
    expect(await temperature.textContent()).toContain('30 – 80');
    expect(await page.getByLabel('Most frequent values of destination').textContent()).toContain(
      'No Urgent Place',
    );
    // Kept in clear as chosen; gender, also declared personal, was hashed by default.
    expect(
      await page.getByLabel('Most frequent values of age').locator('.top-value-name').allTextContents(),
    ).toEqual(['21', '26', '31', '50plus', '36']);
    // A number column shows how its values spread.
    expect(await page.getByLabel('Histogram of temperature').locator('li').count()).toBeGreaterThan(1);
    expect(await page.getByLabel('Most frequent values of gender').count()).toBe(0);
    expect(await page.locator('.mapping-used').textContent()).toContain('coupon + expiration');
    expect(
      await page.getByRole('link', { name: 'Simulate a strategy on this dataset' }).getAttribute('href'),
    ).toBe('#/simulations');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('dataset-quality', true);
    await columns.scrollIntoViewIfNeeded();
    await shot('dataset-quality-columns');
  });

  it('refuses a binary file with a sentence', async () => {
    await page.getByRole('link', { name: '← Datasets' }).click();
    await page.getByRole('button', { name: 'Upload a dataset' }).click();
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    await page
      .getByLabel('Dataset file (CSV or JSON lines)')
      .setInputFiles({ name: 'customers.xlsx', mimeType: 'application/octet-stream', buffer: zip });
    const error = page.getByRole('alert').filter({ hasText: '"customers.xlsx" cannot be imported' });
    await error.waitFor();
    const text = (await error.textContent())!;
    expect(text).toContain('not CSV or JSON lines. Export the data as CSV');
    expect(text).not.toMatch(/[{}]/);
    expect(await page.getByRole('button', { name: 'Upload and import' }).count()).toBe(0);
    await shot('datasets-binary-refused');
  });

  it('lets a designer read the datasets but not upload, with the reason', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const designer = await context.newPage();
    await signIn(designer, 'designer');
    const upload = designer.getByRole('button', { name: 'Upload a dataset' });
    await upload.waitFor();
    expect(await upload.isDisabled()).toBe(true);
    expect(await upload.getAttribute('title')).toBe('Only analysts upload datasets.');
    await designer.getByRole('link', { name: UPLOAD_NAME }).click();
    await designer.locator('.ds-status-ready').waitFor();
    expect(await designer.getByRole('button', { name: 'Delete' }).getAttribute('title')).toBe(
      'Only analysts delete datasets.',
    );
    await context.close();
  });

  it('ran without browser errors', () => {
    expect(browserErrors).toEqual([]);
  });
});
