import { ok } from '../api/api-process';
import { screenshot } from './screenshots';
import { draftFrom, readyDatasets, simulateUntilDone, submitVersion, type StoryDocument } from './story-api';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-review-password';
const VIEWPORT = { width: 1500, height: 1100 };

/**
 * The reviewer's story in a real browser against the built API with the demo seed: version 1 of the
 * demo strategy is published (set up through the API), version 2 changes it and is in review. The
 * reviewer reads the history, cannot approve without a simulation, compares the versions in words
 * and on the canvas, comments, watches Approve become available while the analyst's simulation runs
 * (no reload), approves, and checks the audit chain.
 */
describe('studio: the reviewer story (browser)', () => {
  const { api, studio, page, token, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: VIEWPORT },
    roles: ['designer', 'analyst', 'reviewer', 'publisher'],
  });
  let v2Id: string;
  let v2Hash: string;
  let datasetId: string;

  const shot = (name: string, docs = false) => screenshot(page, name, { docs });

  /** As the analyst: a real simulation of the version's content, polled until the worker completed it. */
  const simulate = async (versionId: string) =>
    (await simulateUntilDone(api, token['analyst']!, { versionId, datasetId })).contentHash;

  beforeAll(async () => {
    const { designer, analyst } = token as Record<string, string>;
    const ready = (await readyDatasets(api, analyst)).sort((a, b) => a.rowCount - b.rowCount);
    expect(ready.length).toBeGreaterThan(0);
    datasetId = ready[0]!.id;
    const list = ok(
      await api.gql(
        `{ strategies { edges { node { id versions { id status revision contentHash document } } } } }`,
        {},
        designer,
      ),
    ).strategies;
    // The demo seed takes version 1 through submit, a real simulation, approval and publishing.
    const v1 = list.edges[0].node.versions[list.edges[0].node.versions.length - 1];
    expect(v1.status).toBe('PUBLISHED');

    // Version 2: "Top 3" becomes top 2, one filter is replaced by another.
    const doc = v1.document as StoryDocument;
    const removed = doc.nodes.find((n) => n.id === 'no-second-card')!;
    const next: StoryDocument = {
      ...doc,
      nodes: [
        ...doc.nodes
          .filter((n) => n.id !== removed.id)
          .map((n) => (n.id === 'top3' ? { ...n, config: { ...n.config, limit: 2 } } : n)),
        {
          id: 'under-80',
          type: 'filter',
          label: 'Under 80',
          position: { x: (removed.position?.x ?? 500) + 20, y: (removed.position?.y ?? 0) + 190 },
          config: {
            condition: { all: [{ fact: 'customer', path: '$.ageYears', operator: 'lessThan', value: 80 }] },
          },
        },
      ],
      edges: doc.edges.map((e) => ({
        ...e,
        source: e.source === removed.id ? 'under-80' : e.source,
        target: e.target === removed.id ? 'under-80' : e.target,
      })),
    };
    const v2 = await draftFrom(api, designer, v1.id, next);
    expect(v2.valid).toBe(true);
    v2Id = v2.id;
    v2Hash = v2.contentHash;
    await submitVersion(api, designer, v2.id);
  }, 240_000);

  it('reads the history; approve waits for a simulation, with the reason on hover', async () => {
    await signInAt(page, `${studio.url}/#/strategies`, 'reviewer@arbiter.local', PASSWORD);
    await page.getByRole('button', { name: 'Versions & review' }).first().click();
    const timeline = page.getByRole('navigation', { name: 'Version history' });
    await timeline.getByText('In review').waitFor();
    expect(await timeline.getByText('Published').count()).toBe(1);
    const approve = page.getByRole('button', { name: 'Approve' });
    expect(await approve.isDisabled()).toBe(true);
    expect(await approve.locator('xpath=..').getAttribute('title')).toMatch(/No completed simulation/);
    expect(await page.getByRole('button', { name: 'Reject…' }).isEnabled()).toBe(true);
  });

  it('compares version 1 with version 2 in words and on the canvas', async () => {
    await page.getByText('v2 is compared with v1, the version it was cloned from.').waitFor();
    await page.getByRole('button', { name: 'Compare' }).click();
    const words = page.getByRole('list', { name: 'Changes in words' });
    await words.waitFor();
    expect(await words.textContent()).toContain('Added “Under 80”');
    expect(await words.textContent()).toContain('Removed');
    expect(await words.textContent()).toContain('→');
    await page.locator('.step-diff-added').waitFor();
    expect(await page.locator('.step-diff-changed').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.step-diff-removed').count()).toBe(1);
    // The canvas places its first view a moment after it mounts; a click before that can miss.
    await page.locator('.diff-canvas[data-placed]').waitFor();
    await page.locator('[data-testid=step-top3]').click();
    await page.getByRole('complementary', { name: 'Changed settings' }).getByText('Before:').waitFor();
    const compare = page.getByRole('region', { name: 'Compare versions' });
    await compare.scrollIntoViewIfNeeded();
    const { x, y, width, height } = (await compare.boundingBox())!;
    await screenshot(page, 'review-diff', {
      docs: true,
      clip: { x, y: Math.max(0, y), width, height: Math.min(height, VIEWPORT.height - Math.max(0, y)) },
    });
  });

  it('comments on a step, sees Approve become available once the analyst’s simulation completes, and approves', async () => {
    await page.getByLabel('Add a comment').fill('Why top 2 now?');
    await page.getByLabel('About step (optional)').fill('top3');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    // In the list, not the text box it was typed in: the comment was saved.
    await page
      .locator('.comment')
      .filter({ hasText: 'Why top 2 now?' })
      .filter({ hasText: 'on step “Top 3”' })
      .waitFor();

    // The page stays open, without a reload, while the analyst simulates exactly this content.
    await page.getByText(/checks for new simulations every few seconds/).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('review-waiting-for-evidence');
    expect(await simulate(v2Id)).toBe(v2Hash);
    await page.getByRole('button', { name: 'Approve', exact: true, disabled: false }).waitFor();
    await page.getByText(/^1 completed simulation of exactly this content/).waitFor();
    expect(await page.getByText(/checks for new simulations/).count()).toBe(0);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByLabel('Comment (optional)').fill('Simulation looks right');
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved.').waitFor();
    await page.getByRole('navigation', { name: 'Version history' }).getByText('Approved').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('review-02-approved');
  });

  it('shows the audit log with a verified chain', async () => {
    await page.getByRole('button', { name: '← Strategies' }).click();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText(/^Chain verified ✓/).waitFor();
    await page.locator('.audit-table tbody tr').first().waitFor();
    expect(await page.locator('.audit-table').textContent()).toContain('version approve');
    await shot('audit-log', true);
    expect(browserErrors).toEqual([]);
  });
});
