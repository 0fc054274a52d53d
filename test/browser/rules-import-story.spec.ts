import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok } from '../api/api-process';
import { screenshot } from './screenshots';
import { signInAt, useScratchDir, useStory } from './support';

const PASSWORD = 'e2e-rules-import-password';

const RULES = {
  rules: [
    {
      name: 'Gold card for adults',
      priority: 2,
      conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18, customId: 'adult' }] },
      event: { type: 'gold-card' },
    },
    {
      name: 'Big spenders',
      conditions: {
        any: [{ fact: 'orders', path: '$[*].total', operator: 'someFact:greaterThan', value: 500 }],
      },
      event: { type: 'Premium upgrade', params: { message: 'Upgrade to premium' } },
    },
    {
      name: 'Scored by a service',
      conditions: {
        all: [{ fact: 'creditScore', params: { bureau: 'x' }, operator: 'greaterThan', value: 700 }],
      },
      event: { type: 'premium-loan' },
    },
  ],
};

/**
 * A designer imports a json-rules-engine rules file on the Strategies screen (against the built API
 * with the demo seed): the report says which rule was left out and why, and the draft opens in the editor.
 */
describe('studio: importing json-rules-engine rules (browser)', () => {
  const { api, studio, page, token, browserErrors } = useStory({
    password: PASSWORD,
    page: { viewport: { width: 1280, height: 800 } },
    consoleErrors: false,
    roles: ['designer'],
  });
  const scratch = useScratchDir('arbiter-rules-');

  it('imports a rules file, shows the report, and opens the draft', async () => {
    const file = join(scratch, 'eligibility-rules.json');
    writeFileSync(file, JSON.stringify(RULES, null, 2));
    await signInAt(page, `${studio.url}/#/strategies`, 'designer@arbiter.local', PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('heading', { name: 'Strategies' }).waitFor();

    await page.getByRole('button', { name: 'Import json-rules-engine rules' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import json-rules-engine rules' });
    await dialog.getByLabel('Rules file').setInputFiles(file);
    // The name comes from the file's name.
    await dialog.getByLabel('Strategy name').fill('Eligibility rules (imported)');
    await dialog.getByRole('button', { name: 'Import' }).click();

    const done = page.getByRole('dialog', { name: 'Rules imported' });
    await done.getByText('2 of 3 rules carried over into a new draft.').waitFor();
    await done.getByText('Already in the catalog, used as they are: gold-card.').waitFor();
    await done
      .getByRole('region', { name: 'Not carried over' })
      .getByText(/dynamic facts with "params" cannot be carried over/)
      .waitFor();
    await screenshot(page, 'rules-import-report');

    await done.getByRole('button', { name: 'Open the draft' }).click();
    await page.getByText('Rule conditions').first().waitFor();
    await screenshot(page, 'rules-import-draft');

    const strategies = ok(
      await api.gql(`{ strategies { edges { node { name versions { status } } } } }`, {}, token['designer']),
    ).strategies.edges;
    expect(strategies.map((e: { node: { name: string } }) => e.node)).toEqual(
      expect.arrayContaining([{ name: 'Eligibility rules (imported)', versions: [{ status: 'DRAFT' }] }]),
    );
    const added = ok(
      await api.gql(`query { action(id: "premium-upgrade") { name attributes } }`, {}, token['designer']),
    ).action;
    expect(added).toEqual({ name: 'Big spenders', attributes: { message: 'Upgrade to premium' } });
    expect(browserErrors).toEqual([]);
  });
});
