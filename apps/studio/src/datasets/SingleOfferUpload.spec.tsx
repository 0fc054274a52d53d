/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { analyst } from '../test-support/session-users';
import { DatasetsScreen } from './DatasetsScreen';
import { csvInspection, memoryApi } from './test-fixtures';

/** The file of a campaign with one offer: the survey's columns, the outcome Y, no action column, no customer id. */
const campaign = csvInspection(
  [
    ['destination', 'string'],
    ['weather', 'string'],
    ['CoffeeHouse', 'string'],
    ['Y', 'number'],
  ],
  300,
  9000,
);

describe('uploading a single-offer dataset', () => {
  it('lets the analyst say which catalog action every row was offered, with rows numbered', async () => {
    const { api, calls } = memoryApi([], { inspect: async () => campaign });
    render(<DatasetsScreen user={analyst} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Upload a dataset' }));
    const file = new File(['destination,weather,CoffeeHouse,Y\nHome,Sunny,never,1\n'], 'coffee.csv');
    fireEvent.change(screen.getByLabelText('Dataset file (CSV or JSON lines)'), {
      target: { files: [file] },
    });
    await screen.findByRole('heading', { name: 'Columns' });
    fireEvent.change(screen.getByLabelText('Customer id column'), { target: { value: '(none)' } });

    // An outcome without the action it answers is not enough …
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    expect(
      screen.getAllByText(
        'Choose the logged action column, or the one action every row was offered: the outcome and propensity describe that action.',
      ).length,
    ).toBeGreaterThan(0);
    expect(calls.some((c) => c.method === 'upload')).toBe(false);

    // … the offered action, chosen by its name from the catalog, is.
    const offered = screen.getByLabelText(
      'Every row was offered (single-offer campaign)',
    ) as HTMLSelectElement;
    expect([...offered.options].map((o) => o.text)).toEqual([
      'No single offer (the action is in a column)',
      'Coffee House, 1 day',
      'Bar, 1 day',
    ]);
    fireEvent.change(offered, { target: { value: 'coffee-house-1d' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    const upload = calls.find((c) => c.method === 'upload')!;
    expect(upload.args[2]).toEqual({
      fields: ['destination', 'weather', 'CoffeeHouse'],
      offeredAction: 'coffee-house-1d',
      outcome: 'Y',
    });
  });
});
