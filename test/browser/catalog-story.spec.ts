import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ok } from '../api/api-process';
import { screenshot } from './screenshots';
import { signInAt, useScratchDir, useStory } from './support';

const PASSWORD = 'e2e-catalog-password';
const VIEWPORT = { width: 1280, height: 800 };

/**
 * The designer's catalog and schema story in a real browser against the built API with the demo
 * seed: inline edit (checked through the API), a validation error, a CSV import with one bad line,
 * a new schema field with allowed values; then an analyst finds the catalog read-only.
 */
describe('studio: the action catalog and customer schema (browser)', () => {
  const { api, studio, browser, page, token, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: VIEWPORT },
    roles: ['designer'],
  });
  const scratch = useScratchDir('arbiter-catalog-');

  const shot = (name: string, docs = false) => screenshot(page, name, { docs });
  /** Scrolls the action list to its first row (an edit or an import leaves it scrolled). */
  const listAtTop = async () => {
    await page.locator('.catalog-table-wrap').evaluate((list) => list.scrollTo(0, 0));
    await page.waitForFunction(
      () =>
        document.querySelector('.catalog-table-wrap')?.scrollTop === 0 &&
        document.querySelectorAll('.catalog-table tbody tr').length > 0,
    );
  };
  const action = async (id: string) =>
    ok(
      await api.gql(
        `query($id: String!) { action(id: $id) { name value cost attributes } }`,
        { id },
        token['designer'],
      ),
    ).action;

  const signIn = async (p: Page, who: string) => {
    await signInAt(p, `${studio.url}/#/strategies`, `${who}@arbiter.local`, PASSWORD);
    await p.getByRole('navigation', { name: 'Main' }).waitFor();
  };

  it('edits an action’s value inline and the API has it', async () => {
    await signIn(page, 'designer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
    await page.getByRole('heading', { name: 'Actions' }).waitFor();
    await page.getByText('Gold credit card').waitFor();
    await page.getByRole('button', { name: 'Edit gold-card' }).click();
    await page.getByLabel('Value of gold-card').fill('135.5');
    await page.getByLabel('Value of gold-card').press('Enter');
    // The published demo strategy offers the card: saving first says what the change does to it.
    const impact = page.getByRole('dialog');
    await impact
      .getByText(/Keeps deciding as approved/)
      .first()
      .waitFor();
    await impact.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByText('Saved gold-card.').waitFor();
    expect((await action('gold-card')).value).toBe(135.5);
    expect(await page.getByRole('row', { name: /gold-card/ }).textContent()).toContain('135.5');
  });

  it('says what is wrong with a bad value, next to the cell, and sends nothing', async () => {
    await page.getByRole('button', { name: 'Edit travel-insurance' }).click();
    await page.getByLabel('Value of travel-insurance').fill('sixty');
    await page.getByLabel('Value of travel-insurance').press('Enter');
    await page.getByText('Value "sixty" is not a number').waitFor();
    await shot('catalog-edit');
    await page.getByLabel('Value of travel-insurance').press('Escape');
    await page.getByLabel('Value of travel-insurance').waitFor({ state: 'detached' });
    expect((await action('travel-insurance')).value).toBe(60);
  });

  it('imports a CSV file: the bad line is named, the valid rows land in the catalog', async () => {
    const file = join(scratch, 'spring-offers.csv');
    writeFileSync(
      file,
      [
        'id,name,group,channel,value,cost,tags,attr.segment',
        'mortgage-review,Mortgage review,loans,call-center,300,40,loans|advice,gold',
        'gold-card,Gold credit card,cards,web,135.5,12,acquisition,',
        'spring bonus,Spring bonus,savings,app,lots,1,,',
        '"family-plan","Family plan, 4 people",savings,app,80,8,family,silver',
      ].join('\r\n'),
    );
    await page.getByLabel('Import CSV…').setInputFiles(file);
    const panel = page.getByRole('region', { name: 'Import from CSV' });
    await panel.getByText('Line 4: id: use letters, digits, "-" and "_" only').waitFor();
    await panel.getByText('Line 4: value: "lots" is not a number').waitFor();
    expect(await panel.getByText('4 rows: 2 new, 1 to update, 0 unchanged, 1 with problems').count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Import 3 actions' }).isDisabled()).toBe(true);
    await listAtTop();
    await shot('catalog-import', true);
    await panel.getByRole('button', { name: 'Import only the 3 valid rows' }).click();
    await panel.getByText('Import finished: 2 created, 1 updated.').waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Family plan, 4 people').waitFor();
    await page.getByText('Mortgage review').waitFor();
    expect(await action('mortgage-review')).toEqual({
      name: 'Mortgage review',
      value: 300,
      cost: 40,
      attributes: { segment: 'gold' },
    });
    expect((await action('gold-card')).cost).toBe(12);
    await listAtTop();
    await shot('catalog', true);

    // Export, then read the export back in: every row is "no change".
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const exported = join(scratch, 'actions.csv');
    await download.saveAs(exported);
    expect(readFileSync(exported, 'utf8')).toContain(
      'mortgage-review,Mortgage review,loans,call-center,300,40,,,loans|advice,"{""segment"":""gold""}"',
    );
    await page.getByLabel('Import CSV…').setInputFiles(exported);
    await panel.getByText('16 rows: 0 new, 0 to update, 16 unchanged').waitFor();
    expect(await panel.getByRole('button', { name: 'Import 0 actions' }).isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  it('defines a customer field with allowed values', async () => {
    await page.getByRole('link', { name: 'Customer schema' }).click();
    await page.getByText('customer.segment').waitFor();
    await page.getByRole('button', { name: 'Add customer field' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a customer field' });
    await dialog.getByLabel('Name').fill('loyaltyTier');
    await dialog.getByLabel('Label').fill('loyalty tier');
    for (const value of ['basic', 'plus', 'premium']) {
      await dialog.getByLabel('Allowed values').fill(value);
      await dialog.getByLabel('Allowed values').press('Enter');
    }
    await dialog.getByRole('button', { name: 'Remove premium' }).waitFor();
    await shot('schema-dialog');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await page.getByText('Saved customer.loyaltyTier.').waitFor();
    await page
      .getByRole('row', { name: /customer\.loyaltyTier/ })
      .getByText('premium')
      .waitFor();
    const schema = ok(
      await api.gql(`{ dataSchema { customer { name type allowedValues label } } }`, {}, token['designer']),
    ).dataSchema;
    expect(schema.customer).toContainEqual({
      name: 'loyaltyTier',
      type: 'string',
      allowedValues: ['basic', 'plus', 'premium'],
      label: 'loyalty tier',
    });
    await shot('schema', true);
    expect(browserErrors).toEqual([]);
  });

  it('shows an analyst the catalog read-only, with the reason', async () => {
    const analyst = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(analyst, 'analyst');
    await analyst.getByRole('link', { name: 'Actions' }).click();
    await analyst.getByText('Read-only: Only designers change the action catalog.').waitFor();
    await analyst.getByText('Mortgage review').waitFor();
    const edit = analyst.getByRole('button', { name: 'Edit gold-card' });
    expect(await edit.isDisabled()).toBe(true);
    expect(await edit.getAttribute('title')).toBe('Only designers change the action catalog.');
    expect(await analyst.getByRole('button', { name: 'Add action' }).isDisabled()).toBe(true);
    expect(await analyst.getByLabel('Import CSV…').isDisabled()).toBe(true);
    await analyst.close();
  });
});
