import type { Locator } from 'playwright-core';
import { ok } from '../api/api-process';
import { focusIsVisible, lowContrastTexts, unlabelledControls } from './accessibility';
import { screenshot } from './screenshots';
import { useStory } from './support';

const PASSWORD = 'e2e-studio-password';

/**
 * The designer's story in a real browser (Debian chromium) against the built studio and the real
 * API on a fresh PostgreSQL database: sign in, build a strategy from an empty canvas by drag and
 * drop, fix what the studio marks in red, test a customer and read the trace, undo/redo, reload
 * and find everything saved; then a save conflict, and the keyboard-only way through.
 */
describe('studio: the designer story (browser)', () => {
  const { api, studio, page, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: { width: 1600, height: 960 } },
  });
  let strategyName: string;

  /** A screenshot of the story; with `docs`, the README's screenshot of that name too. */
  const shot = (name: string, docs?: string) =>
    docs ? screenshot(page, docs, { docs: true }) : screenshot(page, name);
  const step = (id: string) => page.locator(`[data-testid=step-${id}]`);
  const centre = async (locator: Locator) => {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not on screen');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  /** Drags a line from one step's exit to another step's entry, as a designer does with the mouse. */
  const link = async (from: string, to: string) => {
    // A step's marks change its height (and the place of its exit) once the last edit is checked.
    await page.locator('.editor[data-checking=false]').waitFor();
    const before = await edges();
    const a = await centre(step(from).locator('.handle-out').first());
    const b = await centre(step(to).locator('.handle-in'));
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
    await page.mouse.move(b.x, b.y, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__edge').length > n, before, {
      timeout: 5_000,
    });
  };
  const edges = () => page.locator('.react-flow__edge').count();
  /** Waits until the canvas shows `n` steps (the canvas redraws in the frame after a key). */
  const stepsOnCanvas = (n: number) =>
    page.waitForFunction((want) => document.querySelectorAll('.react-flow__node').length === want, n);
  /** Waits until the canvas shows `n` lines (drawn once their steps are measured, after the steps). */
  const linesOnCanvas = (n: number) =>
    page.waitForFunction((want) => document.querySelectorAll('.react-flow__edge').length === want, n);
  const saved = () =>
    page.locator('.save-status', { hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });

  it('signs in as a designer and starts a strategy on an empty canvas', async () => {
    await page.goto(`${studio.url}/#/strategies`);
    await page.getByLabel('Email').fill('designer@arbiter.local');
    await page.getByLabel('Password').fill(PASSWORD);
    await shot('01-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Strategies' }).waitFor();
    // The demo seed's strategy is listed.
    await page.locator('.strategy-card').first().waitFor();
    strategyName = 'Summer retention';
    await page.getByRole('textbox', { name: 'New strategy' }).fill(strategyName);
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.locator('.canvas-empty').waitFor();
    expect(await page.locator('.canvas-empty').textContent()).toContain('Start your strategy');
    await shot('02-empty-canvas');
  });

  it('builds actions → filter → score → arbitrate → rank → output by drag and drop', async () => {
    const types = ['actions', 'filter', 'score', 'arbitrate', 'rank', 'output'];
    for (const [i, type] of types.entries()) {
      await page.dragAndDrop(`[data-node-type=${type}]`, '.react-flow__pane', {
        targetPosition: { x: 60 + (i % 3) * 290, y: 80 + Math.floor(i / 3) * 260 },
      });
      await step(`${type}-1`).waitFor();
    }
    await stepsOnCanvas(6);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await page.waitForTimeout(500);
    for (const [a, b] of [
      ['actions-1', 'filter-1'],
      ['filter-1', 'score-1'],
      ['score-1', 'arbitrate-1'],
      ['arbitrate-1', 'rank-1'],
    ]) {
      await link(a!, b!);
    }
    await linesOnCanvas(4);
    // Connection rules hold while dragging: the output has no exit, an actions step no entry.
    expect(await step('output-1').locator('.handle-out').count()).toBe(0);
    expect(await step('actions-1').locator('.handle-in').count()).toBe(0);
  });

  it('marks the unconnected output in red, and the problem goes once it is fixed', async () => {
    await page.locator('[data-testid=step-output-1].step-error').waitFor();
    await expect(step('output-1').getAttribute('class')).resolves.toContain('step-error');
    expect(await step('output-1').locator('.step-problem').textContent()).toContain(
      'no line goes into this step',
    );
    expect(await page.locator('.save-button').textContent()).toMatch(/\d+ problems?/);
    await step('output-1').click();
    expect(await page.locator('.property-panel .problem-list').textContent()).toContain(
      'no line goes into this step',
    );
    await shot('03-problem-marked', 'problem-marked');
    await link('rank-1', 'output-1');
    await linesOnCanvas(5);
    // No errors left; the empty filter still warns that it lets everyone through.
    await page.waitForFunction(
      () => !/\d+ problems?/.test(document.querySelector('.save-button')?.textContent ?? '1 problem'),
    );
    expect(await page.locator('.save-button').textContent()).toContain('1 warning');
    expect(await step('output-1').getAttribute('class')).not.toContain('step-error');
    await page.getByRole('button', { name: 'Tidy up layout' }).click();
    // Left to right, each line straight from one step's exit to the next step's entry; the layout
    // is computed and animated, so wait (up to 10 s on a busy machine) until the steps have settled.
    const misalignment = async () => {
      const [a, f] = await Promise.all([step('actions-1').boundingBox(), step('filter-1').boundingBox()]);
      const [out, into] = await Promise.all([
        centre(step('actions-1').locator('.handle-out')),
        centre(step('filter-1').locator('.handle-in')),
      ]);
      return f!.x > a!.x + a!.width ? Math.abs(out.y - into.y) : Infinity;
    };
    let offset = await misalignment();
    for (let i = 0; i < 50 && offset >= 4; i++) {
      await page.waitForTimeout(200);
      offset = await misalignment();
    }
    expect(offset).toBeLessThan(4);
  });

  it('sets an eligibility rule with the condition builder and shows it on the node', async () => {
    await step('filter-1').click();
    await page.getByRole('button', { name: '+ Add rule' }).first().click();
    const row = page.locator('.rule-row').first();
    await row.getByLabel('Field').selectOption('customer.ageYears');
    await row.getByLabel('Comparison').selectOption({ label: 'is at least' });
    await row.getByLabel('Value for age').fill('18');
    await page.getByLabel('Name on the canvas').fill('Adults only');
    await page.locator('.condition-preview', { hasText: 'age ≥ 18' }).waitFor();
    expect(await step('filter-1').locator('.step-summary').textContent()).toBe('age ≥ 18');
    expect(await step('filter-1').locator('.step-title').textContent()).toBe('Adults only');
    await shot('04-condition-builder', 'condition-builder');
  });

  it('runs a test customer in the browser and reads the trace on the panel and the canvas', async () => {
    await page.getByRole('tab', { name: 'Test' }).click();
    await page.locator('summary', { hasText: 'Edit this customer' }).click();
    await page.locator('#sample-ageYears').fill('17');
    await page.getByRole('button', { name: /Run test/ }).click();
    const trace = page.locator('.trace-steps');
    await trace.waitFor();
    expect(await trace.textContent()).toContain('Adults only: 14 in → 0 out');
    expect(await trace.textContent()).toContain('age 17 is not ≥ 18');
    expect(await page.locator('.test-panel').textContent()).toContain('Nothing is recommended');
    expect(await step('filter-1').locator('.step-run').textContent()).toContain('14 in → 0 out');

    await page.locator('#sample-ageYears').fill('40');
    await page.locator('.recommendations li').first().waitFor();
    expect(await page.locator('.recommendations li').count()).toBe(3);
    expect(await page.locator('.recommendations li').first().textContent()).toContain('Retention call');
    expect(await step('rank-1').locator('.step-run').textContent()).toContain('14 in → 3 out');
    await page.getByRole('combobox', { name: 'Follow one action through the strategy' }).fill('savings');
    await page.getByRole('option', { name: /^Savings plan/ }).click();
    // The run follows it: its story, step by step, up to where it left.
    const story = page.getByRole('status', { name: 'The story of Savings plan' });
    await story.locator('.story-dropped').waitFor();
    expect(await story.locator('.story-dropped').textContent()).toMatch(/: left: /);
    await page.getByRole('button', { name: /Save as test case/ }).click();
    await page.locator('.test-cases li.test-pass').waitFor({ timeout: 15_000 });
    await shot('05-test-run-trace', 'test-run-trace');
  });

  it('undoes and redoes with the keyboard', async () => {
    await page
      .getByRole('tab', { name: 'Strategy' })
      .or(page.getByRole('tab', { name: 'Step settings' }))
      .click();
    await step('rank-1').click();
    await page.keyboard.press('Delete');
    await stepsOnCanvas(5);
    await page.locator('[data-testid=step-output-1].step-error').waitFor();
    await page.keyboard.press('Control+z');
    await stepsOnCanvas(6);
    await linesOnCanvas(5);
    await page.keyboard.press('Control+Shift+z');
    await stepsOnCanvas(5);
    await page.keyboard.press('Control+z');
    await stepsOnCanvas(6);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('aria-keyshortcuts')).toBe(
      'Control+Z',
    );
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toContain('Ctrl+Z');
  });

  it('finds everything saved after a reload', async () => {
    await saved();
    await page.reload();
    await step('filter-1').waitFor();
    await stepsOnCanvas(6);
    await linesOnCanvas(5);
    expect(await step('filter-1').locator('.step-summary').textContent()).toBe('age ≥ 18');
    expect(await step('filter-1').locator('.step-title').textContent()).toBe('Adults only');
    // The checks run in a worker: their answer comes a moment after the page.
    await page.locator('.save-button', { hasText: 'No problems' }).waitFor();
    expect(await page.locator('.test-summary').textContent()).toContain('Tests 1/1');
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await page.waitForTimeout(400);
    await shot('06-reloaded');
  });

  it('collapses a group of selected steps into one box, kept on reload, and expands it again', async () => {
    const undoable = await page.getByRole('button', { name: 'Undo' }).isEnabled();
    // Shift+click adds a step to the selection (Shift+drag a box around steps does as well).
    await step('filter-1').click();
    await step('score-1').click({ modifiers: ['Shift'] });
    await step('arbitrate-1').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Collapse group (3 steps)' }).click();
    // Actions, rank, output and the group's box; one line into the box, one out, rank → output.
    await stepsOnCanvas(4);
    await linesOnCanvas(3);
    const box = page.locator('.react-flow__node-group-box');
    expect(await box.locator('.step-group-summary').textContent()).toBe(
      '3 steps: Adults only, Score, Arbitrate',
    );
    const into = page.locator('.react-flow__edge[data-id="actions-1:out->group:1"]');
    const out = page.locator('.react-flow__edge[data-id="group:1:out->rank-1"]');
    expect(await into.count()).toBe(1);
    expect(await out.count()).toBe(1);
    // A view, not an edit: nothing new to save or undo.
    await saved();
    expect(await page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(undoable);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await page.waitForTimeout(400);
    await shot('06b-collapsed-group');

    // Kept in this browser: still collapsed when the strategy is opened again.
    await page.reload();
    await box.waitFor();
    await stepsOnCanvas(4);
    await page
      .getByRole('button', { name: 'Expand the group of 3 steps: Adults only, Score, Arbitrate' })
      .click();
    await stepsOnCanvas(6);
    await linesOnCanvas(5);
    expect(await box.count()).toBe(0);
  });

  it('offers reload / overwrite / copy when someone else saved in between', async () => {
    const token = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('arbiter.session') ?? '{}').accessToken as string,
    );
    const list = ok(
      await api.gql(
        `{ strategies { edges { node { id name versions { id revision document } } } } }`,
        {},
        token,
      ),
    );
    const mine = list.strategies.edges.find(
      (e: { node: { name: string } }) => e.node.name === strategyName,
    ).node;
    const version = mine.versions[0];
    const theirs = {
      ...version.document,
      nodes: version.document.nodes.map((n: { id: string; config: object }) =>
        n.id === 'rank-1' ? { ...n, config: { ...n.config, limit: 2 } } : n,
      ),
    };
    ok(
      await api.gql(
        `mutation($i: SaveDraftInput!) { saveDraft(input: $i) { version { revision } } }`,
        { i: { versionId: version.id, expectedRevision: version.revision, document: theirs } },
        token,
      ),
    );

    await step('score-1').click();
    await page.getByLabel('Name on the canvas').fill('Propensity');
    const dialog = page.getByRole('dialog', { name: 'Someone else saved this draft' });
    await dialog.waitFor({ timeout: 15_000 });
    await shot('07-conflict-choice', 'conflict-choice');
    await dialog.getByRole('button', { name: 'Load their version' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await step('rank-1').locator('.step-summary').textContent()).toBe('top 2 by priority');
    expect(await step('score-1').locator('.step-title').textContent()).toBe('Score');
  });

  it('can be used with the keyboard alone, with labels, visible focus and enough contrast', async () => {
    await page.goto(`${studio.url}/#/strategies`);
    await page.getByRole('textbox', { name: 'New strategy' }).fill('Keyboard strategy');
    await page.keyboard.press('Enter');
    await page.locator('.canvas-empty').waitFor();

    /** Presses Tab until the focused element matches, as a keyboard user would. */
    const tabTo = async (selector: string, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`${selector} cannot be reached with Tab`);
    };
    await tabTo('[data-node-type=actions]');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await step('actions-1').waitFor();
    for (const type of ['filter', 'rank', 'output']) {
      await tabTo(`[data-node-type=${type}]`);
      await page.keyboard.press('Enter');
      await step(`${type}-1`).waitFor();
    }
    // Each step was added after the selected one and connected to it.
    await linesOnCanvas(3);
    // Only warnings remain (nothing sets a propensity or priority yet): no errors, once checked.
    await page.waitForFunction(
      () =>
        !/\d+ problems?|checking/.test(document.querySelector('.save-button')?.textContent ?? '1 problem'),
    );
    await page.waitForTimeout(500); // the view follows the new step
    await shot('08-keyboard-only');

    // The panel of the selected step (the output) is reachable and usable by keyboard.
    await tabTo('#output-limit');
    await page.keyboard.type('1');
    await page.locator('[data-testid=step-output-1] .step-summary', { hasText: 'return up to 1' }).waitFor();

    expect(await unlabelledControls(page)).toEqual([]);
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Test' }).click();
    await page.getByRole('button', { name: /Run test/ }).click();
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await lowContrastTexts(page)).toEqual([]);
  });

  it('shows a whole example strategy with the path a customer took (browser-only mode)', async () => {
    await page.goto(`${studio.url}/?local#/strategies/telco-retention`);
    await step('churn-split').waitFor();
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.locator('.recommendations li').first().waitFor();
    expect(await page.locator('.recommendations li').first().textContent()).toContain(
      'Call from a loyalty specialist',
    );
    expect(await step('churn-split').locator('.branch-taken > span').textContent()).toBe('High churn risk');
    expect(await step('score-standard').getAttribute('class')).toContain('step-not-reached');
    // The strategy opens readable at its start; the whole of it is one click away.
    expect(
      await page
        .locator('.react-flow__viewport')
        .evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a),
    ).toBeGreaterThanOrEqual(0.8);
    // No step's name or summary is cut off: each wraps onto as many lines as it needs.
    const cutOff = await page
      .locator('.step-title, .step-summary')
      .evaluateAll((texts) =>
        texts.filter((t) => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1),
      );
    expect(cutOff.length).toBe(0);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await step('arbitrate').click();
    await page.getByRole('list', { name: 'Ranking preview' }).waitFor();
    await page.getByRole('slider', { name: 'Business value (b)' }).fill('2');
    await page
      .getByLabel(/^up \d/)
      .first()
      .waitFor();
    // Found by name, the step comes to the middle of the canvas at a readable size, with its neighbours.
    const search = page.getByRole('combobox', { name: 'Find a step' });
    await search.fill('relevance vs');
    await page.getByRole('option', { name: /^Relevance vs\. value/ }).waitFor();
    await search.press('Enter');
    await page.locator('.react-flow__node.selected[data-id="arbitrate"]').waitFor();
    await page.waitForTimeout(500); // the view glides to the step
    // A step out, still readable, to see the path around it.
    await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(400);
    await shot('09-example-arbitration-preview', 'example-arbitration-preview');
  });

  it('had no errors in the browser console', () => {
    expect(browserErrors).toEqual([]);
  });
});
