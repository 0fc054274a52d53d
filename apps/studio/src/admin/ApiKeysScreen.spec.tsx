/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/client';
import { admin } from '../test-support/session-users';
import type { ApiKey, ApiKeysApi, NewApiKey } from './admin-api';
import { ApiKeysScreen } from './ApiKeysScreen';

const SECRET = 'arb_s3cr3t-value-only-shown-once';

function memoryApi(keys: ApiKey[] = []) {
  const created: NewApiKey[] = [];
  const revoked: string[] = [];
  const api: ApiKeysApi = {
    list: async () => keys.map((k) => ({ ...k })),
    strategies: async () => [
      { id: 's-demo', name: 'Retail next best action' },
      { id: 's-other', name: 'Winback' },
    ],
    create: async (input) => {
      if (input.name === 'taken')
        throw new ApiError('This cannot be accepted.', 'VALIDATION_FAILED', [
          { message: 'input.name is taken' },
        ]);
      created.push(input);
      const apiKey: ApiKey = {
        id: `k${created.length}`,
        name: input.name,
        prefix: 'arb_s3cr3t-v',
        strategyIds: input.strategyIds?.map(String) ?? null,
        rateLimitPerSecond: input.rateLimitPerSecond ?? null,
        createdAt: '2026-11-23T10:00:00.000Z',
        revokedAt: null,
      };
      keys.push(apiKey);
      return { apiKey, secret: SECRET };
    },
    revoke: async (id) => {
      revoked.push(id);
      const key = keys.find((k) => k.id === id)!;
      key.revokedAt = '2026-11-23T11:00:00.000Z';
      return { ...key };
    },
  };
  return { api, created, revoked };
}

const webShop: ApiKey = {
  id: 'k-shop',
  name: 'web shop',
  prefix: 'arb_abcdefgh',
  strategyIds: ['s-demo'],
  rateLimitPerSecond: 50,
  createdAt: '2026-11-20T10:00:00.000Z',
  revokedAt: null,
};

describe('ApiKeysScreen', () => {
  it('lists keys with their scope by strategy name, rate limit and status', async () => {
    const { api } = memoryApi([
      webShop,
      {
        ...webShop,
        id: 'k-old',
        name: 'old shop',
        strategyIds: null,
        rateLimitPerSecond: null,
        revokedAt: '2026-11-21T10:00:00.000Z',
      },
    ]);
    render(<ApiKeysScreen user={admin} api={api} />);
    const shop = (await screen.findByText('web shop')).closest('tr')!;
    await within(shop).findByText('Retail next best action');
    expect(within(shop).getByText('50 / s')).toBeTruthy();
    expect(within(shop).getByText('arb_abcdefgh…')).toBeTruthy();
    const old = screen.getByText('old shop').closest('tr')!;
    expect(old.className).toContain('row-revoked');
    expect(within(old).getByText('All strategies')).toBeTruthy();
    expect(within(old).getByText('default')).toBeTruthy();
    expect(within(old).getByText(/^Revoked/)).toBeTruthy();
    expect(within(old).queryByRole('button', { name: /Revoke/ })).toBeNull();
  });

  it('creates a key scoped to chosen strategies and shows the secret once', async () => {
    const { api, created } = memoryApi();
    render(<ApiKeysScreen user={admin} api={api} />);
    await screen.findByText('No API keys yet');
    fireEvent.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'web shop' } });
    fireEvent.click(within(dialog).getByLabelText(/Only the strategies chosen below/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByText('Choose at least one strategy, or allow all.')).toBeTruthy();
    fireEvent.click(await within(dialog).findByLabelText('Retail next best action'));
    fireEvent.change(within(dialog).getByLabelText('Rate limit (requests per second)'), {
      target: { value: '0' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(
      within(dialog).getByText('Enter a whole number from 1 to 1,000,000, or leave it empty.'),
    ).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Rate limit (requests per second)'), {
      target: { value: '20' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key' }));

    const secretDialog = await screen.findByRole('dialog', { name: 'API key “web shop” created' });
    expect(created).toEqual([{ name: 'web shop', strategyIds: ['s-demo'], rateLimitPerSecond: 20 }]);
    expect((within(secretDialog).getByLabelText('The new API key') as HTMLInputElement).value).toBe(SECRET);
    expect(within(secretDialog).getByText(/you will not see it again/)).toBeTruthy();
    expect(within(secretDialog).getByText(/Authorization: Bearer/, { selector: 'code' })).toBeTruthy();
    // The example call uses the strategy the key may decide with, so it works as pasted.
    expect(secretDialog.querySelector('pre')!.textContent).toContain(
      `-d '{"strategy":"Retail next best action","customer":{"id":"c-42"}}'`,
    );

    fireEvent.click(within(secretDialog).getByRole('button', { name: 'I have stored it, close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
    const row = screen.getByText('web shop').closest('tr')!;
    expect(within(row).getByText('arb_s3cr3t-v…')).toBeTruthy();
  });

  it('says why the server refused a new key', async () => {
    const { api } = memoryApi();
    render(<ApiKeysScreen user={admin} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New API key' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'taken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('This cannot be accepted: input.name is taken.')).toBeTruthy();
  });

  it('revokes only after confirmation, and keeps the key listed', async () => {
    const { api, revoked } = memoryApi([{ ...webShop }]);
    render(<ApiKeysScreen user={admin} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke web shop' }));
    const confirm = screen.getByRole('dialog', { name: 'Revoke “web shop”?' });
    expect(within(confirm).getByText(/cannot be undone/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(revoked).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke web shop' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(revoked).toEqual(['k-shop']);
    const row = screen.getByText('web shop').closest('tr')!;
    expect(row.className).toContain('row-revoked');
    expect(within(row).getByText(/^Revoked/)).toBeTruthy();
  });
});
