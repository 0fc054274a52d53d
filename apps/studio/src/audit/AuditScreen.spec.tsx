/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PeopleProvider } from '../shared/people';
import { blobText } from '../test-support/blob-text';
import type { AuditApi } from './audit-api';
import type { AuditEntry, AuditFacets, ChainVerification } from './audit-model';
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

/** A chain that verified: `checkedEntries` entries, ending at `headHash`. */
const verified = (checkedEntries: number, headHash: string | null = null): ChainVerification => ({
  valid: true,
  checkedEntries,
  firstBrokenSeq: null,
  reason: null,
  headHash,
});

const NO_FACETS: AuditFacets = { entityTypes: [], actions: [], actorIds: [] };

describe('AuditScreen', () => {
  it('pages through the log, filters, and shows the chain status', async () => {
    const filters: unknown[] = [];
    const api: AuditApi = {
      page: async (filter, after) => {
        filters.push(filter);
        return after ? { entries: [entry(1)] } : { entries: [entry(3), entry(2)], next: 'c2' };
      },
      verify: async () => verified(3, 'abc'),
      facets: async () => ({ entityTypes: ['version'], actions: ['version.approve'], actorIds: [] }),
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

    await screen.findByRole('option', { name: 'version approve' });
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
      facets: async () => NO_FACETS,
    };
    render(<AuditScreen api={api} />);
    expect(
      await screen.findByText(
        'Chain broken at entry 4: prevHash does not match. Entries from there on cannot be trusted.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('No entries')).toBeTruthy();
  });

  it('offers every entity type, action and person of the log, by name, and folds a session of autosaves into one row', async () => {
    const designer = '11111111-1111-4111-8111-111111111111';
    const save = (seq: number, minute: number): AuditEntry => ({
      ...entry(seq),
      action: 'version.save',
      entityId: 'draft-1',
      entityName: "'Retention' version 4",
      actorId: designer,
      actorEmail: null,
      occurredAt: `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`,
    });
    const filters: unknown[] = [];
    const api: AuditApi = {
      page: async (filter) => {
        filters.push(filter);
        return {
          entries: [
            save(9, 40),
            save(8, 31),
            save(7, 30),
            { ...entry(6), occurredAt: '2026-11-20T10:20:00.000Z' },
            save(5, 5),
          ],
        };
      },
      verify: async () => verified(9),
      facets: async () => ({
        entityTypes: ['model', 'version'],
        actions: ['model.freeze', 'version.save'],
        actorIds: [designer],
      }),
    };
    render(
      <PeopleProvider lookup={async (ids) => ids.map((id) => ({ id, displayName: 'Dana Designer' }))}>
        <AuditScreen api={api} />
      </PeopleProvider>,
    );
    // Three saves in one sitting are one row; the save after the approval starts another.
    expect(await screen.findByText('edited (3 saves in one session)')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => (r as HTMLTableRowElement).cells[3]!.textContent)).toEqual([
      'edited (3 saves in one session)',
      'version approve',
      'version save',
    ]);
    expect(within(screen.getByLabelText('Entity')).getByRole('option', { name: 'model' })).toBeTruthy();
    expect(
      within(screen.getByLabelText('Action')).getByRole('option', { name: 'model freeze' }),
    ).toBeTruthy();
    await within(screen.getByLabelText('Who')).findByRole('option', { name: 'Dana Designer' });
    fireEvent.change(screen.getByLabelText('Who'), { target: { value: designer } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(filters[filters.length - 1]).toEqual({ actorId: designer }));
  });

  it('exports the whole filtered log as CSV, every entry on its own line', async () => {
    const saved: Blob[] = [];
    // The browser would save the file; jsdom would try to navigate to it.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (saved.push(b), 'blob:x'),
      revokeObjectURL: () => undefined,
    });
    const api: AuditApi = {
      page: async (_filter, after) =>
        after ? { entries: [entry(1)] } : { entries: [entry(3), entry(2)], next: 'c2' },
      verify: async () => verified(3),
      facets: async () => NO_FACETS,
    };
    render(<AuditScreen api={api} />);
    await screen.findByText('Looks right');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const lines = (await blobText(saved[0]!)).trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq,occurred_at,actor,actor_id,action,entity_type,entity_id,entity,comment,before_hash,after_hash,hash',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['3', '2', '1']);
    expect(lines[1]).toContain(
      "reviewer@arbiter.local,u1,version.approve,version,version-3,'Retention' version 3,Looks right",
    );
  });
});
