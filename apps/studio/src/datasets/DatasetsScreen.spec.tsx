/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/client';
import { analyst, designer } from '../test-support/session-users';
import { DatasetsScreen } from './DatasetsScreen';
import { dataset, memoryApi } from './test-fixtures';

const csv = () =>
  new File(
    ['destination,weather,temperature,coupon,expiration,gender,age,Y\nHome,Sunny,55,Bar,1d,Female,21,1\n'],
    'coupons.csv',
    { type: 'text/csv' },
  );

async function openMapping(api: ReturnType<typeof memoryApi>['api']) {
  render(<DatasetsScreen user={analyst} api={api} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Upload a dataset' }));
  fireEvent.change(screen.getByLabelText('Dataset file (CSV or JSON lines)'), { target: { files: [csv()] } });
  await screen.findByRole('heading', { name: 'Columns' });
  // The file's age and gender are text, declared a number and true/false: the form asks, and the
  // analyst maps them onto the declared fields anyway.
  expect(
    screen.getByText('customer.age is declared number, this column holds text. Which should it become?'),
  ).toBeTruthy();
  expect((screen.getByLabelText('Column "age" personal data') as HTMLSelectElement).value).toBe('keep');
  fireEvent.click(screen.getByRole('button', { name: 'Use customer.age anyway' }));
  fireEvent.click(screen.getByRole('button', { name: 'Use customer.gender anyway' }));
  expect(screen.queryByRole('button', { name: 'Use customer.age anyway' })).toBeNull();
}

describe('DatasetsScreen list', () => {
  it('lists datasets with rows kept and rejected, and deletes after confirmation', async () => {
    const { api, calls } = memoryApi([
      dataset(),
      dataset({ id: 'd2', name: 'Broken', status: 'FAILED', rowCount: 0, rowsRead: 0 }),
    ]);
    render(<DatasetsScreen user={analyst} api={api} />);
    const row = (await screen.findByRole('link', { name: 'Coupons 2026' })).closest('tr')!;
    // Status, rows kept, rows rejected, size.
    for (const text of ['Ready', '990', '10', '2.0 MB']) expect(within(row).getByText(text)).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete Coupons 2026' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete "Coupons 2026"?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete dataset' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Coupons 2026' })).toBeNull());
    expect(calls.filter((c) => c.method === 'remove')).toEqual([{ method: 'remove', args: ['d1'] }]);
  });

  it("shows the server's refusal to delete as a sentence", async () => {
    const { api } = memoryApi([dataset()], {
      remove: async () => {
        throw new ApiError(
          'A simulation is running on dataset "Coupons 2026": cancel it first.',
          'INVALID_STATE',
          undefined,
          { allowed: ['cancelSimulation'] },
        );
      },
    });
    render(<DatasetsScreen user={analyst} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Coupons 2026' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete dataset' }));
    expect(
      await screen.findByText(
        'A simulation is running on dataset "Coupons 2026": cancel it first. What can be done now: cancelSimulation.',
      ),
    ).toBeTruthy();
  });

  it('says what to do when there is none, and why a designer cannot upload', async () => {
    const { api } = memoryApi([]);
    render(<DatasetsScreen user={designer} api={api} />);
    expect(await screen.findByText('No datasets yet')).toBeTruthy();
    const upload = screen.getByRole('button', { name: 'Upload a dataset' }) as HTMLButtonElement;
    expect(upload.disabled).toBe(true);
    expect(upload.title).toBe('Only analysts upload datasets.');
  });
});

