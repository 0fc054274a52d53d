/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/client';
import { analyst, reviewer } from '../test-support/session-users';
import { SimulationsScreen } from './SimulationsScreen';
import { detail, memoryApi, NAMES } from './test-fixtures';
import { blobText } from '../test-support/blob-text';

const running = (rowsDone: number) =>
  detail({
    status: 'RUNNING',
    results: null,
    comparison: null,
    progress: {
      status: 'RUNNING',
      rowsDone,
      rowsTotal: 100,
      rowsPerSecond: 20,
      etaSeconds: 3,
      chunksDone: 1,
      chunkCount: 4,
    },
  });

beforeEach(() => {
  window.location.hash = '';
});

describe('SimulationsScreen: the list and the start form', () => {
  it('lists recent runs and starts the preselected version against the published one', async () => {
    const { api, started, filters } = memoryApi();
    render(<SimulationsScreen user={analyst} versionId="v2" api={api} />);
    const row = (await screen.findByRole('link', { name: 'Retail NBA' })).closest('tr')!;
    expect(within(row).getByText('Completed')).toBeTruthy();
    expect(within(row).getByText('Ari Analyst')).toBeTruthy();
    expect(within(row).getByText('v1')).toBeTruthy();

    expect((screen.getByLabelText('Version') as HTMLSelectElement).value).toBe('v2');
    expect((screen.getByLabelText('Compare with (baseline)') as HTMLSelectElement).value).toBe('v1');
    const dataset = screen.getByLabelText('Dataset') as HTMLSelectElement;
    expect([...dataset.options].map((o) => o.text)).toEqual(['Coupons (100 rows)']);

    fireEvent.click(screen.getByRole('switch', { name: /Run again even if an identical run exists/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Start simulation' }));
    await waitFor(() => expect(window.location.hash).toBe('#/simulations/sim-new'));
    expect(started).toEqual([{ versionId: 'v2', datasetId: 'd1', baselineVersionId: 'v1', force: true }]);

    fireEvent.change(screen.getByLabelText('Show simulations of strategy'), { target: { value: 's1' } });
    await waitFor(() => expect(filters).toEqual([undefined, 's1']));
  });

  it('shows a reviewer the runs, with the start button disabled and why', async () => {
    const { api } = memoryApi();
    render(<SimulationsScreen user={reviewer} api={api} />);
    const start = await screen.findByRole('button', { name: 'Start simulation' });
    expect((start as HTMLButtonElement).disabled).toBe(true);
    expect(start.parentElement!.getAttribute('title')).toBe(
      'Only analysts run, cancel and delete simulations.',
    );
    expect(await screen.findByRole('link', { name: 'Retail NBA' })).toBeTruthy();
  });

  it('says so when the list cannot be loaded', async () => {
    const { api } = memoryApi();
    api.list = async () => {
      throw new Error('The server is not reachable.');
    };
    render(<SimulationsScreen user={analyst} api={api} />);
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toContain(
      'Could not load the simulations: The server is not reachable.',
    );
  });
});

describe('SimulationsScreen: one run', () => {
  it('follows the progress, then shows the results, the comparison and the CSV', async () => {
    const { api } = memoryApi([running(25), detail()]);
    const downloads: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (downloads.push(b), 'blob:x'),
      revokeObjectURL: () => {},
    });
    const saved: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    render(<SimulationsScreen user={analyst} simulationId="sim-1" api={api} />);
    const bar = await screen.findByRole('progressbar', { name: 'Rows decided' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByText('25 of 100 rows')).toBeTruthy();
    expect(screen.getByText('about 3 s left')).toBeTruthy();

    expect(await screen.findByRole('table', { name: 'Per action' }, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Retail NBA v2');
    expect(screen.getByText('age 17 is not ≥ 18 (30)')).toBeTruthy();
    // Every logged row has its propensity: no "IPS needs propensities" note.
    expect(screen.queryByText(/only the observed rate and replay are estimated/)).toBeNull();
    expect(
      within(screen.getByRole('table', { name: 'Per segment' })).getByText('travel-insurance (62.5%)'),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Compare with v1' }));
    expect(screen.getByText('33.3%')).toBeTruthy();
    const examples = screen.getByRole('table', { name: 'Examples of customers whose top action changed' });
    expect(within(examples).getByText('c1')).toBeTruthy();
    expect(within(examples).getByText('gold-card')).toBeTruthy();
    const goldRow = within(screen.getByRole('table', { name: 'Per action' }))
      .getByText('gold-card')
      .closest('tr')!;
    // Fewer customers for one action is a change, not bad news: it is not painted red.
    expect(goldRow.querySelector('.sim-delta-changed')?.textContent).toBe('−20');
    expect(goldRow.querySelector('.sim-delta-worse')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Export results as CSV' }));
    expect(saved).toEqual(['simulation-sim-1.csv']);
    expect(await blobText(downloads[0]!)).toMatch(/^kind,id,name,top_action,top_action_baseline,rows_draft/);
  });

  it('shows actions and steps by their names, in the tables, the examples and the CSV', async () => {
    const { api } = memoryApi([detail({ names: NAMES })]);
    const downloads: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (downloads.push(b), 'blob:x'),
      revokeObjectURL: () => {},
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<SimulationsScreen user={analyst} simulationId="sim-1" api={api} />);
    const actions = await screen.findByRole('table', { name: 'Per action' });
    const gold = within(actions).getByText('Gold card');
    expect(gold.getAttribute('title')).toBe('gold-card');
    expect(within(actions).queryByText('gold-card')).toBeNull();
    const funnel = screen.getByRole('table', { name: 'Funnel per step' });
    expect(within(funnel).getByText('Adults only')).toBeTruthy();
    expect(within(funnel).queryByText('adults')).toBeNull();
    expect(
      within(screen.getByRole('table', { name: 'Per segment' })).getByText('Travel insurance (62.5%)'),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Compare with v1' }));
    const examples = screen.getByRole('table', { name: 'Examples of customers whose top action changed' });
    expect(within(examples).getByText('Gold card')).toBeTruthy();
    // The fairness check of the run, below its results.
    expect(screen.getByRole('region', { name: 'Fairness check' }).textContent).toContain(
      'No customer field was marked protected',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Export results as CSV' }));
    const csv = await blobText(downloads[downloads.length - 1]!);
    expect(csv).toContain('\r\naction,gold-card,Gold card,,,');
    expect(csv).toContain('\r\nsegment,gold,gold,Travel insurance,Gold card,');
  });

  it('stops asking for a simulation that does not exist', async () => {
    const { api } = memoryApi();
    let asked = 0;
    api.get = async () => {
      asked++;
      throw new ApiError('Simulation "nope" does not exist.', 'NOT_FOUND');
    };
    render(<SimulationsScreen user={analyst} simulationId="nope" api={api} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not load the simulation: Simulation "nope" does not exist.',
    );
    await new Promise((r) => setTimeout(r, 1200));
    expect(asked).toBe(1);
  });

  it('cancels after confirmation', async () => {
    const { api, cancelled } = memoryApi([running(10)]);
    render(<SimulationsScreen user={analyst} simulationId="sim-1" api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel simulation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this simulation?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep running' }));
    expect(cancelled).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel simulation…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel simulation' }));
    await waitFor(() => expect(cancelled).toEqual(['sim-1']));
  });

  it('deletes a finished run after confirmation and returns to the list; a late refusal stays in the dialog', async () => {
    const refusal = new ApiError(
      'Simulation "sim-1" is the approval evidence of version 2 (APPROVED); it cannot be deleted.',
      'INVALID_STATE',
    );
    let refuse = true;
    const { api, removed } = memoryApi([detail()], {
      remove: async (id) => {
        if (refuse) throw refusal;
        removed.push(id);
      },
    });
    window.location.hash = '#/simulations/sim-1';
    render(<SimulationsScreen user={analyst} simulationId="sim-1" api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this simulation?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete simulation' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'approval evidence of version 2',
    );
    expect(window.location.hash).toBe('#/simulations/sim-1');

    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete simulation' }));
    await waitFor(() => expect(removed).toEqual(['sim-1']));
    await waitFor(() => expect(window.location.hash).toBe('#/simulations'));
  });

  it('offers no delete while a run is going, and says why when it may not delete', async () => {
    const { api } = memoryApi([running(10)]);
    const { unmount } = render(<SimulationsScreen user={analyst} simulationId="sim-1" api={api} />);
    await screen.findByRole('button', { name: 'Cancel simulation…' });
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    unmount();

    const { unmount: close } = render(
      <SimulationsScreen user={reviewer} simulationId="sim-1" api={memoryApi([detail()]).api} />,
    );
    const remove = (await screen.findByRole('button', { name: 'Delete' })) as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    expect(remove.title).toBe('Only analysts run, cancel and delete simulations.');
    close();

    // The server says beforehand when it would refuse: the button is disabled with its reason.
    const evidence = 'This simulation is evidence of version 2, which is APPROVED: its results are kept.';
    render(
      <SimulationsScreen
        user={analyst}
        simulationId="sim-1"
        api={memoryApi([detail({ deleteRefusal: evidence })]).api}
      />,
    );
    const kept = (await screen.findByRole('button', { name: 'Delete' })) as HTMLButtonElement;
    expect(kept.disabled).toBe(true);
    expect(kept.title).toBe(evidence);
  });

  it('explains a failure in a sentence, and why off-policy estimates are missing', async () => {
    const { api } = memoryApi([
      detail({
        status: 'FAILED',
        error: 'Error: dataset has no rows\n  at x',
        results: null,
        comparison: null,
      }),
    ]);
    const { unmount } = render(<SimulationsScreen user={reviewer} simulationId="sim-1" api={api} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The simulation failed: Dataset has no rows.',
    );
    unmount();

    const plain = memoryApi([
      detail({
        baselineVersion: null,
        comparison: null,
        results: { ...(detail().results as object), offPolicy: undefined },
      }),
    ]);
    render(<SimulationsScreen user={reviewer} simulationId="sim-1" api={plain.api} />);
    expect(
      await screen.findByText(/Off-policy estimates need a dataset with the action that was actually shown/),
    ).toBeTruthy();
    expect(screen.queryByRole('tab', { name: /Compare/ })).toBeNull();
  });

  it('says which fields the strategy reads that the dataset lacks or hashed, above the results', async () => {
    const warning =
      'The strategy reads customer.ageYears, which this dataset holds hashed (personal data): …';
    const { api } = memoryApi([detail({ dataWarnings: [warning] })]);
    render(<SimulationsScreen user={reviewer} simulationId="sim-1" api={api} />);
    const note = await screen.findByLabelText('About this dataset');
    expect(note.textContent).toBe(warning);
    expect(screen.getByRole('region', { name: 'Results' })).toBeTruthy();
  });
});
