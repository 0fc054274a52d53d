/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/client';
import { analyst, designer } from '../test-support/session-users';
import { newActionValues } from './action-fields';
import { ActionsScreen } from './ActionsScreen';
import type { ActionUpdate, CatalogAction, CatalogApi, CatalogFilter } from './catalog-api';

const gold: CatalogAction = {
  id: 'gold-card',
  name: 'Gold credit card',
  group: 'cards',
  channel: 'web',
  value: 120,
  cost: 10,
  validFrom: null,
  validTo: null,
  tags: ['acquisition'],
  attributes: {},
  revision: 2,
};
const travel: CatalogAction = {
  ...gold,
  id: 'travel-insurance',
  name: 'Travel insurance',
  group: 'insurance',
  value: 60,
  tags: [],
  revision: 1,
};

const matches = (a: CatalogAction, f: CatalogFilter) =>
  (!f.search || `${a.id} ${a.name}`.toLowerCase().includes(f.search.trim().toLowerCase())) &&
  (!f.group || a.group === f.group) &&
  (!f.channel || a.channel === f.channel);

/** An in-memory catalog that records what is sent; it filters as the server does. */
function fakeApi(initial: CatalogAction[] = [gold, travel]) {
  let store = initial.map((a) => ({ ...a }));
  const updates: { id: string; input: ActionUpdate }[] = [];
  const api: CatalogApi & {
    updates: typeof updates;
    bump(id: string, change: Partial<CatalogAction>): void;
  } = {
    updates,
    bump: (id, change) => {
      store = store.map((a) => (a.id === id ? { ...a, ...change, revision: a.revision + 1 } : a));
    },
    all: async () => store,
    page: async (f) => ({
      actions: store.filter((a) => matches(a, f)).sort((a, b) => (a.id < b.id ? -1 : 1)),
    }),
    summary: async (f) => ({
      total: store.length,
      matching: store.filter((a) => matches(a, f)).length,
      groups: [...new Set(store.flatMap((a) => (a.group ? [a.group] : [])))].sort(),
      channels: [...new Set(store.flatMap((a) => (a.channel ? [a.channel] : [])))].sort(),
      changedAt: null,
    }),
    get: async (id) => store.find((a) => a.id === id)!,
    create: async (input) => {
      const created = {
        ...newActionValues(input.id, input.name),
        ...input,
        revision: 1,
      } as CatalogAction;
      store = [...store, created];
      return created;
    },
    update: async (id, input) => {
      updates.push({ id, input });
      const current = store.find((a) => a.id === id)!;
      if (current.revision !== input.expectedRevision) {
        throw new ApiError('Action was changed by someone else', 'CONFLICT', undefined, {
          code: 'CONFLICT',
          currentRevision: current.revision,
        });
      }
      const { expectedRevision: _rev, ...changes } = input;
      const saved = { ...current, ...changes, revision: current.revision + 1 } as CatalogAction;
      store = store.map((a) => (a.id === id ? saved : a));
      return saved;
    },
    remove: async (id) => {
      store = store.filter((a) => a.id !== id);
    },
    importActions: async (create, update) => {
      for (const input of create) await api.create(input);
      for (const { id, ...input } of update) await api.update(id, input);
      return { created: create.length, updated: update.length, impacts: [] };
    },
    // No strategy reads any action unless a test says so.
    impact: async () => ({ refused: false, refusal: null, impacts: [] }),
  };
  return api;
}

const KEEPS = {
  strategyName: 'Retention',
  versionId: 'v3',
  versionNumber: 3,
  status: 'PUBLISHED',
  effect: 'KEEPS_ITS_COPY' as const,
  message:
    "Retention version 3 (published) keeps deciding as approved, without the change (action 'Gold credit card': value 120 → 150), until a new version is published",
};