describe('DatasetsScreen upload', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('inspects the file, pre-fills the mapping, validates, and uploads the mapping', async () => {
    const { api, calls } = memoryApi([]);
    await openMapping(api);
    expect(calls.find((c) => c.method === 'inspect')).toBeTruthy();
    expect((screen.getByLabelText('Outcome column') as HTMLSelectElement).value).toBe('Y');
    expect((screen.getByLabelText('Dataset name') as HTMLInputElement).value).toBe('coupons');
    expect(
      screen.getByText(/customer.gender is declared boolean, but the first rows look like string/),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    expect(
      screen.getAllByText('Choose the customer id column, or say the file has none.').length,
    ).toBeGreaterThan(0);
    expect(calls.some((c) => c.method === 'upload')).toBe(false);

    fireEvent.change(screen.getByLabelText('Customer id column'), { target: { value: '(none)' } });
    fireEvent.change(screen.getByLabelText('Column "weather" becomes'), { target: { value: '(ignored)' } });
    // A column may become a declared field of another name.
    const destination = screen.getByLabelText('Column "destination" becomes') as HTMLSelectElement;
    expect([...destination.options].map((o) => o.text)).toEqual([
      'customer.destination (new, text)',
      'customer.age (declared number)',
      'customer.gender (declared true/false)',
      'customer.segment (declared text)',
      'A field named here…',
      'Ignored',
    ]);
    fireEvent.change(destination, { target: { value: 'segment' } });
    // Or a field the analyst names: it must be an identifier before anything is sent.
    fireEvent.change(screen.getByLabelText('Column "temperature" becomes'), { target: { value: '(named)' } });
    const name = screen.getByLabelText('Column "temperature" field name');
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    expect(screen.getAllByText('Name the customer field "temperature" becomes.').length).toBeGreaterThan(0);
    fireEvent.change(name, { target: { value: 'outside temp' } });
    expect(
      screen.getAllByText(
        '"outside temp" cannot be a field name: use letters, digits and _, not starting with a digit.',
      ).length,
    ).toBeGreaterThan(0);
    fireEvent.change(name, { target: { value: 'outsideTemp' } });
    expect(calls.some((c) => c.method === 'upload')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/datasets\/./));
    const upload = calls.find((c) => c.method === 'upload')!;
    expect(upload.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(window.location.hash).toBe(`#/datasets/${upload.id}`);
    expect(upload.args).toEqual([
      'coupons',
      'csv',
      {
        fields: ['destination', 'temperature', 'expiration', 'gender', 'age'],
        loggedAction: 'coupon',
        outcome: 'Y',
        fieldNames: { destination: 'segment', temperature: 'outsideTemp' },
        personal: { age: 'hash' },
      },
    ]);
  });

  it("keeps the form filled and shows the server's message when the upload is refused", async () => {
    const { api } = memoryApi([], {
      upload: async () => {
        throw new ApiError('Add a header line: the first line looks like data.', 'BAD_REQUEST');
      },
    });
    await openMapping(api);
    fireEvent.change(screen.getByLabelText('Customer id column'), { target: { value: 'gender' } });
    fireEvent.change(screen.getByLabelText('Dataset name'), { target: { value: 'My coupons' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    expect(
      await screen.findByText('The upload failed: Add a header line: the first line looks like data.'),
    ).toBeTruthy();
    expect((screen.getByLabelText('Dataset name') as HTMLInputElement).value).toBe('My coupons');
    expect((screen.getByLabelText('Customer id column') as HTMLSelectElement).value).toBe('gender');
  });

  it('shows the progress of the upload and lets the analyst cancel it', async () => {
    const { api } = memoryApi([], {
      upload: (req) =>
        new Promise((_, reject) => {
          req.onProgress({ sent: 40, total: 100 });
          req.signal.addEventListener('abort', () =>
            reject(new ApiError('The upload was cancelled.', 'ABORTED')),
          );
        }),
    });
    await openMapping(api);
    fireEvent.change(screen.getByLabelText('Customer id column'), { target: { value: '(none)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    const progress = await screen.findByRole('region', { name: 'Upload progress' });
    expect(within(progress).getByText('40 %')).toBeTruthy();
    fireEvent.click(within(progress).getByRole('button', { name: 'Cancel upload' }));
    expect(
      await screen.findByText('The upload failed: you cancelled it, and nothing of it was kept.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Upload and import' })).toBeTruthy();
  });

  it('follows the import by the id it sent with the upload, even beside a dataset of the same name', async () => {
    let sentId = '';
    const fixture = memoryApi([dataset({ id: 'other', name: 'coupons', status: 'UPLOADING', rowsRead: 9 })], {
      upload: (req) => {
        sentId = req.id;
        fixture.store.push(
          dataset({
            id: req.id,
            name: req.name,
            status: 'UPLOADING',
            rowsRead: 400,
            bytesRead: 50,
            report: null,
          }),
        );
        return new Promise(() => undefined);
      },
    });
    await openMapping(fixture.api);
    fireEvent.change(screen.getByLabelText('Customer id column'), { target: { value: '(none)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    const progress = await screen.findByRole('region', { name: 'Upload progress' });
    expect(await within(progress).findByText('400 rows read', {}, { timeout: 3000 })).toBeTruthy();
    const polled = fixture.calls.filter((c) => c.method === 'get').map((c) => c.args[0]);
    expect(polled.length).toBeGreaterThan(0);
    expect(polled.every((id) => id === sentId)).toBe(true);
  });

  it('explains a file the server cannot read', async () => {
    const { api } = memoryApi([], {
      inspect: async () => {
        throw new ApiError('This looks like a binary file, not CSV or JSON lines.', 'BAD_REQUEST');
      },
    });
    render(<DatasetsScreen user={analyst} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Upload a dataset' }));
    fireEvent.change(screen.getByLabelText('Dataset file (CSV or JSON lines)'), {
      target: { files: [csv()] },
    });
    expect(
      await screen.findByText(
        '"coupons.csv" cannot be imported: This looks like a binary file, not CSV or JSON lines.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Upload and import' })).toBeNull();
  });
});

describe('DatasetsScreen dataset page', () => {
  it('says how each personal column was treated, including one kept in clear', async () => {
    const { api } = memoryApi([dataset({ personalColumns: { age: 'keep', email: 'hash', phone: 'drop' } })]);
    render(<DatasetsScreen user={analyst} datasetId="d1" api={api} />);
    const section = (await screen.findByRole('heading', { name: 'Personal data' })).parentElement!;
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'age: kept in clear, as chosen at upload (declared personal in the customer schema)',
      'email: hashed at import (HMAC-SHA-256; equal values still match)',
      'phone: dropped at import',
    ]);
  });

  it('shows the quality report: rows, rejected rows with lines, column statistics, mapping', async () => {
    const { api } = memoryApi([dataset()]);
    render(<DatasetsScreen user={analyst} datasetId="d1" api={api} />);
    expect(await screen.findByRole('heading', { name: /Coupons 2026/ })).toBeTruthy();
    expect(screen.getByText('Rows rejected').previousSibling!.textContent).toBe('10');
    expect(screen.getByLabelText('Rejections by reason').textContent).toBe('10 not a number');
    const rejected = screen.getByRole('heading', { name: 'Rejected rows' }).parentElement!;
    expect(within(rejected).getAllByRole('row')).toHaveLength(11);
    expect(within(rejected).getByText('Showing 10 of 10 rejected rows.', { exact: false })).toBeTruthy();
    expect(screen.getByText('30 – 80')).toBeTruthy();
    expect(screen.getByText('hidden (personal)')).toBeTruthy();
    expect(screen.getByLabelText('Most frequent values of destination').textContent).toContain('Home');
    // A number column: how its values spread, bar by bar, beside its range.
    expect(screen.getByLabelText('Histogram of temperature').textContent).toBe(
      '30 to 55: 500 rows55 to 80: 481 rows',
    );
    expect(screen.getByText('coupon + expiration')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Simulate a strategy on this dataset' }).getAttribute('href'),
    ).toBe('#/simulations');
  });

  it('follows an upload until it is ready', async () => {
    let polls = 0;
    const { api } = memoryApi([], {
      get: async () => {
        polls++;
        return polls < 2
          ? dataset({ status: 'UPLOADING', rowsRead: 400, bytesRead: 1_000_000, report: null })
          : dataset();
      },
    });
    render(<DatasetsScreen user={designer} datasetId="d1" api={api} />);
    expect(await screen.findByText('400 rows read')).toBeTruthy();
    expect(screen.getByText('Uploading')).toBeTruthy();
    expect(await screen.findByText('Ready', {}, { timeout: 3000 })).toBeTruthy();
    const simulate = screen.getByRole('button', {
      name: 'Simulate a strategy on this dataset',
    }) as HTMLButtonElement;
    expect(simulate.disabled).toBe(true);
    expect(simulate.title).toBe('Only analysts run, cancel and delete simulations.');
  });

  it('says why an import failed', async () => {
    const { api } = memoryApi([
      dataset({
        status: 'FAILED',
        error: 'This looks like a binary file, not CSV or JSON lines.',
        report: null,
      }),
    ]);
    render(<DatasetsScreen user={analyst} datasetId="d1" api={api} />);
    expect(
      await screen.findByText(/The import failed: This looks like a binary file, not CSV or JSON lines\./),
    ).toBeTruthy();
  });
});
