import { useStory } from './support';

const PASSWORD = 'e2e-security-password';

/**
 * The studio as `npm start` serves it: from the API itself, under the API's own headers (the other
 * stories use `vite preview` with a copy of them). Every test also fails on any Content-Security-Policy
 * violation (chromium.ts), so signing in, opening a strategy on the canvas and reading the REST
 * API's docs page prove that the product runs under its strict policy.
 */
describe('studio and docs page served by the API under its Content-Security-Policy (browser)', () => {
  const { api, page, browserErrors } = useStory({
    password: PASSWORD,
    servedBy: 'api',
    page: { viewport: { width: 1280, height: 800 } },
  });

  it('serves the studio with the strict policy; signing in and opening a strategy break none of it', async () => {
    const res = await page.goto(`${api.url}/#/strategies`);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self';");
    expect(res!.headers()['x-frame-options']).toBe('DENY');
    await page.getByLabel('Email').fill('designer@arbiter.local');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.strategy-card').first().click();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(1);
  });

  it('runs the REST API’s docs page (its script and style are files, not inline)', async () => {
    await page.goto(`${api.url}/api/docs.html`);
    await page.getByRole('heading', { name: 'POST /api/v1/decisions', exact: true }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('960px');
  });

  it('had no errors in the browser console', () => {
    expect(browserErrors).toEqual([]);
  });
});
