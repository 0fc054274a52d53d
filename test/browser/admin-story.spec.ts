import type { Page } from 'playwright-core';
import { accessToken, ok } from '../api/api-process';
import { screenshot } from './screenshots';
import { submitVersion } from './story-api';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-admin-password';
const VIEWPORT = { width: 1280, height: 800 };

const EVERYONE = ['Strategies', 'Actions', 'Customer schema', 'Datasets', 'Simulations', 'Models'];
/** What the role-aware shell shows each demo role (apps/studio/src/app/access.ts). */
const NAV_BY_ROLE: Record<string, string[]> = {
  designer: EVERYONE,
  analyst: [...EVERYONE, 'Customers'],
  reviewer: ['Strategies', 'Review queue', ...EVERYONE.slice(1), 'Audit log'],
  publisher: EVERYONE,
  admin: [...EVERYONE, 'Customers', 'Audit log', 'API keys', 'Users'],
};

/**
 * The admin's story in a real browser against the built API with the demo seed: an API key scoped
 * to the demo strategy answers a decision with its secret (shown once) and is refused once revoked;
 * a new analyst signs in and sees the analyst's navigation; every demo role sees its own navigation.
 */
describe('studio: the admin story (browser)', () => {
  const { api, studio, browser, page, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: VIEWPORT },
  });
  let demo: { id: string; name: string };
  let secret: string;

  const shot = (name: string, target: Page = page) => screenshot(target, name, { docs: true });

  const signIn = async (target: Page, email: string, password = PASSWORD, hash = '#/strategies') => {
    await signInAt(target, `${studio.url}/${hash}`, email, password);
    await target.getByRole('navigation', { name: 'Main' }).waitFor();
  };

  // Without the count of waiting versions beside "Review queue".
  const navItems = async (target: Page) =>
    (await target.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((t) =>
      t.replace(/\d+$/, ''),
    );

  const decide = (key: string) =>
    fetch(`${api.url}/api/v1/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        strategy: demo.id,
        customer: { id: 'c-42', ageYears: 41, segment: 'gold', churnRisk: 0.7, hasCard: false },
        context: { channel: 'web' },
      }),
    });

  beforeAll(async () => {
    const designer = await accessToken(api, 'designer@arbiter.local', PASSWORD);
    const list = ok(
      await api.gql(
        `{ strategies { edges { node { id name versions { id status contentHash } } } } }`,
        {},
        designer,
      ),
    ).strategies;
    const node = list.edges[0].node;
    demo = { id: node.id, name: node.name };
    // The demo seed takes version 1 through submit, a real simulation, approval and publishing.
    const v1 = node.versions[node.versions.length - 1];
    expect(v1.status).toBe('PUBLISHED');
    // Two more strategies, so that the list has something to search and filter.
    const create = `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id versions { id } } }`;
    const winback = ok(
      await api.gql(
        create,
        {
          i: {
            name: 'Winback',
            description: 'Bring back customers who closed their account in the last 90 days.',
          },
        },
        designer,
      ),
    ).createStrategy;
    await submitVersion(api, designer, winback.versions[0].id);
    ok(
      await api.gql(
        create,
        {
          i: {
            name: 'Student starter pack',
            description: 'First card and savings offers for customers under 26.',
          },
        },
        designer,
      ),
    );
  }, 240_000);

  it('shows each demo role the navigation its roles allow', async () => {
    for (const [role, expected] of Object.entries(NAV_BY_ROLE)) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const own = await context.newPage();
      await signIn(own, `${role}@arbiter.local`);
      expect({ role, nav: await navItems(own) }).toEqual({ role, nav: expected });
      await context.close();
    }
  });

  it('lands each demo role on what it does next when it opens the studio’s address', async () => {
    const landing = async (role: string) => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const own = await context.newPage();
      await signIn(own, `${role}@arbiter.local`, PASSWORD, '#/');
      return { own, context };
    };
    const current = (own: Page) =>
      own.getByRole('navigation', { name: 'Main' }).locator('a[aria-current="page"]').textContent();

    // The reviewer: the queue, with Winback (submitted above) waiting.
    const reviewer = await landing('reviewer');
    await reviewer.own.getByRole('heading', { name: 'Review queue', exact: true }).waitFor();
    await reviewer.own
      .getByRole('list', { name: 'Waiting for your review' })
      .getByText('Winback · version 1')
      .waitFor();
    expect(await current(reviewer.own)).toMatch(/^Review queue/);
    await screenshot(reviewer.own, 'landing-reviewer');
    await reviewer.context.close();

    // The admin: users and their roles.
    const admin = await landing('admin');
    await admin.own.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await admin.own.getByRole('row').filter({ hasText: 'reviewer@arbiter.local' }).waitFor();
    expect(await current(admin.own)).toBe('Users');
    await admin.context.close();

    // The designer: the strategies with a draft; the Strategies item still shows them all.
    const designer = await landing('designer');
    await designer.own.getByText('1 of 4 strategies').waitFor();
    expect(await designer.own.getByLabel('Status').inputValue()).toBe('DRAFT');
    const list = designer.own.getByRole('list', { name: 'Strategies' });
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Student starter pack'),
    ]);
    await designer.own
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Strategies' })
      .click();
    await designer.own.getByText('4 strategies', { exact: true }).waitFor();
    expect(await designer.own.getByLabel('Status').inputValue()).toBe('all');
    await designer.context.close();

    // The publisher: the strategies with an approved version (none yet here).
    const publisher = await landing('publisher');
    await publisher.own.getByText('No strategy has an approved version.').waitFor();
    expect(await publisher.own.getByLabel('Status').inputValue()).toBe('APPROVED');
    await publisher.context.close();

    // The analyst: simulations.
    const analyst = await landing('analyst');
    await analyst.own.getByRole('heading', { name: 'Simulations', exact: true }).waitFor();
    expect(await current(analyst.own)).toBe('Simulations');
    await analyst.context.close();
  });

  it('lists the strategies with status, owner by name, search and status filter', async () => {
    await signIn(page, 'admin@arbiter.local');
    const list = page.getByRole('list', { name: 'Strategies' });
    const demoCard = list.getByRole('listitem').filter({ hasText: demo.name });
    await demoCard.getByText('v1 · Published').waitFor();
    await demoCard.getByText(/^by (?!user )/).waitFor();
    await list.getByRole('listitem').filter({ hasText: 'Winback' }).getByText('v1 · In review').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(4);
    await shot('strategies-list');

    await page.getByLabel('Search').fill('customers');
    await page.getByText('2 of 4 strategies').waitFor();
    await page.getByLabel('Status').selectOption('IN_REVIEW');
    await page.getByText('1 of 4 strategies').waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Winback')]);
    await page.getByLabel('Search').fill('nothing like this');
    await page.getByText('No strategy contains “nothing like this” and has a version in review.').waitFor();
    await page.getByRole('button', { name: 'Show all strategies' }).click();
    await page.getByText('4 strategies', { exact: true }).waitFor();
  });

  it('creates an API key for the demo strategy; its secret, shown once, answers decisions', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByText('No API keys yet').waitFor();
    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name').fill('web shop');
    await dialog.getByLabel('Only the strategies chosen below').check();
    await dialog.getByLabel(demo.name).check();
    await dialog.getByLabel('Rate limit (requests per second)').fill('20');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const secretDialog = page.getByRole('dialog', { name: 'API key “web shop” created' });
    await secretDialog.getByText('Copy the key now: you will not see it again.').waitFor();
    secret = await secretDialog.getByLabel('The new API key').inputValue();
    expect(secret).toMatch(/^arb_/);
    await shot('api-keys');

    const res = await decide(secret);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { decisionId: string; actions: { actionId: string }[] };
    expect(body.actions.length).toBeGreaterThan(0);

    await secretDialog.getByRole('button', { name: 'I have stored it, close' }).click();
    await secretDialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    const row = page.getByRole('row').filter({ hasText: 'web shop' });
    expect(await row.textContent()).toContain(demo.name);
    expect(await row.textContent()).toContain('20 / s');
  });

  it('revokes the key after confirmation; the same call is refused at once', async () => {
    await page.getByRole('button', { name: 'Revoke web shop' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “web shop”?' });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'web shop' });
    await row.getByText(/^Revoked/).waitFor();
    expect(await row.getAttribute('class')).toContain('row-revoked');
    // One API instance: revoking clears its key cache, so no wait (other instances: within 5 s).
    const res = await decide(secret);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /unknown or revoked/,
    );
  });

  it('creates an analyst, who signs in and sees the analyst’s navigation', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('row').filter({ hasText: 'admin@arbiter.local' }).waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Email').fill('ana@arbiter.local');
    await form.getByLabel('Name').fill('Ana Analyst');
    await form.getByLabel('First password').fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('At least 12 characters (5 so far).').waitFor();
    await form.getByLabel('First password').fill('ana-first-password');
    await form.getByRole('checkbox', { name: /analyst/ }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Ana Analyst can now sign in as ana@arbiter.local.').waitFor();
    expect(await page.getByLabel('analyst role for Ana Analyst').isChecked()).toBe(true);
    expect(await page.getByLabel('admin role for Ana Analyst').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Deactivate Pat Publisher' }).click();
    await page.getByRole('button', { name: 'Activate Pat Publisher', exact: true }).waitFor();
    expect(
      await page.getByRole('row').filter({ hasText: 'publisher@arbiter.local' }).getAttribute('class'),
    ).toContain('row-revoked');
    await shot('users');

    const context = await browser.newContext({ viewport: VIEWPORT });
    const ana = await context.newPage();
    await signIn(ana, 'ana@arbiter.local', 'ana-first-password');
    expect(await navItems(ana)).toEqual(NAV_BY_ROLE['analyst']);
    await context.close();
    expect(browserErrors).toEqual([]);
  });
});
