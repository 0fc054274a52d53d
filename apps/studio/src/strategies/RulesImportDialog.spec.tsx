/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PeopleProvider } from '../shared/people';
import type { RulesImportResult, StrategySource } from './strategy-source';
import { StrategiesScreen } from './StrategiesScreen';
import { sessionUser } from '../test-support/session-users';

const designer = sessionUser('u1', 'Dan', ['designer'], 'dan@arbiter.local');

const RESULT: RulesImportResult = {
  strategyId: 's-new',
  versionId: 'v-new',
  imported: 2,
  total: 3,
  createdActions: ['gold-card'],
  matchedActions: ['loan'],
  report: [
    {
      rule: 2,
      name: 'Dynamic',
      field: 'conditions.all[0].params',
      message: 'dynamic facts cannot be carried over',
      carriedOver: false,
    },
    {
      rule: 1,
      name: null,
      field: 'event.type',
      message: 'event type "Loan" became the action id "loan"',
      carriedOver: true,
    },
  ],
};

function renderScreen(importRules?: StrategySource['importRules']) {
  const calls: { name: string; rules: unknown }[] = [];
  const opened: string[] = [];
  const source = {
    mode: 'api',
    list: async () => [],
    ...(importRules && {
      importRules: (name: string, rules: unknown) => {
        calls.push({ name, rules });
        return importRules(name, rules);
      },
    }),
  } as unknown as StrategySource;
  render(
    <PeopleProvider lookup={async () => []}>
      <StrategiesScreen source={source} user={designer} onOpen={(id) => opened.push(id)} />
    </PeopleProvider>,
  );
  return { calls, opened };
}

describe('importing json-rules-engine rules on the Strategies screen', () => {
  it('imports pasted rules, shows what was and was not carried over, then opens the draft', async () => {
    const { calls, opened } = renderScreen(async () => RESULT);
    fireEvent.click(await screen.findByRole('button', { name: 'Import json-rules-engine rules' }));
    const dialog = screen.getByRole('dialog', { name: 'Import json-rules-engine rules' });
    fireEvent.change(within(dialog).getByLabelText('Strategy name'), { target: { value: 'From rules' } });
    const rules = [{ conditions: { all: [] }, event: { type: 'gold-card' } }];
    fireEvent.change(within(dialog).getByLabelText('Or paste the rules'), {
      target: { value: JSON.stringify(rules) },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));

    const done = await screen.findByRole('dialog', { name: 'Rules imported' });
    expect(calls).toEqual([{ name: 'From rules', rules }]);
    expect(done.textContent).toContain('2 of 3 rules carried over into a new draft.');
    expect(done.textContent).toContain('Added to the catalog: gold-card.');
    expect(done.textContent).toContain('Already in the catalog, used as they are: loan.');
    const left = within(done).getByRole('region', { name: 'Not carried over' });
    expect(left.textContent).toContain(
      'Rule 3 (Dynamic) conditions.all[0].params: dynamic facts cannot be carried over',
    );
    expect(within(done).getByRole('region', { name: 'Carried over with a change' }).textContent).toContain(
      'became the action id "loan"',
    );

    fireEvent.click(within(done).getByRole('button', { name: 'Open the draft' }));
    expect(opened).toEqual(['s-new']);
  });

  it('says so when the pasted text is not JSON, without calling the server', async () => {
    const { calls } = renderScreen(async () => RESULT);
    fireEvent.click(await screen.findByRole('button', { name: 'Import json-rules-engine rules' }));
    fireEvent.change(screen.getByLabelText('Strategy name'), { target: { value: 'Broken' } });
    fireEvent.change(screen.getByLabelText('Or paste the rules'), { target: { value: '[{ "conditions": ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The rules are not valid JSON');
    expect(calls).toEqual([]);
  });

  it('shows the server refusal in words and keeps the dialog open', async () => {
    renderScreen(async () => {
      throw new Error('None of the 1 rules can be carried over; nothing was imported.');
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Import json-rules-engine rules' }));
    fireEvent.change(screen.getByLabelText('Strategy name'), { target: { value: 'Nothing' } });
    fireEvent.change(screen.getByLabelText('Or paste the rules'), { target: { value: '[]' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('None of the 1 rules can be carried over'),
    );
    expect(screen.getByRole('dialog', { name: 'Import json-rules-engine rules' })).toBeTruthy();
  });

  it('offers no import where the strategies cannot be imported into (local mode)', async () => {
    renderScreen();
    await screen.findByText('No strategies yet');
    expect(screen.queryByRole('button', { name: 'Import json-rules-engine rules' })).toBeNull();
  });
});
