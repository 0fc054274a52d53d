/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ProfileImportApi, ProfileImportRequest } from './profile-import-api';
import { ProfileImport } from './ProfileImport';

const fakeApi = (
  sent: ProfileImportRequest[],
  finish: Promise<void> = Promise.resolve(),
): ProfileImportApi => ({
  sources: async () => [
    { name: 'crm', description: null },
    { name: 'billing', description: 'ERP' },
  ],
  customerSchema: async () => [
    { name: 'segment', type: 'string', label: null, personal: false },
    { name: 'balance', type: 'number', label: null, personal: false },
    { name: 'email', type: 'string', label: null, personal: true },
  ],
  inspect: async () => ({
    format: { kind: 'csv', encoding: 'utf-8', notes: [] },
    header: ['customer_id', 'Segment', 'balance', 'email', 'notes'],
    columns: [{ column: 'balance', field: { name: 'balance', type: 'number' }, sampled: 2 }],
    sampledRows: 2,
    bytesRead: 80,
    notes: [],
  }),
  importProfiles: async (req) => {
    sent.push(req);
    await finish;
    return {
      source: req.source,
      updatedAt: '2026-03-01T00:00:00Z',
      rowsRead: 3,
      rowsImported: 2,
      rowsRejected: 1,
      fieldsApplied: 5,
      fieldsIgnoredAsOlder: 1,
      rejected: [{ line: 4, column: 'balance', kind: 'invalid-number', reason: 'balance: not a number' }],
    };
  },
  progress: async (importId) =>
    sent.some((r) => r.importId === importId)
      ? { status: 'running', rowsRead: 40_000, rowsImported: 20_000, rowsRejected: 0 }
      : undefined,
});

describe('ProfileImport', () => {
  it('maps the declared columns, asks for the source, imports and reports what happened', async () => {
    const sent: ProfileImportRequest[] = [];
    let finish = () => {};
    render(<ProfileImport api={fakeApi(sent, new Promise((resolve) => (finish = resolve)))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Import profiles from a file' }));
    const file = new File(['customer_id,Segment,balance,email,notes\nC-1,gold,10,a@b.c,x\n'], 'crm.csv', {
      type: 'text/csv',
    });
    fireEvent.change(await screen.findByLabelText('File (CSV or JSON lines)'), { target: { files: [file] } });
    const columns = await screen.findByRole('table', { name: 'Columns to import' });
    const row = (column: string) => within(columns).getByRole('cell', { name: column }).closest('tr')!;
    const fieldOf = (column: string) =>
      (screen.getByLabelText(`Customer field for ${column}`) as HTMLSelectElement).value;
    expect(fieldOf('Segment')).toBe('segment');
    expect(row('email').textContent).toContain('personal: stored as a pseudonym');
    expect(fieldOf('notes')).toBe('');
    expect((within(row('notes')).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Customer id column') as HTMLSelectElement).value).toBe('customer_id');

    // No source chosen yet: the import is not sent.
    fireEvent.click(screen.getByRole('button', { name: 'Import profiles' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the source');
    expect(sent).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'crm' } });
    fireEvent.click(screen.getByLabelText('Import email'));
    // A column renamed onto a field another column already fills: refused until one is left out.
    fireEvent.change(screen.getByLabelText('Customer field for notes'), { target: { value: 'segment' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import profiles' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The columns "Segment" and "notes" both fill the field segment',
    );
    fireEvent.click(screen.getByLabelText('Import Segment'));
    fireEvent.click(screen.getByRole('button', { name: 'Import profiles' }));
    // While the server stores the rows, the screen says how many it has stored.
    await waitFor(
      () =>
        expect(screen.getByRole('status', { name: 'Import progress' }).textContent).toContain(
          '20,000 rows stored so far',
        ),
      { timeout: 3000 },
    );
    finish();
    expect((await screen.findByRole('status', { name: 'Import result' })).textContent).toContain(
      '2 of 3 rows imported from source crm: 5 values written, 1 kept (the stored value was newer); 1 row rejected.',
    );
    expect(screen.getByText('Line 4: balance: not a number')).toBeTruthy();
    expect(sent.map((r) => ({ source: r.source, format: r.format, mapping: r.mapping }))).toEqual([
      {
        source: 'crm',
        format: 'csv',
        mapping: {
          customerId: 'customer_id',
          fields: ['balance', 'notes'],
          fieldNames: { notes: 'segment' },
        },
      },
    ]);
  });
});
