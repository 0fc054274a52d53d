/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { PeopleProvider, type PeopleLookup } from '../shared/people';
import type { StatusFilter } from './strategy-filter';
import type { StrategySource, StrategySummary } from './strategy-source';
import { StrategiesScreen } from './StrategiesScreen';
import { sessionUser } from '../test-support/session-users';

const DAN = '0b3c2f4e-1111-4aaa-8bbb-000000000001';
const RITA = '0b3c2f4e-2222-4aaa-8bbb-000000000002';
const GONE = '0b3c2f4e-3333-4aaa-8bbb-000000000003';
const me = sessionUser(RITA, 'Rita', ['reviewer'], 'rita@arbiter.local');

const summary = (
  id: string,
  name: string,
  description: string,
  createdBy: string,
  statuses: StrategySummary['statuses'],
): StrategySummary => ({
  id,
  name,
  description,
  createdBy,
  updatedAt: '2026-11-20T10:00:00.000Z',
  latest: { id: `${id}-v`, number: statuses.length, status: statuses[0]! },
  publishedNumber: statuses.includes('PUBLISHED')
    ? statuses.length - statuses.indexOf('PUBLISHED')
    : undefined,
  statuses,
});

const STRATEGIES = [
  summary('s1', 'Retail next best action', 'Cards and savings for retail customers', DAN, [
    'DRAFT',
    'PUBLISHED',
  ]),
  summary('s2', 'Winback', 'Bring back customers who left', RITA, ['IN_REVIEW']),
  summary('s3', 'Old onboarding', 'Welcome offers', GONE, ['RETIRED']),
  // v3 is a new draft; v2 still waits for review.
  {
    ...summary('s4', 'Summer', 'Seasonal offers', DAN, ['DRAFT', 'IN_REVIEW', 'PUBLISHED']),
    inReview: { id: 's4-v2', number: 2 },
  },
];

const source = { mode: 'api', list: async () => STRATEGIES } as unknown as StrategySource;
const lookup: PeopleLookup = async (ids) =>
  [{ id: DAN, displayName: 'Dan Designer' }].filter((p) => ids.includes(p.id));

function renderScreen(initialStatus?: StatusFilter) {
  render(
    <PeopleProvider lookup={lookup}>
      <StrategiesScreen source={source} user={me} onOpen={() => undefined} initialStatus={initialStatus} />
    </PeopleProvider>,
  );
}

const cards = () => within(screen.getByRole('list', { name: 'Strategies' })).getAllByRole('listitem');

describe('StrategiesScreen', () => {
  it('shows status, owner by name and the last change of each strategy', async () => {
    renderScreen();
    const retail = (await screen.findByText('Retail next best action')).closest('li')!;
    expect(within(retail).getByText('v2 · Draft')).toBeTruthy();
    expect(within(retail).getByText('live: v1')).toBeTruthy();
    expect(await within(retail).findByText('by Dan Designer')).toBeTruthy();
    expect(within(retail).getByText(/^changed /)).toBeTruthy();
    const winback = screen.getByText('Winback').closest('li')!;
    expect(within(winback).getByText('v1 · In review')).toBeTruthy();
    expect(within(winback).getByText('by you')).toBeTruthy();
    // The version waiting for review, beside a newer draft.
    const summer = screen.getByText('Summer').closest('li')!;
    expect(within(summer).getByText('v3 · Draft')).toBeTruthy();
    expect(within(summer).getByText('v2 · In review')).toBeTruthy();
    expect(within(summer).getByText('live: v1')).toBeTruthy();
    // A user the directory does not know keeps a short id.
    expect(
      within(screen.getByText('Old onboarding').closest('li')!).getByText('by user 0b3c2f4e'),
    ).toBeTruthy();
  });

  it('searches names and descriptions, filters by status, and says when nothing matches', async () => {
    renderScreen();
    await screen.findByText('Winback');
    expect(screen.getByText('4 strategies')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'CUSTOMERS' } });
    expect(cards()).toHaveLength(2);
    expect(screen.getByText('2 of 4 strategies')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'PUBLISHED' } });
    expect(cards().map((c) => c.querySelector('.strategy-name')!.textContent)).toEqual([
      'Retail next best action',
    ]);

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'RETIRED' } });
    expect(screen.queryByRole('list', { name: 'Strategies' })).toBeNull();
    expect(screen.getByText('No strategy matches')).toBeTruthy();
    expect(screen.getByText('No strategy contains “CUSTOMERS” and has a retired version.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show all strategies' }));
    expect(cards()).toHaveLength(4);
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('');
  });

  it('opens on the status filter the route asks for, and can show everything again', async () => {
    renderScreen('DRAFT');
    await screen.findByText('Summer');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('DRAFT');
    expect(cards().map((c) => c.querySelector('.strategy-name')!.textContent)).toEqual([
      'Retail next best action',
      'Summer',
    ]);
    expect(screen.getByText('2 of 4 strategies')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'all' } });
    expect(cards()).toHaveLength(4);
  });
});
