/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { DefineSchemaFieldInput } from '../api/generated/graphql';
import { ApiError } from '../api/client';
import { analyst, designer } from '../test-support/session-users';
import type { DeclaredFields, SchemaApi, SchemaField } from './schema-api';
import { SchemaScreen } from './SchemaScreen';

const field = (
  scope: 'customer' | 'context',
  name: string,
  over: Partial<SchemaField> = {},
): SchemaField => ({
  scope,
  name,
  type: 'string',
  label: null,
  description: null,
  allowedValues: null,
  personal: false,
  ...over,
});

function fakeApi() {
  const declared: DeclaredFields = {
    customer: [
      field('customer', 'age', { type: 'number', personal: true }),
      field('customer', 'segment', { allowedValues: ['gold', 'silver'] }),
    ],
    context: [field('context', 'channel', { allowedValues: ['web', 'app'] })],
  };
  const defined: DefineSchemaFieldInput[] = [];
  const removed: string[] = [];
  const api: SchemaApi & { defined: typeof defined; removed: typeof removed } = {
    defined,
    removed,
    load: async () => declared,
    define: async (input) => {
      defined.push(input);
      return field(input.scope, input.name, {
        type: input.type,
        label: input.label ?? null,
        allowedValues: input.allowedValues,
        personal: !!input.personal,
      });
    },
    remove: async (scope, name) => {
      removed.push(`${scope}.${name}`);
    },
  };
  return api;
}

describe('SchemaScreen', () => {
  it('lists customer and context fields with their types, allowed values and personal data', async () => {
    render(<SchemaScreen user={designer} api={fakeApi()} />);
    const customer = await screen.findByRole('region', { name: 'Customer fields' });
    expect(within(customer).getByText('customer.age')).toBeTruthy();
    expect(within(customer).getByText('personal').getAttribute('title')).toBe(
      'Personal data: never logged, masked in exports',
    );
    expect(within(customer).getByText('silver')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Context fields' })).getByText('context.channel'),
    ).toBeTruthy();
  });

  it('adds a field with allowed values typed to the field', async () => {
    const api = fakeApi();
    render(<SchemaScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add customer field' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a customer field' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'score' } });
    fireEvent.change(within(dialog).getByLabelText('Type'), { target: { value: 'number' } });
    const values = within(dialog).getByLabelText('Allowed values');
    fireEvent.change(values, { target: { value: 'high' } });
    fireEvent.keyDown(values, { key: 'Enter' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    expect(
      await within(dialog).findByText('Allowed values: "high" is not a number: a number field takes numbers'),
    ).toBeTruthy();
    expect(api.defined).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove high' }));
    fireEvent.change(values, { target: { value: '3' } });
    fireEvent.keyDown(values, { key: 'Enter' });
    fireEvent.click(within(dialog).getByRole('switch', { name: /Personal data/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    expect(await screen.findByText('Saved customer.score.')).toBeTruthy();
    expect(api.defined).toEqual([
      {
        scope: 'customer',
        name: 'score',
        type: 'number',
        label: null,
        description: null,
        allowedValues: [3],
        personal: true,
      },
    ]);
    expect(screen.getByText('customer.score')).toBeTruthy();
  });

  it('shows a server error as a sentence and keeps the form', async () => {
    const api = fakeApi();
    api.define = async () => {
      throw new ApiError('This operation needs one of the roles: designer.', 'FORBIDDEN', undefined, {
        requiredRoles: ['designer'],
      });
    };
    render(<SchemaScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit context.channel' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit context.channel' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    expect(
      await within(dialog).findByText(
        'Not saved: You are not allowed to do this: it needs the designer role.',
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText('web')).toBeTruthy();
  });

  it('removes a field after confirmation', async () => {
    const api = fakeApi();
    render(<SchemaScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove customer.segment' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Remove customer.segment?' })).getByRole('button', {
        name: 'Remove field',
      }),
    );
    expect(await screen.findByText('Removed customer.segment.')).toBeTruthy();
    expect(api.removed).toEqual(['customer.segment']);
    expect(screen.queryByText('customer.segment')).toBeNull();
  });

  it('is read-only for an analyst, with the reason', async () => {
    render(<SchemaScreen user={analyst} api={fakeApi()} />);
    const add = (await screen.findByRole('button', { name: 'Add customer field' })) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(add.title).toBe('Only designers change the customer schema.');
    expect((screen.getByRole('button', { name: 'Remove customer.age' }) as HTMLButtonElement).title).toBe(
      'Only designers change the customer schema.',
    );
    expect(screen.getByText('Read-only: Only designers change the customer schema.')).toBeTruthy();
  });
});
