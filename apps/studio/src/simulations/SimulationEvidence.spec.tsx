/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { compareSimulations, type ActionFunnelFigures, type SimulationSummary } from '@arbiter/engine';
import { ApiError } from '../api/client';
import { analyst, designer } from '../test-support/session-users';
import type { SimulationDetail } from './simulations-api';
import { SimulationsScreen } from './SimulationsScreen';
import { baselineSummary, detail, draftSummary, drops, memoryApi } from './test-fixtures';

const STEPS: ActionFunnelFigures['steps'] = [
  { nodeId: 'catalog', type: 'actions', label: 'All offers' },
  { nodeId: 'adults', type: 'filter' },
  { nodeId: 'top-1', type: 'rank', label: 'Best offer' },
];

/** The savings plan passes the filter for 80 customers but is never ranked first: it is in no other table. */
const funnel: ActionFunnelFigures = {
  rows: 100,
  steps: STEPS,
  actions: [
    { actionId: 'gold-card', name: 'Gold card', out: [100, 70, 40], recommended: 40, first: 40 },
    { actionId: 'savings-plan', name: 'Savings plan', out: [100, 80, 0], recommended: 0, first: 0 },
    {
      actionId: 'travel-insurance',
      name: 'Travel insurance',
      out: [100, 75, 45],
      recommended: 45,
      first: 45,
    },
  ],
};

const withFunnel: SimulationSummary = {
  ...draftSummary,
  actionFunnel: funnel,
  nodes: [
    draftSummary.nodes[0]!,
    {
      ...draftSummary.nodes[1]!,
      drops: drops(
        [
          { reason: 'needs age ≥ 18', count: 40 },
          { reason: 'rule for Gold card: needs income ≥ 30000', count: 20 },
          { reason: 'group insurance rule: needs travels = true', count: 10 },
          { reason: 'rule for Savings plan: needs segment = "gold"', count: 4 },
        ],
        1,
      ),
    },
  ],
};

const baselineWithFunnel: SimulationSummary = {
  ...baselineSummary,
  actionFunnel: {
    rows: 100,
    steps: [STEPS[0]!, STEPS[2]!],
    actions: [
      { actionId: 'gold-card', name: 'Gold card', out: [100, 60], recommended: 60, first: 60 },
      { actionId: 'savings-plan', name: 'Savings plan', out: [100, 10], recommended: 10, first: 10 },
      { actionId: 'travel-insurance', name: 'Travel insurance', out: [100, 30], recommended: 30, first: 30 },
    ],
  },
};

/** The run's results page, for an analyst; no download is tried. */
const showResults = (run: SimulationDetail) =>
  render(<SimulationsScreen user={analyst} simulationId="sim-1" api={memoryApi([run]).api} />);

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('simulation evidence in the results', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows every action after each step by name, recommended and first, and the drop reasons counted', async () => {
    const run = detail({ results: withFunnel, comparison: null, baselineVersion: null });
    showResults(run);
    const table = await screen.findByRole('table', { name: 'Per action through the steps' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Action',
      'After All offers',
      'After adults',
      'After Best offer',
      'Recommended (any rank)',
      'First',
      'Loses most at',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Travel insurance',
      'Gold card',
      'Savings plan',
    ]);
    // Eligible after the filter, never recommended: the rank cut is where it is lost.
    expect(cells(rows[2]!)).toEqual(['100', '80', '0', '0', '0', 'Best offer (−80)']);

    const steps = screen.getByRole('table', { name: 'Funnel per step' });
    const filter = within(steps).getAllByRole('row')[2]!;
    expect(
      within(filter)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'needs age ≥ 18 (40)',
      'rule for Gold card: needs income ≥ 30000 (20)',
      'group insurance rule: needs travels = true (10)',
      'other reasons (5)',
    ]);
  });

  it('sets the baseline beside each figure in the comparison', async () => {
    const run = detail({
      results: withFunnel,
      comparison: compareSimulations(baselineWithFunnel, withFunnel),
    });
    showResults(run);
    fireEvent.click(await screen.findByRole('tab', { name: 'Compare with v1' }));
    const table = screen.getByRole('table', { name: 'Per action through the steps' });
    const savings = within(table).getByRole('rowheader', { name: 'Savings plan' }).closest('tr')!;
    expect(cells(savings)).toEqual([
      '100was 100 0',
      '80new step',
      '0was 10 −10',
      '0was 10 −10',
      '0was 10 −10',
    ]);
  });

  it('downloads the per-customer CSV the API streams, and says why it cannot', async () => {
    const saved: string[] = [];
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'),
      revokeObjectURL: () => {},
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const file = new Blob([
      'row,customer_id,rank,action_name,action_id,propensity,priority\r\n1,c1,1,Gold card,gold-card,0.4,0.2\r\n',
    ]);
    const exported: string[] = [];
    const { api } = memoryApi([detail()], {
      customersCsv: async (id) => {
        exported.push(id);
        return { fileName: 'simulation-sim-1-customers.csv', file };
      },
    });
    render(<SimulationsScreen user={analyst} simulationId="sim-1" api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download per-customer CSV' }));
    await waitFor(() => expect(saved).toEqual(['simulation-sim-1-customers.csv']));
    expect(exported).toEqual(['sim-1']);
    expect(blobs).toEqual([file]);
  });

  it('shows the server’s refusal, and disables the button for a role that may not download', async () => {
    const refusing = memoryApi([detail()], {
      customersCsv: async () => {
        throw new ApiError(
          'Simulation sim-1 is FAILED: only a COMPLETED simulation has per-customer results.',
          'INVALID_STATE',
        );
      },
    });
    const { unmount } = render(<SimulationsScreen user={analyst} simulationId="sim-1" api={refusing.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download per-customer CSV' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'only a COMPLETED simulation has per-customer results',
    );
    unmount();

    render(<SimulationsScreen user={designer} simulationId="sim-1" api={refusing.api} />);
    const button = (await screen.findByRole('button', {
      name: 'Download per-customer CSV',
    })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.parentElement!.title).toBe('Only analysts and reviewers download per-customer results.');
  });
});
