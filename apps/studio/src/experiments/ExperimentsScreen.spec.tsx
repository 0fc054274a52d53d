/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/client';
import type { Role } from '../api/generated/graphql';
import type {
  ExperimentArm,
  ExperimentResults,
  ExperimentsApi,
  ExperimentStrategy,
  SplitExperiment,
} from './experiments-api';
import { ExperimentsScreen } from './ExperimentsScreen';
import type { Grants } from '../auth/session';
import { grantsFor } from '../test-support/served-permissions';

const strategy = (published = true): ExperimentStrategy => ({
  strategy: {
    id: 's1',
    name: 'Retention offers',
    publishedVersion: published ? { id: 'v1', number: 1 } : null,
    versions: published
      ? [
          { id: 'v2', number: 2, status: 'DRAFT' },
          { id: 'v1', number: 1, status: 'PUBLISHED' },
        ]
      : [{ id: 'v1', number: 1, status: 'DRAFT' }],
  },
});

const arm = (over: Partial<ExperimentArm> & Pick<ExperimentArm, 'arm'>): ExperimentArm => ({
  label: over.arm,
  percent: 50,
  champion: false,
  decisions: 0,
  outcomes: 0,
  positives: 0,
  rate: null,
  rateLow: 0,
  rateHigh: 1,
  difference: null,
  differenceLow: null,
  differenceHigh: null,
  pValue: null,
  verdict: null,
  ...over,
});

const TOO_EARLY: SplitExperiment = {
  splitStepId: 'ab',
  label: 'Offer test',
  verdict: 'TOO_EARLY',
  winner: null,
  summary:
    'Too early: keep running — the test looks once every arm has 100 decisions (the fewest so far: 20). The always-valid test allows looking at any time.',
  comparisonAlpha: 0.05,
  arms: [
    arm({
      arm: 'champion',
      champion: true,
      decisions: 20,
      outcomes: 20,
      positives: 2,
      rate: 0.1,
      rateLow: 0.028,
      rateHigh: 0.301,
    }),
    arm({
      arm: 'challenger',
      decisions: 22,
      outcomes: 22,
      positives: 11,
      rate: 0.5,
      rateLow: 0.307,
      rateHigh: 0.693,
      difference: 0.4,
      pValue: 1,
      verdict: 'TOO_EARLY',
    }),
  ],
};

const DECIDED: SplitExperiment = {
  ...TOO_EARLY,
  verdict: 'CHALLENGER_BETTER',
  winner: 'challenger',
  summary:
    '“challenger” is better than the champion “champion”: 50.0% against 10.0% of decisions with a positive outcome (always-valid p < 0.001). Promote it as a new draft.',
  arms: [
    arm({
      arm: 'champion',
      champion: true,
      decisions: 250,
      outcomes: 250,
      positives: 25,
      rate: 0.1,
      rateLow: 0.069,
      rateHigh: 0.143,
    }),
    arm({
      arm: 'challenger',
      decisions: 250,
      outcomes: 250,
      positives: 125,
      rate: 0.5,
      rateLow: 0.438,
      rateHigh: 0.562,
      difference: 0.4,
      differenceLow: 0.29,
      differenceHigh: 0.51,
      pValue: 0.00001,
      verdict: 'CHALLENGER_BETTER',
    }),
  ],
};

const results = (
  splits: SplitExperiment[],
  positiveOutcomes = ['accepted', 'clicked', 'converted'],
): ExperimentResults => ({
  versionId: 'v1',
  version: 1,
  status: 'PUBLISHED',
  positiveOutcomes,
  alpha: 0.05,
  minDecisions: 100,
  splits,
});

function fakeApi(roles: Role[], split: SplitExperiment | null, over: Partial<ExperimentsApi> = {}) {
  const calls = { results: [] as unknown[][], promote: [] as unknown[][] };
  const api: ExperimentsApi = {
    strategy: async () => strategy(split !== null),
    results: async (...args) => {
      calls.results.push(args);
      return results(split ? [split] : [], [...args[2]]);
    },
    promote: async (...args) => {
      calls.promote.push(args);
      return 2;
    },
    ...over,
  };
  return { api, calls, user: grantsFor(roles) };
}

