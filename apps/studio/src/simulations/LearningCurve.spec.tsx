/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { analyst } from '../test-support/session-users';
import type { ReplayRate } from '@arbiter/learning';
import type { LearningResults } from './learning-curve-model';
import type { DatasetChoice } from './simulations-api';
import { SimulationsScreen } from './SimulationsScreen';
import { ResultsView } from './ResultsView';
import { choices, detail, draftSummary, memoryApi } from './test-fixtures';

const rate = (matched: number, accepted: number, half: number): ReplayRate => ({
  matched,
  accepted,
  rate: accepted / matched,
  low: accepted / matched - half,
  high: accepted / matched + half,
});

/** Three stretches of a log: learning climbs from 25% to 45%, frozen stays near 22%. */
const learning = (frozenHalf = 0.02): LearningResults => ({
  orderBy: 'timestamp',
  rows: 3000,
  rowsWithoutLog: 0,
  updates: 1500,
  learning: rate(1500, 540, 0.025),
  frozen: rate(1500, 330, frozenHalf),
  buckets: [
    {
      rows: 1000,
      from: '2019-11-24',
      to: '2019-11-25',
      learning: rate(500, 125, 0.04),
      frozen: rate(500, 110, 0.04),
    },
    {
      rows: 1000,
      from: '2019-11-25',
      to: '2019-11-26',
      learning: rate(500, 190, 0.04),
      frozen: rate(500, 112, 0.04),
    },
    {
      rows: 1000,
      from: '2019-11-26',
      to: '2019-11-27',
      learning: rate(500, 225, 0.04),
      frozen: rate(500, 108, 0.04),
    },
  ],
  models: [{ model: 'score byAction card', evidenceBefore: 0, evidenceAfter: 1500 }],
});

describe('the learning curve of a simulation that learned while replaying', () => {
  it('shows both curves, their figures per stretch of time, and says what they mean', () => {
    render(
      <ResultsView
        summary={{ ...draftSummary, learning: learning() } as typeof draftSummary}
        draftLabel="v2"
        fileName="x.csv"
      />,
    );
    const section = screen.getByRole('region', { name: 'Learning while replaying' });
    expect(
      within(section).getByText(/customers accepted 36\.0% \(95% CI 33\.5%–38\.5%\) of the 1,500 offers/),
    ).toBeTruthy();
    expect(
      within(section).getByText(
        /against 22\.0% \(95% CI 20\.0%–24\.0%\) of 1,500 with the models frozen\. Learning from outcomes clearly helps on this log\. The models learned from 1,500 outcomes\./,
      ),
    ).toBeTruthy();
    expect(
      within(section).getByRole('figure', { name: 'Acceptance rate over time, learning and frozen' }),
    ).toBeTruthy();
    const rows = within(within(section).getByRole('table', { name: 'Learning curve' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['1', '2019-11-24 … 2019-11-25', '25.0% of 500', '22.0% of 500'],
      ['2', '2019-11-25 … 2019-11-26', '38.0% of 500', '22.4% of 500'],
      ['3', '2019-11-26 … 2019-11-27', '45.0% of 500', '21.6% of 500'],
    ]);
  });

  it('says honestly when the log cannot tell learning from frozen', () => {
    render(
      <ResultsView
        summary={{ ...draftSummary, learning: learning(0.2) } as typeof draftSummary}
        draftLabel="v2"
        fileName="x.csv"
      />,
    );
    expect(
      screen.getByText(/The intervals overlap: this log is too small to tell the two apart\./),
    ).toBeTruthy();
  });

  it('has no such section for a run without learning', () => {
    render(<ResultsView summary={draftSummary} draftLabel="v2" fileName="x.csv" />);
    expect(screen.queryByRole('region', { name: 'Learning while replaying' })).toBeNull();
  });
});

describe('starting a simulation that learns while replaying', () => {
  it('offers learning for a dataset with a logged action and outcome, ordered by the column chosen', async () => {
    const logged: DatasetChoice = {
      id: 'd2',
      name: 'Offer log',
      status: 'READY',
      rowCount: 3000,
      logged: true,
      orderColumns: ['age', 'timestamp'],
    };
    const { api, started } = memoryApi([detail()], {
      choices: async () => ({ ...choices, datasets: [...choices.datasets, logged] }),
    });
    window.location.hash = '';
    render(<SimulationsScreen user={analyst} versionId="v2" api={api} />);
    // The first dataset has no log: nothing to learn from.
    expect(
      await screen.findByText('Learning while replaying needs a dataset with logged actions and outcomes.'),
    ).toBeTruthy();
    expect(screen.queryByRole('switch', { name: /Learn from outcomes while replaying/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('Dataset'), { target: { value: 'd2' } });
    fireEvent.click(screen.getByRole('switch', { name: /Learn from outcomes while replaying/ }));
    const order = screen.getByLabelText('Order in time by') as HTMLSelectElement;
    expect(order.value).toBe('timestamp');
    fireEvent.change(order, { target: { value: 'age' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start simulation' }));
    await waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]).toEqual({
      versionId: 'v2',
      datasetId: 'd2',
      baselineVersionId: 'v1',
      force: false,
      learning: { orderBy: 'age' },
    });
  });
});
