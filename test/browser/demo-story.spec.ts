import { DEMO_ROLES, ok } from '../api/api-process';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-demo-password';

/**
 * The demo tells one story per strategy (issue 22). A designer opens the retail strategy: the test
 * panel proposes a bank customer, no coupon driver, and the arbitration step's preview ranks retail
 * offers for them. Opening the coupon strategy, it proposes the coupon survey's drivers.
 */
describe('studio: each demo strategy is tested on customers of its own business line (browser)', () => {
  const { api, studio, page, token, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: { width: 1440, height: 900 } },
    roles: DEMO_ROLES,
  });
  const strategyIds: Record<string, string> = {};

  /** Opens the strategy in the editor on its Test tab; returns the name of the customer under test and the examples offered. */
  const openTest = async (name: string) => {
    await page.goto(`${studio.url}/#/strategies/${strategyIds[name]}`);
    await page.locator('[data-testid=step-arbitrate]').waitFor();
    await page.getByRole('tab', { name: 'Test' }).click();
    const testing = page.locator('.test-panel p', { hasText: 'Now testing:' }).locator('strong');
    await testing.waitFor();
    const options = await page.locator('#sample-pick option').allTextContents();
    return {
      testing: await testing.textContent(),
      examples: options.filter((o) => o.startsWith('Example:')),
    };
  };

  beforeAll(async () => {
    const edges = ok(await api.gql(`{ strategies { edges { node { id name } } } }`, {}, token['designer']))
      .strategies.edges as { node: { id: string; name: string } }[];
    for (const { node } of edges) strategyIds[node.name] = node.id;
    await signInAt(page, `${studio.url}/#/strategies`, 'designer@arbiter.local', PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('the retail strategy: a bank customer, no driver among the examples, retail offers in the arbitration preview', async () => {
    const { testing, examples } = await openTest('Retail next best action (demo)');
    expect(testing).toBe('Sample customer');
    expect(examples).toEqual([]);
    await page.getByRole('button', { name: /Run test/ }).click();
    await page.locator('.recommendations li').first().waitFor();
    const offers = await page.locator('.recommendations li').allTextContents();
    expect(offers).toHaveLength(3);
    expect(offers.join(' ')).not.toMatch(/coupon/i);

    await page.locator('[data-testid=step-arbitrate]').click();
    const preview = page.getByRole('list', { name: 'Ranking preview' });
    await preview.locator('li').first().waitFor();
    const ranked = await preview.textContent();
    expect(ranked).toMatch(/Retention call|Gold credit card|Travel insurance|Savings plan/);
    expect(ranked).not.toMatch(/coupon/i);
    expect(browserErrors).toEqual([]);
  });

  it('the coupon strategy: the drivers of the coupon survey', async () => {
    const { testing, examples } = await openTest('Vehicle coupons (demo)');
    expect(testing).toMatch(/^Evening drive home alone/);
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(browserErrors).toEqual([]);
  });
});