describe('ActionsScreen', () => {
  it('saves an inline edit with Enter, sending only the change and the revision it is based on', async () => {
    const api = fakeApi();
    render(<ActionsScreen user={designer} api={api} />);
    expect(await screen.findByText('2 actions in 2 groups')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit gold-card' }));
    const value = screen.getByLabelText('Value of gold-card');
    fireEvent.change(value, { target: { value: '150' } });
    fireEvent.keyDown(value, { key: 'Enter' });
    expect(await screen.findByText('Saved gold-card.')).toBeTruthy();
    expect(api.updates).toEqual([{ id: 'gold-card', input: { expectedRevision: 2, value: 150 } }]);
    expect(screen.getByText('150')).toBeTruthy();
  });

  it('shows which strategy versions read the action before saving, and saves only when asked to', async () => {
    const api = fakeApi();
    const asked: unknown[] = [];
    api.impact = async (action, remove) => (
      asked.push({ action, remove }),
      { refused: false, refusal: null, impacts: [KEEPS] }
    );
    render(<ActionsScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit gold-card' }));
    fireEvent.change(screen.getByLabelText('Value of gold-card'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save “Gold credit card”?' });
    expect(within(dialog).getByText(/^Keeps deciding as approved — ‘Retention’ v3:/)).toBeTruthy();
    expect(within(dialog).getByText(KEEPS.message, { exact: false })).toBeTruthy();
    expect(asked).toEqual([
      {
        action: expect.objectContaining({ id: 'gold-card', name: 'Gold credit card', value: 150 }),
        remove: undefined,
      },
    ]);
    expect(api.updates).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    expect(await screen.findByText('Saved gold-card.')).toBeTruthy();
    expect(api.updates).toEqual([{ id: 'gold-card', input: { expectedRevision: 2, value: 150 } }]);
  });

  it('says in the delete dialog which versions read the action', async () => {
    const api = fakeApi();
    api.impact = async () => ({
      refused: false,
      refusal: null,
      impacts: [
        {
          ...KEEPS,
          message:
            "Retention version 3 (published) keeps deciding as approved, without the change (action 'Gold credit card' (gold-card) removed), until a new version is published",
        },
      ],
    });
    render(<ActionsScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete gold-card' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete gold-card?' });
    expect(await within(dialog).findByText(/removed\), until a new version is published/)).toBeTruthy();
  });

  it('shows a validation problem on its cell and sends nothing; Escape cancels', async () => {
    const api = fakeApi();
    render(<ActionsScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit gold-card' }));
    fireEvent.change(screen.getByLabelText('Value of gold-card'), { target: { value: 'lots' } });
    fireEvent.change(screen.getByLabelText('Attributes of gold-card'), { target: { value: '{"segment":' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Value "lots" is not a number')).toBeTruthy();
    expect(screen.getByText('Attributes must be a JSON object, e.g. {"segment": "gold"}')).toBeTruthy();
    expect(screen.getByLabelText('Value of gold-card').getAttribute('aria-invalid')).toBe('true');
    expect(api.updates).toEqual([]);
    fireEvent.keyDown(screen.getByLabelText('Value of gold-card'), { key: 'Escape' });
    expect(screen.queryByLabelText('Value of gold-card')).toBeNull();
    expect(screen.getByText('120')).toBeTruthy();
  });

  it('says when someone else changed the row, keeps the typing, and reloads the row', async () => {
    const api = fakeApi();
    render(<ActionsScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit gold-card' }));
    fireEvent.change(screen.getByLabelText('Value of gold-card'), { target: { value: '175' } });
    api.bump('gold-card', { name: 'Gold card (renamed)' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/Someone else changed gold-card \(now at revision 3\) while you were editing/),
    ).toBeTruthy();
    expect((screen.getByLabelText('Value of gold-card') as HTMLInputElement).value).toBe('175');
    fireEvent.click(screen.getByRole('button', { name: 'Reload this row' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Name of gold-card') as HTMLInputElement).value).toBe(
        'Gold card (renamed)',
      ),
    );
    expect((screen.getByLabelText('Value of gold-card') as HTMLInputElement).value).toBe('175');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved gold-card.')).toBeTruthy();
    expect(api.updates[1]).toEqual({ id: 'gold-card', input: { expectedRevision: 3, value: 175 } });
  });

  it('shows the server’s validation details on the right cells', async () => {
    const api = fakeApi();
    api.update = async () => {
      throw new ApiError('The input is invalid', 'VALIDATION_FAILED', [
        { field: 'input.channel', message: 'must be at most 100 characters' },
      ]);
    };
    render(<ActionsScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit gold-card' }));
    fireEvent.change(screen.getByLabelText('Channel of gold-card'), { target: { value: 'email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Channel must be at most 100 characters')).toBeTruthy();
    expect((screen.getByLabelText('Channel of gold-card') as HTMLInputElement).value).toBe('email');
  });

  it('adds a new action and deletes one after confirmation', async () => {
    const api = fakeApi();
    render(<ActionsScreen user={designer} api={api} />);
    await screen.findByText('2 actions in 2 groups');
    fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    fireEvent.change(screen.getByLabelText('Id of the new action'), { target: { value: 'savings-plan' } });
    fireEvent.change(screen.getByLabelText('Name of the new action'), { target: { value: 'Savings plan' } });
    fireEvent.change(screen.getByLabelText('Tags of the new action'), {
      target: { value: 'save, long term' },
    });
    fireEvent.keyDown(screen.getByLabelText('Name of the new action'), { key: 'Enter' });
    expect(await screen.findByText('Saved savings-plan.')).toBeTruthy();
    expect(screen.getByText('long term')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete travel-insurance' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete travel-insurance?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete action' }));
    expect(await screen.findByText('Deleted travel-insurance.')).toBeTruthy();
    expect(screen.queryByText('Travel insurance')).toBeNull();
  });

  it('previews a CSV import with line-numbered problems and imports only the valid rows', async () => {
    const api = fakeApi();
    render(<ActionsScreen user={designer} api={api} />);
    await screen.findByText('2 actions in 2 groups');
    const csv = 'id,name,value\ngold-card,Gold credit card,130\nnew-one,New one,5\nbad,Bad,abc\n';
    fireEvent.change(screen.getByLabelText('Import CSV…'), {
      target: { files: [new File([csv], 'actions.csv', { type: 'text/csv' })] },
    });
    const panel = await screen.findByRole('region', { name: 'Import from CSV' });
    expect(within(panel).getByText('3 rows: 1 new, 1 to update, 0 unchanged, 1 with problems')).toBeTruthy();
    expect(within(panel).getAllByText('Line 4: value: "abc" is not a number')).toHaveLength(1);
    expect(within(panel).getByText('130')).toBeTruthy();
    expect(
      (within(panel).getByRole('button', { name: 'Import 2 actions' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(within(panel).getByRole('button', { name: 'Import only the 2 valid rows' }));
    expect(await within(panel).findByText('Import finished: 1 created, 1 updated.')).toBeTruthy();
    expect(await screen.findByText('3 actions in 2 groups')).toBeTruthy();
    expect(screen.getByText('New one')).toBeTruthy();
  });

  it('is read-only for an analyst, with the reason on the disabled controls', async () => {
    render(<ActionsScreen user={analyst} api={fakeApi()} />);
    await screen.findByText('Gold credit card');
    expect(screen.getByText('Read-only: Only designers change the action catalog.')).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add action' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(add.title).toBe('Only designers change the action catalog.');
    const edit = screen.getByRole('button', { name: 'Edit gold-card' }) as HTMLButtonElement;
    expect(edit.disabled).toBe(true);
    expect(edit.title).toBe('Only designers change the action catalog.');
    expect((screen.getByLabelText('Import CSV…') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('filters by search, group and channel on the server, with counts', async () => {
    const api = fakeApi();
    const asked = jest.spyOn(api, 'page');
    render(<ActionsScreen user={designer} api={api} />);
    await screen.findByText('2 actions in 2 groups');
    fireEvent.change(screen.getByLabelText('Filter by group'), { target: { value: 'insurance' } });
    await screen.findByText('Showing 1 of 2 actions');
    expect(screen.queryByText('Gold credit card')).toBeNull();
    expect(asked).toHaveBeenLastCalledWith({ search: '', group: 'insurance', channel: '' }, undefined);
    fireEvent.change(screen.getByLabelText('Search actions'), { target: { value: 'gold' } });
    await screen.findByText('No action matches');
  });

  it('reads the catalog again when the user comes back to the page', async () => {
    const api = fakeApi();
    render(<ActionsScreen user={designer} api={api} />);
    await screen.findByText('2 actions in 2 groups');
    await api.create({ id: 'car-loan', name: 'Car loan', group: 'loans' });
    fireEvent(window, new Event('focus'));
    await screen.findByText('Car loan');
    expect(screen.getByText('3 actions in 3 groups')).toBeTruthy();
  });
});
