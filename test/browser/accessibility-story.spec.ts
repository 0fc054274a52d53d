import type { Page } from 'playwright-core';
import { ok } from '../api/api-process';
import { seriousAxeViolations } from './accessibility';
import { signInAt, useStory } from './support';

const PASSWORD = 'e2e-accessibility-password';
const ROLES = ['designer', 'analyst', 'reviewer', 'publisher', 'admin'] as const;

/**
 * axe-core on every screen each role can open, against the built API with the demo seed: the lists,
 * and one of each detail page (a strategy in the editor and its versions, a dataset, a simulation,
 * a model). Serious and critical violations fail the story, listed screen by screen.
 */
describe('studio: accessibility of every screen, role by role (browser, axe-core)', () => {
  const { api, studio, browser, token } = useStory({ password: PASSWORD, roles: ['analyst'] });
  const details: string[] = [];

  beforeAll(async () => {
    const found = ok(
      await api.gql(
        `{ strategies { edges { node { id } } } datasets { id status } simulations { id status } models { id } }`,
        {},
        token['analyst'],
      ),
    );
    const strategy = found.strategies.edges[0].node.id;
    details.push(`#/strategies/${strategy}`, `#/strategies/${strategy}/review`);
    const dataset = found.datasets.find((d: { status: string }) => d.status === 'READY');
    if (dataset) details.push(`#/datasets/${dataset.id}`);
    const simulation = found.simulations.find((s: { status: string }) => s.status === 'COMPLETED');
    if (simulation) details.push(`#/simulations/${simulation.id}`);
    if (found.models[0]) details.push(`#/models/${found.models[0].id}`);
  });

  /** Opens `hash` as a link would and waits until its data is on screen (no "Loading…" left). */
  const open = async (page: Page, hash: string) => {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.waitForFunction(
      (h) =>
        window.location.hash === h &&
        !!document.querySelector('h1') &&
        ![...document.querySelectorAll('p')].some((p) => /^Loading/.test(p.textContent?.trim() ?? '')),
      hash,
      { timeout: 20_000 },
    );
  };

  for (const role of ROLES)
    it(`has no serious or critical violation on the screens a ${role} opens`, async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      try {
        await signInAt(page, `${studio.url}/#/strategies`, `${role}@arbiter.local`, PASSWORD);
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.waitFor();
        const screens = await nav
          .getByRole('link')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        expect(screens.length).toBeGreaterThan(3);
        const found: string[] = [];
        for (const hash of [...screens, ...details]) {
          const opened = await open(page, hash).then(
            () => true,
            () => false,
          );
          if (!opened) found.push(`${hash} did not finish loading`);
          else for (const v of await seriousAxeViolations(page)) found.push(`${hash} ${v}`);
        }
        expect(found).toEqual([]);
      } finally {
        await page.close();
      }
    }, 300_000);
});