const show = (api: ExperimentsApi, user: Grants) =>
  render(
    <ExperimentsScreen strategyId="s1" user={user} api={api} onBack={() => {}} onOpenReview={() => {}} />,
  );
const promoteButton = () =>
  screen.getByRole('button', { name: 'Promote the winner as a new draft' }) as HTMLButtonElement;

describe('the experiments screen', () => {
  it('shows each arm with its counts, rate and interval, and says it is too early in words', async () => {
    const { api, calls, user } = fakeApi(['designer'], TOO_EARLY);
    show(api, user);
    const card = await screen.findByRole('region', { name: 'Experiment Offer test' });
    expect(within(card).getByRole('status').textContent).toBe(TOO_EARLY.summary);
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['champion champion', '50%', '20', '20', '2', '10.0% [2.8%, 30.1%]', '–', '–'],
      ['challenger', '50%', '22', '22', '11', '50.0% [30.7%, 69.3%]', '+40.0 pts', '–'],
    ]);
    expect(calls.results).toEqual([['s1', 1, ['accepted', 'clicked', 'converted']]]);
    expect(promoteButton().disabled).toBe(true);
    expect(
      within(card).getByText('The test has no verdict yet: keep running until it names a winner.'),
    ).toBeTruthy();
  });

  it('lets a designer promote the winner once the test has a verdict', async () => {
    const { api, calls, user } = fakeApi(['designer'], DECIDED);
    show(api, user);
    const card = await screen.findByRole('region', { name: 'Experiment Offer test' });
    const winnerRow = within(card).getAllByRole('row')[2]!;
    expect(winnerRow.textContent).toContain('winner');
    expect(winnerRow.textContent).toContain('+40.0 pts [+29.0, +51.0]');
    expect(winnerRow.textContent).toContain('< 0.001');
    expect(promoteButton().disabled).toBe(false);
    fireEvent.click(promoteButton());
    expect(
      await screen.findByText(
        /Version 2 is a new draft in which everyone takes “challenger” instead of the split “Offer test”\. It goes through review like any draft\./,
      ),
    ).toBeTruthy();
    expect(calls.promote).toEqual([['s1', 1, 'ab', 'challenger', ['accepted', 'clicked', 'converted']]]);
    // Once promoted, a second click would only make a second draft.
    expect(promoteButton().disabled).toBe(true);
    expect(promoteButton().title).toBe('Promoted: version 2 is the draft with the winner.');
  });

  it('keeps the button disabled, with the reason, for a role that may not start drafts', async () => {
    const { api, user } = fakeApi(['analyst'], DECIDED);
    show(api, user);
    await screen.findByRole('region', { name: 'Experiment Offer test' });
    expect(promoteButton().disabled).toBe(true);
    expect(promoteButton().title).toBe('Only designers edit drafts and submit them for review.');
  });

  it('reads the rates again with the outcomes chosen as success', async () => {
    const { api, calls, user } = fakeApi(['designer'], TOO_EARLY);
    show(api, user);
    await screen.findByRole('region', { name: 'Experiment Offer test' });
    fireEvent.click(screen.getByRole('switch', { name: 'declined' }));
    await waitFor(() =>
      expect(calls.results.at(-1)).toEqual(['s1', 1, ['accepted', 'clicked', 'converted', 'declined']]),
    );
  });

  it('shows the server’s refusal in words, and says when there is nothing to read', async () => {
    const refused = fakeApi(['designer'], DECIDED, {
      promote: async () => {
        throw new ApiError(
          'Arm "challenger" of split step "ab" cannot be promoted: the test has no verdict yet.',
          'INVALID_STATE',
        );
      },
    });
    const { unmount } = show(refused.api, refused.user);
    await screen.findByRole('region', { name: 'Experiment Offer test' });
    fireEvent.click(promoteButton());
    expect((await screen.findByRole('alert')).textContent).toContain(
      'cannot be promoted: the test has no verdict yet.',
    );
    unmount();
    show(fakeApi(['designer'], null).api, refused.user);
    expect(await screen.findByText('No published version yet')).toBeTruthy();
  });
});
