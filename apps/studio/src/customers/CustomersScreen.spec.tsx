/** @jest-environment jsdom */
import { grantsFor } from '../test-support/served-permissions';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { CustomersApi } from './customers-api';
import { CustomersScreen } from './CustomersScreen';

const api = (asked: [string, boolean][] = []): CustomersApi => ({
  customer: async (customerId, withHistory) => {
    asked.push([customerId, withHistory]);
    return {
      customerId,
      fields: [
        {
          name: 'balance',
          value: 5000,
          source: 'billing',
          updatedAt: '2026-01-01T00:00:00.000Z',
          ageDays: 45.2,
          personal: false,
          hashed: false,
          masked: false,
        },
        {
          name: 'email',
          value: null,
          source: 'crm',
          updatedAt: '2026-02-01T00:00:00.000Z',
          ageDays: 3,
          personal: true,
          hashed: true,
          masked: true,
        },
        {
          name: 'phone',
          value: null,
          source: 'crm',
          updatedAt: '2026-02-01T00:00:00.000Z',
          ageDays: 0.5,
          personal: true,
          hashed: false,
          masked: true,
        },
      ],
      recentDecisions: [
        {
          id: 'd1',
          decidedAt: '2026-02-10T09:00:00.000Z',
          strategyId: 's1',
          versionNumber: 3,
          actions: [{ actionId: 'credit-offer', rank: 1 }],
          explanation: [
            'Recommended (version 3 of the strategy): 1. Credit offer.',
            'Based on: balance 5000 (45 days old); email (personal, hidden).',
            'Asked through: rest.',
          ],
        },
        {
          id: 'd0',
          decidedAt: '2026-02-01T09:00:00.000Z',
          strategyId: 's1',
          versionNumber: 2,
          actions: [],
        },
      ],
      ...(withHistory && {
        interactions: [
          { actionId: 'credit-offer', outcome: 'declined', at: '2026-02-10T09:05:00.000Z', channel: 'web' },
        ],
      }),
    };
  },
  quality: async () => ({
    customers: 10,
    staleAfterDays: 30,
    sources: [
      {
        source: 'billing',
        description: 'ERP',
        fields: [
          {
            field: 'balance',
            customers: 4,
            completeness: 0.4,
            medianAgeDays: 12,
            maxAgeDays: 400,
            staleCustomers: 2,
          },
          {
            field: 'products',
            customers: 9,
            completeness: 0.9,
            medianAgeDays: 1,
            maxAgeDays: 5,
            staleCustomers: 0,
          },
        ],
      },
    ],
  }),
});

describe('CustomersScreen', () => {
  it('shows a customer’s fields with source and age, masks personal values, and lists history and decisions', async () => {
    const asked: [string, boolean][] = [];
    render(<CustomersScreen user={grantsFor(['analyst'])} api={api(asked)} />);
    fireEvent.change(screen.getByLabelText('Customer id'), { target: { value: ' C-42 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText('Profile of C-42')).toBeTruthy();
    expect(asked).toEqual([['C-42', true]]);
    const balance = within(screen.getByRole('region', { name: 'Customer C-42' }))
      .getByText('balance')
      .closest('tr')!;
    expect(balance.textContent).toContain('5000');
    expect(balance.textContent).toContain('billing');
    expect(balance.textContent).toContain('45 days (stale)');
    expect(screen.getByText('pseudonymised')).toBeTruthy();
    expect(screen.getByText('hidden (personal)')).toBeTruthy();
    expect(screen.getByText(/declined credit-offer \(web\)/)).toBeTruthy();
    const why = screen.getByRole('list', { name: 'Why, decision of 2026-02-10T09:00:00.000Z' });
    expect(
      within(why)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Recommended (version 3 of the strategy): 1. Credit offer.',
      'Based on: balance 5000 (45 days old); email (personal, hidden).',
      'Asked through: rest.',
    ]);
    // A decision logged without an explanation still says what it recommended.
    expect(screen.getByText(/version 2 recommended nothing/)).toBeTruthy();
  });

  it('summarises each source, least complete field first; admins get no history (the server refuses it to them)', async () => {
    const asked: [string, boolean][] = [];
    render(<CustomersScreen user={grantsFor(['admin'])} api={api(asked)} />);
    expect(await screen.findByText('billing — ERP')).toBeTruthy();
    const rows = within(screen.getByRole('region', { name: 'Freshness and completeness per source' }))
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[1]).toBe('balance40%12 days1.1 years2');
    expect(rows[2]).toBe('products90%1 day5 days0');
    fireEvent.change(screen.getByLabelText('Customer id'), { target: { value: 'C-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText('Profile of C-1')).toBeTruthy();
    expect(asked).toEqual([['C-1', false]]);
    expect(screen.queryByText('Interactions (last 90 days)')).toBeNull();
  });
});
