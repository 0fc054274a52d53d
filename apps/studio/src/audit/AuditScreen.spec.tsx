/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AuditApi } from './audit-api';
import type { AuditEntry } from './audit-model';
import { AuditScreen } from './AuditScreen';

const entry = (seq: number): AuditEntry => ({
  seq: String(seq),
  action: 'version.approve',
  entityType: 'version',
  entityId: `version-${seq}`,
  entityName: `'Retention' version ${seq}`,
  actorId: 'u1',
  actorEmail: 'reviewer@arbiter.local',
  occurredAt: '2026-11-20T10:00:00.000Z',
  comment: seq === 3 ? 'Looks right' : null,
  beforeHash: null,
  afterHash: null,
  hash: `hash${seq}000000000`,
});

describe('AuditScreen', () => {
  it('pages through the log, filters, and shows the chain status', async () => {
    const filters: unknown[] = [];
    const api: AuditApi = {
      page: async (filter, after) => {
        filters.push(filter);
        return after ? { entries: [entry(1)] } : { entries: [entry(3), entry(2)], next: 'c2' };
      },
      verify: async () => ({
        valid: true,
        checkedEntries: 3,
        firstBrokenSeq: null,
        reason: null,
        headHash: 'abc',
      }),
    };
    render(<AuditScreen api={api} />);
    expect(await screen.findByText('Chain verified ✓ (3 entries, head #abc)')).toBeTruthy();
    expect(await screen.findByText('Looks right')).toBeTruthy();
    expect(screen.getAllByText('reviewer@arbiter.local')).toHaveLength(2);
    // What an entry is about, by name; the id kept beside it and on hover.
    const on = screen.getByText("'Retention' version 3");
    expect(on.closest('td')!.getAttribute('title')).toBe('version version-3');
    expect(on.closest('td')!.textContent).toBe("'Retention' version 3 version-3");
    fireEvent.click(screen.getByRole('button', { name: 'Load older entries' }));
    await waitFor(() => expect(screen.getAllByText('version approve')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Load older entries' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'version.approve' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText('Looks right');
    expect(filters[filters.length - 1]).toEqual({ action: 'version.approve' });
  });

  it('names the first broken link', async () => {
    const api: AuditApi = {
      page: async () => ({ entries: [] }),
      verify: async () => ({
        valid: false,
        checkedEntries: 9,
        firstBrokenSeq: 4,
        reason: 'prevHash does not match',
        headHash: null,
      }),
    };
    render(<AuditScreen api={api} />);
    expect(
      await screen.findByText(
        'Chain broken at entry 4: prevHash does not match. Entries from there on cannot be trusted.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('No entries')).toBeTruthy();
  });
});
