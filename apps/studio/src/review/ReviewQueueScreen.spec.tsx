/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { PeopleProvider } from '../shared/people';
import type { ReviewQueueApi, ReviewQueueItem } from './review-queue-api';
import { ReviewQueueCount } from './ReviewQueueCount';
import { ReviewQueueScreen } from './ReviewQueueScreen';

const DESIGNER = '0b7e2a4c-1d2f-4e5a-9b8c-7d6e5f4a3b2c';

const item = (over: {
  id: string;
  number: number;
  fairness?: 'FAILED' | 'PASSED';
  evidence?: boolean;
}): ReviewQueueItem => ({
  strategy: { id: `s-${over.id}`, name: 'Retention', description: 'Keeps customers who are about to leave' },
  version: {
    id: over.id,
    number: over.number,
    submittedAt: '2026-11-20T11:00:00.000Z',
    submittedBy: DESIGNER,
    evidence:
      over.evidence === false
        ? []
        : [
            {
              id: `sim-${over.id}`,
              status: 'COMPLETED',
              fairnessCheck: { status: over.fairness ?? 'PASSED' },
            },
          ],
  },
});

const fake = (items: ReviewQueueItem[]): ReviewQueueApi => ({ load: async () => items });
const people = async (ids: string[]) =>
  ids.map((id) => ({ id, displayName: id === DESIGNER ? 'Dana Designer' : id }));

describe('the review queue', () => {
  it('lists the versions waiting, each linked to its review opened on that version, with its evidence', async () => {
    render(
      <PeopleProvider lookup={people}>
        <ReviewQueueScreen
          api={fake([
            item({ id: 'v3', number: 3, fairness: 'FAILED' }),
            item({ id: 'v7', number: 7, evidence: false }),
          ])}
        />
      </PeopleProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Waiting for your review' });
    const [first, second] = within(list).getAllByRole('listitem');
    const link = within(first!).getByRole('link', { name: 'Retention · version 3' });
    expect(link.getAttribute('href')).toBe('#/strategies/s-v3/review?version=v3');
    expect(first!.textContent).toContain('Keeps customers who are about to leave');
    expect(
      await within(first!).findByText(
        /by Dana Designer · 1 completed simulation, fairness check below the threshold/,
      ),
    ).toBeTruthy();
    expect(second!.textContent).toContain('no simulation yet: an analyst must run one');
  });

  it('says so when nothing waits', async () => {
    render(<ReviewQueueScreen api={fake([])} />);
    expect(await screen.findByText('Nothing waits for you')).toBeTruthy();
  });

  it('counts the waiting versions for the navigation', async () => {
    render(<ReviewQueueCount api={fake([item({ id: 'a', number: 1 }), item({ id: 'b', number: 2 })])} />);
    expect((await screen.findByLabelText('2 waiting')).textContent).toBe('2');
  });
});
