import type { Page } from 'playwright-core';
import { accessToken, DEMO_ROLES, ok } from '../api/api-process';
import { screenshot } from './screenshots';
import { draftFrom, readyDatasets, simulateUntilDone } from './story-api';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-governance-password';

interface DocNode {
  id: string;
  config: Record<string, unknown>;
}
interface Doc {
  nodes: DocNode[];
}

/** The document with one node's config replaced: the "small change" each new version makes. */
function withConfig(doc: Doc, nodeId: string, config: Record<string, unknown>): Doc {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, config } : n)) };
}

const adultsFrom = (age: number) => ({
  condition: {
    all: [{ fact: 'customer', path: '$.ageYears', operator: 'greaterThanInclusive', value: age }],
  },
});

/**
 * Every governance role in a real browser against the built API (PostgreSQL, Redis, the simulation
 * worker) with the demo seed. Version 2 raises "Adults only" from 18 to 21: the reviewer rejects
 * it with a reason, the designer resubmits, the analyst simulates exactly that content, the
 * reviewer approves, the publisher publishes and rolls back. Then a user who is both designer and
 * reviewer cannot approve their own version (four eyes), and the analyst cannot approve at all.
 * The review-story spec covers the diff in detail, the evidence hint and the audit log.
 */
describe('studio: governance, one role at a time (browser)', () => {
  const { api, studio, browser, token } = useStory({ password: PASSWORD, roles: DEMO_ROLES });
  const browserErrors: string[] = [];
  const pages: Record<string, Page> = {};
  let strategyId: string;
  let datasetId: string;
  let v1Id: string;
  let v1Doc: Doc;
  let v2Id: string;

  const login = (email: string) => accessToken(api, email, PASSWORD);

  /** The analyst runs a real simulation of the version's content and waits for the worker to finish it. */
  const simulate = async (versionId: string) =>
    (await simulateUntilDone(api, token['analyst']!, { versionId, datasetId })).contentHash;

  const versionStatus = async (versionId: string) =>
    ok(
      await api.gql(
        `query($id: ID!) { version(id: $id) { status contentHash } }`,
        { id: versionId },
        token['designer'],
      ),
    ).version;

  /** A real decision for a 19-year-old: only "Adults only" from 18 lets them through. */
  const decideFor19 = async (customerId: string) =>
    ok(
      await api.gql(
        `query($s: ID!, $i: JSON!) { decide(strategyId: $s, input: $i) { actions strategy } }`,
        {
          s: strategyId,
          i: { customer: { id: customerId, ageYears: 19, segment: 'gold', churnRisk: 0.6, hasCard: false } },
        },
        token['publisher'],
      ),
    ).decide as { actions: unknown[]; strategy: { version: number } };

  /** Signs in in a fresh browser context (its own session) and opens the demo strategy's versions. */
  const signIn = async (who: string, email = `${who}@arbiter.local`) => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1100 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => browserErrors.push(`${who}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && browserErrors.push(`${who}: ${m.text()}`));
    await signInAt(page, `${studio.url}/#/strategies`, email, PASSWORD);
    await page.getByRole('button', { name: 'Versions & review' }).first().click();
    await timeline(page).waitFor();
    pages[who] = page;
    return page;
  };

  const timeline = (page: Page) => page.getByRole('navigation', { name: 'Version history' });
  const versionItem = (page: Page, n: number) =>
    timeline(page).getByRole('button', { name: new RegExp(`^v${n}\\b`) });
  /** Waits for the version's status pill in the timeline to say this (the timeline reloads after an action). */
  const pillSays = (page: Page, n: number, status: string) =>
    versionItem(page, n)
      .locator('.status-pill')
      .filter({ hasText: new RegExp(`^${status}$`) })
      .waitFor();
  const select = async (page: Page, n: number) => {
    await versionItem(page, n).click();
    await page.getByRole('heading', { name: new RegExp(`^Version ${n}\\b`) }).waitFor();
  };
  /** The status line an action leaves at the top of the screen. */
  const statusLine = (page: Page, text: RegExp) =>
    page.getByRole('status').filter({ hasText: text }).waitFor();
  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name, { docs: true });
  };

  beforeAll(async () => {
    const { designer } = token as Record<string, string>;

    const datasets = await readyDatasets(api, token['analyst']!);
    datasetId = (datasets.find((d) => /coupon/i.test(d.name)) ?? datasets[0])!.id;

    const strategy = ok(
      await api.gql(
        `{ strategies { edges { node { id versions { id number status revision document } } } } }`,
        {},
        designer,
      ),
    ).strategies.edges[0].node;
    strategyId = strategy.id;
    const v1 = strategy.versions.find((v: { number: number }) => v.number === 1);
    v1Id = v1.id;
    v1Doc = v1.document;
    // The demo seed takes version 1 through submit, a real simulation, approval and publishing.
    expect(v1.status).toBe('PUBLISHED');

    // The designer's version 2: a clone of version 1 where "Adults only" starts at 21.
    const v2 = await draftFrom(api, designer, v1Id, withConfig(v1Doc, 'adults', adultsFrom(21)));
    v2Id = v2.id;
    expect(v2.valid).toBe(true);
  }, 300_000);

  it('the designer submits version 2 from the review screen', async () => {
    const page = await signIn('designer');
    await select(page, 2);
    await pillSays(page, 2, 'Draft');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await statusLine(page, /^Submitted for review\.$/);
    await pillSays(page, 2, 'In review');
  });

  it('the reviewer compares, comments on the changed step and rejects with a reason (an empty one is refused)', async () => {
    const page = await signIn('reviewer');
    await select(page, 2);
    await page.getByRole('button', { name: 'Compare' }).click();
    const words = page.getByRole('list', { name: 'Changes in words' });
    await words.waitFor();
    expect(await words.textContent()).toContain('Adults only');
    // The canvas places its first view a moment after it mounts; a click before that can miss.
    await page.locator('.diff-canvas[data-placed]').waitFor();
    await page.locator('[data-testid=step-adults]').click();
    const side = page.getByRole('complementary', { name: 'Changed settings' });
    await side.getByText('Before:').waitFor();
    expect(await side.textContent()).toMatch(/18/);
    expect(await side.textContent()).toMatch(/21/);

    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.getByLabel('Add a comment').fill('Is 21 the legal age in every market?');
    // The step's id is offered with its label, so the reviewer need not know ids.
    const about = comments.getByLabel('About step (optional)');
    await comments
      .locator('datalist option[value=adults][label="Adults only"]')
      .waitFor({ state: 'attached' });
    expect(await comments.locator(`datalist#${await about.getAttribute('list')}`).count()).toBe(1);
    await about.fill('adults');
    await comments.getByRole('button', { name: 'Comment', exact: true }).click();
    await comments
      .locator('.comment')
      .filter({ hasText: 'Is 21 the legal age in every market?' })
      .filter({ hasText: 'on step “Adults only”' })
      .waitFor();

    await page.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject this version' });
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /^Say what must change/ })
      .waitFor();
    expect(await dialog.getByLabel('What must change (required)').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'review-reject-reason');
    expect((await versionStatus(v2Id)).status).toBe('IN_REVIEW');

    await dialog
      .getByLabel('What must change (required)')
      .fill('Keep 18: the card is legal from 18 in every market.');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await statusLine(page, /^Rejected: it is a draft again/);
    await pillSays(page, 2, 'Draft');
    await comments
      .locator('.comment-rejection')
      .filter({ hasText: 'Keep 18: the card is legal from 18' })
      .waitFor();
    expect((await versionStatus(v2Id)).status).toBe('DRAFT');
  });

  it('the designer sees version 2 back in draft with the reason, and resubmits it', async () => {
    const page = pages['designer']!;
    await page.reload();
    await select(page, 2);
    await pillSays(page, 2, 'Draft');
    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.getByText('was rejected').waitFor();
    await comments
      .locator('.comment-rejection')
      .filter({ hasText: 'Keep 18: the card is legal from 18 in every market.' })
      .waitFor();
    await comments.getByText('Is 21 the legal age in every market?').waitFor();
    await shot(page, 'review-reject');

    await comments
      .getByLabel('Add a comment')
      .fill('21 is the bank’s policy for this card; resubmitting unchanged.');
    await comments.getByRole('button', { name: 'Comment', exact: true }).click();
    await comments.getByText('21 is the bank’s policy for this card; resubmitting unchanged.').waitFor();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await statusLine(page, /^Submitted for review\.$/);
    await pillSays(page, 2, 'In review');
  });

  it('the analyst simulates exactly version 2, and the reviewer approves with that evidence', async () => {
    const simulatedHash = await simulate(v2Id);
    expect(simulatedHash).toBe((await versionStatus(v2Id)).contentHash);

    const page = pages['reviewer']!;
    await page.reload();
    await select(page, 2);
    await pillSays(page, 2, 'In review');
    await page.getByText(/^1 completed simulation of exactly this content$/).waitFor();
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve this version' });
    await dialog.getByLabel('Comment (optional)').fill('Simulated on the coupon sample; policy confirmed.');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await statusLine(page, /^Approved\.$/);
    await pillSays(page, 2, 'Approved');
    expect((await versionStatus(v2Id)).status).toBe('APPROVED');
  });

  it('the publisher publishes version 2, then rolls back to version 1; decisions follow', async () => {
    expect((await decideFor19('before-publish')).strategy.version).toBe(1);
    const page = await signIn('publisher');
    await select(page, 2);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 2?' });
    expect(await publish.textContent()).toContain(
      'Version 2 will answer every decision from now on. Version 1, live now, will be retired.',
    );
    await publish.getByRole('button', { name: 'Publish' }).click();
    await statusLine(page, /^Published/);
    await pillSays(page, 2, 'Published');
    await pillSays(page, 1, 'Retired');
    const published = await decideFor19('after-publish');
    expect(published.strategy.version).toBe(2);
    expect(published.actions).toEqual([]); // 19 is under the new 21

    await select(page, 1);
    await page.getByRole('button', { name: 'Roll back to this version' }).click();
    const rollback = page.getByRole('dialog', { name: 'Roll back to version 1?' });
    expect(await rollback.textContent()).toContain(
      'Version 1 will answer every decision again. Version 2, live now, will be retired.',
    );
    await rollback
      .getByLabel('Why roll back (required)')
      .fill('Version 2 leaves out the 19- and 20-year-olds');
    await rollback.getByRole('button', { name: 'Roll back' }).click();
    await statusLine(page, /^Rolled back/);
    await pillSays(page, 1, 'Published');
    await pillSays(page, 2, 'Retired');
    expect(await versionItem(page, 1).textContent()).toContain('live');
    await shot(page, 'publish-rollback');

    const strategy = ok(
      await api.gql(
        `query($id: ID!) { strategy(id: $id) { publishedVersion { number } } }`,
        { id: strategyId },
        token['publisher'],
      ),
    ).strategy;
    expect(strategy.publishedVersion.number).toBe(1);
    const rolledBack = await decideFor19('after-rollback');
    expect(rolledBack.strategy.version).toBe(1);
    expect(rolledBack.actions.length).toBeGreaterThan(0);
  });

  it('four eyes: a designer-and-reviewer cannot approve their own version, in the UI or the API', async () => {
    ok(
      await api.gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        {
          i: {
            email: 'both@arbiter.local',
            displayName: 'Bo Both',
            password: PASSWORD,
            roles: ['designer', 'reviewer'],
          },
        },
        token['admin'],
      ),
    );
    const both = await login('both@arbiter.local');
    const v3 = await draftFrom(api, both, v1Id, withConfig(v1Doc, 'top3', { limit: 2 }));
    expect(v3.number).toBe(3);
    // With evidence in place, four eyes is the only thing left between this user and an approval.
    await simulate(v3.id);

    const page = await signIn('both', 'both@arbiter.local');
    await select(page, 3);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await statusLine(page, /^Submitted for review\.$/);
    const approve = page.getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.isDisabled()).toBe(true);
    expect(await approve.locator('xpath=..').getAttribute('title')).toBe(
      'You wrote this version; someone else must approve it (four eyes).',
    );
    await page
      .getByRole('list', { name: 'Why some actions are not available' })
      .getByText(/four eyes/)
      .waitFor();
    await shot(page, 'four-eyes');

    const answer = await api.gql(
      `mutation($v: ID!) { approveVersion(versionId: $v) { status } }`,
      { v: v3.id },
      both,
    );
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'FOUR_EYES' });
    expect(answer.errors?.[0]?.message).toMatch(/^Four eyes/);
    expect((await versionStatus(v3.id)).status).toBe('IN_REVIEW');
  });

  it('the analyst gets no usable Approve button, and the API refuses too', async () => {
    const page = await signIn('analyst');
    await select(page, 3);
    const approve = page.getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.isDisabled()).toBe(true);
    expect(await approve.locator('xpath=..').getAttribute('title')).toBe(
      'Only reviewers approve or reject versions.',
    );
    expect(await page.getByRole('button', { name: 'Reject…' }).count()).toBe(0);

    const v3 = ok(
      await api.gql(
        `query($id: ID!) { strategy(id: $id) { versions { id number } } }`,
        { id: strategyId },
        token['analyst'],
      ),
    ).strategy.versions.find((v: { number: number }) => v.number === 3);
    const answer = await api.gql(
      `mutation($v: ID!) { approveVersion(versionId: $v) { status } }`,
      { v: v3.id },
      token['analyst'],
    );
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await versionStatus(v3.id)).status).toBe('IN_REVIEW');
    expect(browserErrors).toEqual([]);
  });
});
