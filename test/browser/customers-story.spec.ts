import { accessToken, ok } from '../api/api-process';
import { screenshot } from './screenshots';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-customers-password';

/** A CRM extract: the demo schema's segment and churn risk, one column no field is declared for, one bad row. */
const CRM_EXTRACT = [
  'customer_no,Segment,churnRisk,favourite_colour',
  'C-42,gold,0.71,green',
  'C-43,silver,0.12,blue',
  'C-44,platinum,0.5,red',
].join('\n');

/**
 * The analyst's customers story in a real browser against the built API with the demo seed: an
 * admin has declared the CRM as a source; the analyst imports a CRM extract as profiles (columns
 * mapped to declared fields, an undeclared column left out, a bad row reported), then looks up a
 * customer and sees each field with its source and age, a recent decision with its explanation,
 * and the per-source freshness summary.
 */
describe('studio: the customers story (browser)', () => {
  const { api, studio, page, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: { width: 1280, height: 900 } },
    consoleErrors: false,
  });
  let analystToken: string;

  beforeAll(async () => {
    ok(
      await api.gql(
        `mutation { declareProfileSource(name: "crm", description: "CRM nightly extract") { name } }`,
        {},
        await accessToken(api, 'admin@arbiter.local', PASSWORD),
      ),
    );
    analystToken = await accessToken(api, 'analyst@arbiter.local', PASSWORD);
  });

  it('imports a CRM extract as profiles', async () => {
    await signInAt(page, `${studio.url}/#/customers`, 'analyst@arbiter.local', PASSWORD);
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Import profiles from a file' }).click();
    await page.getByLabel('File (CSV or JSON lines)').setInputFiles({
      name: 'crm-extract.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CRM_EXTRACT),
    });
    const columns = page.getByRole('table', { name: 'Columns to import' });
    await columns.waitFor();
    expect(await page.getByLabel('Customer id column').inputValue()).toBe('customer_no');
    // Each column maps onto a declared field or is left out; a column no field is declared for starts left out.
    expect(await page.getByLabel('Customer field for favourite_colour').inputValue()).toBe('');
    expect(await page.getByLabel('Customer field for Segment').inputValue()).toBe('segment');
    await page.getByLabel('Source', { exact: true }).selectOption('crm');
    await screenshot(page, 'customers-import-mapping', { docs: true });

    await page.getByRole('button', { name: 'Import profiles' }).click();
    const result = page.getByRole('status', { name: 'Import result' });
    await result.waitFor();
    expect(await result.textContent()).toContain('2 of 3 rows imported from source crm: 4 values written');
    expect(await result.textContent()).toContain('Line 4');
    await screenshot(page, 'customers-import-result');
  });

  it('looks up a customer: each field with its source and age; the per-source summary', async () => {
    // A real decision about C-42 with a published demo strategy: the look-up explains it.
    const strategies = ok(
      await api.gql<{
        strategies: { edges: { node: { id: string; versions: { status: string }[] } }[] };
      }>(`{ strategies { edges { node { id versions { status } } } } }`, {}, analystToken),
    ).strategies.edges.map((e) => e.node);
    const published = strategies.find((s) => s.versions.some((v) => v.status === 'PUBLISHED'))!;
    ok(
      await api.gql(
        `query($s: ID!, $i: JSON!) { decide(strategyId: $s, input: $i) { decisionId } }`,
        { s: published.id, i: { customer: { id: 'C-42' } } },
        analystToken,
      ),
    );
    await page.getByLabel('Customer id', { exact: true }).fill('C-42');
    await page.getByRole('button', { name: 'Look up' }).click();
    const profile = page.getByRole('region', { name: 'Customer C-42' });
    await profile.waitFor();
    const segment = await profile.locator('tr', { hasText: 'segment' }).textContent();
    expect(segment).toContain('gold');
    expect(segment).toContain('crm');
    expect(segment).toContain('today');
    // The recent decision, explained in sentences (the decision log is written in batches: look up again until it is in).
    const why = profile.getByRole('list', { name: /^Why, decision of / }).first();
    for (let i = 0; i < 20 && !(await why.isVisible()); i++) {
      await page.waitForTimeout(250);
      await page.getByRole('button', { name: 'Look up' }).click();
    }
    expect(await why.textContent()).toMatch(/Recommended|Nothing was recommended/);
    expect(await why.textContent()).toMatch(/Based on:|It read no customer field/);
    const summary = page.getByRole('region', { name: 'Freshness and completeness per source' });
    await summary.getByText('crm — CRM nightly extract').waitFor();
    expect(await summary.textContent()).toContain('2 customers with a profile');
    await profile.scrollIntoViewIfNeeded();
    await screenshot(page, 'customers-profile', { docs: true });
    expect(browserErrors).toEqual([]);
  });
});
